/// \file
/// Alias expansion and syntax-error location on query text.
#include "index/query_text.h"

#include <algorithm>

#include "index/schema.h"

namespace rumorwatch::index_detail {
namespace {

bool is_ascii_word_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '\'' || c == '*';
}

bool needs_quotes(std::string_view alias) {
    for (unsigned char c : alias)
        if (c == ' ' || c >= 0x80 || c == '-' || c == '.') return true;
    return false;
}

std::size_t columns(std::string_view text, std::size_t byte_end) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < byte_end && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

struct Token {
    std::string text;
    std::size_t at = 0;
};

bool is_binary_operator(const std::string& t) {
    return t == "AND" || t == "OR" || t == "XOR" || t == "NEAR" || t == "ADJ" ||
           t.rfind("NEAR/", 0) == 0 || t.rfind("ADJ/", 0) == 0;
}

} // namespace

std::string expand_aliases(std::string_view query, const std::vector<std::vector<std::string>>& groups) {
    struct Key {
        std::string lower;
        const std::vector<std::string>* group;
    };
    std::vector<Key> keys;
    for (const auto& group : groups)
        for (const auto& alias : group)
            if (!alias.empty()) keys.push_back({schema::ascii_lower(alias), &group});
    std::stable_sort(keys.begin(), keys.end(),
                     [](const Key& a, const Key& b) { return a.lower.size() > b.lower.size(); });
    const std::string lower = schema::ascii_lower(query);
    std::string out;
    bool in_quotes = false;
    std::size_t i = 0;
    while (i < query.size()) {
        const char c = query[i];
        if (c == '"') in_quotes = !in_quotes;
        const bool after_word = i > 0 && is_ascii_word_char(static_cast<unsigned char>(query[i - 1]));
        const bool after_field = i > 0 && query[i - 1] == ':';
        const Key* match = nullptr;
        if (!in_quotes && !after_field) {
            for (const Key& key : keys) {
                if (lower.compare(i, key.lower.size(), key.lower) != 0) continue;
                const auto first = static_cast<unsigned char>(key.lower.front());
                const auto last = static_cast<unsigned char>(key.lower.back());
                const std::size_t end = i + key.lower.size();
                const bool next_word = end < query.size() &&
                                       (is_ascii_word_char(static_cast<unsigned char>(query[end])) ||
                                        query[end] == ':');
                if (first < 0x80 && after_word) continue;
                if (last < 0x80 && next_word) continue;
                if (end < query.size() && query[end] == '*') continue;
                match = &key;
                break;
            }
        }
        if (!match) {
            out += c;
            ++i;
            continue;
        }
        out += '(';
        bool first_alias = true;
        for (const auto& alias : *match->group) {
            if (!first_alias) out += " OR ";
            first_alias = false;
            if (needs_quotes(alias)) {
                out += '"';
                out += alias;
                out += '"';
            } else {
                out += alias;
            }
        }
        out += ')';
        i += match->lower.size();
    }
    return out;
}

std::optional<SyntaxSpot> find_unbalanced(std::string_view query) {
    std::size_t quote_at = std::string_view::npos;
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const char c = query[i];
        if (c == '"') {
            quote_at = quote_at == std::string_view::npos ? i : std::string_view::npos;
        } else if (quote_at != std::string_view::npos) {
            continue;
        } else if (c == '(') {
            open.push_back(i);
        } else if (c == ')') {
            if (open.empty()) return SyntaxSpot{columns(query, i) + 1, "this bracket closes nothing"};
            open.pop_back();
        }
    }
    if (quote_at != std::string_view::npos)
        return SyntaxSpot{columns(query, quote_at) + 1, "this quote is never closed"};
    if (!open.empty()) return SyntaxSpot{columns(query, open.back()) + 1, "this bracket is never closed"};
    return std::nullopt;
}

SyntaxSpot locate_syntax_error(std::string_view query) {
    // Tokens outside quotes: brackets alone, words split on spaces.
    std::vector<Token> tokens;
    std::size_t quote_at = std::string_view::npos;
    std::string word;
    std::size_t word_at = 0;
    auto flush = [&] {
        if (!word.empty()) tokens.push_back({word, word_at});
        word.clear();
    };
    for (std::size_t i = 0; i < query.size(); ++i) {
        const char c = query[i];
        if (c == '"') {
            flush();
            if (quote_at == std::string_view::npos) {
                quote_at = i;
            } else {
                tokens.push_back({"\"\"", quote_at});
                quote_at = std::string_view::npos;
            }
            continue;
        }
        if (quote_at != std::string_view::npos) continue;
        if (c == ' ' || c == '\t' || c == '(' || c == ')') {
            flush();
            if (c == '(' || c == ')') tokens.push_back({std::string(1, c), i});
            continue;
        }
        if (word.empty()) word_at = i;
        word += c;
    }
    flush();
    auto spot = [&](std::size_t byte, std::string what) {
        return SyntaxSpot{columns(query, byte) + 1, std::move(what)};
    };
    if (quote_at != std::string_view::npos) return spot(quote_at, "this quote is never closed");
    std::vector<std::size_t> open;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        const bool first = k == 0 || tokens[k - 1].text == "(";
        const bool last = k + 1 == tokens.size() || tokens[k + 1].text == ")";
        if (t.text == "(") {
            open.push_back(t.at);
        } else if (t.text == ")") {
            if (open.empty()) return spot(t.at, "this bracket closes nothing");
            if (k > 0 && tokens[k - 1].text == "(") return spot(t.at, "empty brackets");
            open.pop_back();
        } else if (is_binary_operator(t.text)) {
            if (first || last) return spot(t.at, t.text + " needs a term on both sides");
            const std::string& next = tokens[k + 1].text;
            if (is_binary_operator(next) || next == "NOT")
                if (!(t.text == "AND" && next == "NOT"))
                    return spot(tokens[k + 1].at, next + " follows " + t.text + " without a term between");
        } else if (t.text == "NOT") {
            if (last) return spot(t.at, "NOT needs a term after it");
        }
    }
    if (!open.empty()) return spot(open.back(), "this bracket is never closed");
    return spot(query.size(), "the query ends too early");
}

} // namespace rumorwatch::index_detail
