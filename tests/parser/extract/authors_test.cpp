#include <catch2/catch.hpp>

#include "parser/extract/authors.h"

using namespace rumorwatch;

using Names = std::vector<std::string>;

TEST_CASE("authors: bylines split into people", "[parser]") {
    struct Row {
        const char* byline;
        Names people;
        Names organisations;
    };
    for (const Row& row : std::vector<Row>{
             {"By Dana Whitfield", {"Dana Whitfield"}, {}},
             {"BY DANA WHITFIELD", {"DANA WHITFIELD"}, {}},
             {"By Jane Doe and John Smith", {"Jane Doe", "John Smith"}, {}},
             {"By Jane Doe, John Smith and Ann Lee", {"Jane Doe", "John Smith", "Ann Lee"}, {}},
             {"By Jane Doe, John Smith, and Ann Lee", {"Jane Doe", "John Smith", "Ann Lee"}, {}},
             {"Jane Doe & John Smith", {"Jane Doe", "John Smith"}, {}},
             {"By Jane Doe in Beijing", {"Jane Doe"}, {}},
             {"By Jane Doe | Reuters", {"Jane Doe"}, {"Reuters"}},
             {"By Jane Doe, Reuters", {"Jane Doe"}, {"Reuters"}},
             {"By Jane Doe · Feb 13, 2025 · 5 min read", {"Jane Doe"}, {}},
             {"Written by Jane Doe, Senior Editor", {"Jane Doe"}, {}},
             {"Pacific Wire Staff", {}, {"Pacific Wire Staff"}},
             {"By The Associated Press", {}, {"The Associated Press"}},
             {"AFP", {}, {"AFP"}},
             {"记者 张三", {"张三"}, {}},
             {"记者 张三 李四", {"张三", "李四"}, {}},
             {"本报记者 王小明、李华", {"王小明", "李华"}, {}},
             {"文/陈静", {"陈静"}, {}},
             {"新华社", {}, {"新华社"}},
             {"来源：新华社 记者：张三", {"张三"}, {"新华社"}},
             {"蒂姆·库克", {"蒂姆·库克"}, {}},
             {"김철수 기자", {"김철수"}, {}},
             {"", {}, {}},
             {"Updated 4:10 PM ET", {}, {}},
             {"https://twitter.com/someone", {}, {}},
         }) {
        INFO(row.byline);
        const Byline b = split_byline(row.byline);
        CHECK(b.people == row.people);
        CHECK(b.organisations == row.organisations);
    }
}

TEST_CASE("authors: organisation names", "[parser]") {
    for (const char* org : {"Reuters", "Bloomberg News", "Pacific Wire Staff", "CircuitBeat Staff", "Editorial Board",
                            "Tech Desk", "Xinhua", "AP", "华玲科技编辑部", "中新网", "人民日报", "Meridian News Agency"})
        CHECK(is_organisation_name(org));
    for (const char* person : {"Dana Whitfield", "Jane Doe", "张三", "Li Wei", "Joe Tsai"}) CHECK_FALSE(is_organisation_name(person));
}
