#include "parser/analysis/rule_words.h"

#include <map>
#include <stdexcept>

#include "parser/analysis/embedded_data.h"

namespace rumorwatch::rules {
namespace {

RUMORWATCH_EMBED_FILE(rule_words_text, rumorwatch_rule_words, RUMORWATCH_RULE_WORDS_PATH)

/// "\s" at either end of a phrase is a significant space.
std::string unescape_ends(std::string_view phrase) {
    std::string out(phrase);
    if (out.starts_with("\\s")) out.replace(0, 2, " ");
    if (out.size() >= 2 && out.ends_with("\\s")) out.replace(out.size() - 2, 2, " ");
    return out;
}

std::map<std::string, std::vector<std::string>, std::less<>> parse_lists() {
    std::map<std::string, std::vector<std::string>, std::less<>> lists;
    std::string_view text = rule_words_text();
    while (!text.empty()) {
        const std::string_view line = take_line(text);
        if (line.empty() || line.front() == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0 || tab + 1 >= line.size()) continue;
        lists[std::string(line.substr(0, tab))].push_back(unescape_ends(line.substr(tab + 1)));
    }
    return lists;
}

} // namespace

const std::vector<std::string>& word_list(std::string_view name) {
    static const auto lists = parse_lists();
    const auto it = lists.find(name);
    if (it == lists.end()) throw std::logic_error("no word list \"" + std::string(name) + "\" in rule_words.tsv");
    return it->second;
}

bool equals_any(std::string_view text, std::string_view list) {
    for (const auto& w : word_list(list))
        if (text == w) return true;
    return false;
}

bool starts_with_any(std::string_view text, std::string_view list) {
    for (const auto& w : word_list(list))
        if (text.starts_with(w)) return true;
    return false;
}

bool ends_with_any(std::string_view text, std::string_view list) {
    for (const auto& w : word_list(list))
        if (text.ends_with(w)) return true;
    return false;
}

bool contains_any(std::string_view text, std::string_view list) {
    for (const auto& w : word_list(list))
        if (text.find(w) != std::string_view::npos) return true;
    return false;
}

} // namespace rumorwatch::rules
