#include <catch2/catch.hpp>

#include "parser/extract/language.h"

using namespace rumorwatch;

TEST_CASE("language: declared tags are normalised", "[parser]") {
    CHECK(normalise_language_tag("en-US") == "en");
    CHECK(normalise_language_tag("zh_CN") == "zh");
    CHECK(normalise_language_tag(" zh-Hans-CN ") == "zh");
    CHECK(normalise_language_tag("ZH-tw") == "zh");
    CHECK(normalise_language_tag("ja") == "ja");
    CHECK(normalise_language_tag("en, fr") == "en");
    CHECK(normalise_language_tag("zho") == "zh");
    CHECK(normalise_language_tag("") == "");
    CHECK(normalise_language_tag("*") == "");
    CHECK(normalise_language_tag("x") == "");
    CHECK(normalise_language_tag("english") == "");
}

TEST_CASE("language: detected from the script and stop words", "[parser]") {
    struct Row {
        const char* text;
        const char* language;
        bool mixed;
    };
    for (const Row& r : std::vector<Row>{
             {"Apple has chosen Alibaba to power the AI features of iPhones sold in China, according to people "
              "familiar with the matter, and the deal is awaiting approval.", "en", false},
             {"苹果公司已选择阿里巴巴为其在中国销售的iPhone提供人工智能功能，据知情人士透露，该合作仍需监管部门批准。", "zh", false},
             {"アップルは中国で販売するiPhoneのAI機能の提供元としてアリババを選んだと、関係者が明らかにした。", "ja", false},
             {"애플은 중국에서 판매되는 아이폰의 인공지능 기능을 위해 알리바바를 선택했다고 소식통이 전했다.", "ko", false},
             {"Apple hat Alibaba ausgewählt, um die KI-Funktionen der in China verkauften iPhones zu liefern, und "
              "die Genehmigung ist noch nicht erteilt.", "de", false},
             {"Apple a choisi Alibaba pour fournir les fonctions d'IA des iPhone vendus en Chine, selon des sources "
              "proches du dossier, et le projet est dans l'attente.", "fr", false},
             {"Apple ha elegido a Alibaba para las funciones de IA de los iPhone que se venden en China, según "
              "fuentes cercanas, y el acuerdo espera la aprobación.", "es", false},
             {"苹果公司与阿里巴巴达成合作。Apple and Alibaba have agreed to work together on AI features for the "
              "iPhones sold in China, the companies said on Monday in a joint statement.", "en", true},
             {"Новости о сделке между двумя компаниями в Китае и о том, что скажут регуляторы", "ru", false},
         }) {
        INFO(r.text);
        const LanguageGuess g = detect_language(r.text);
        CHECK(g.language == r.language);
        CHECK(g.mixed == r.mixed);
    }
    CHECK(detect_language("").language.empty());
    CHECK(detect_language("1234 5678 !!!").language.empty());
}
