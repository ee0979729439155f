/// \file
/// Alias expansion and syntax-error location on query text.
#include "index/query_text.h"
#include "index/index.h"

#include <algorithm>
#include <cctype>

#include "index/schema.h"
#include "parser/core/core.h"

namespace rumorwatch::index_detail {
namespace {

bool is_ascii_word_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '\'' || c == '*';
}

std::size_t columns(std::string_view text, std::size_t byte_end) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < byte_end && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

/// A word, a bracket or a quoted phrase (text `""`) outside quotes; bytes [at, end).
struct Token {
    std::string text;
    std::size_t at = 0;
    std::size_t end = 0;
};

bool is_proximity_operator(std::string_view t) {
    return t == "NEAR" || t == "ADJ" || t.rfind("NEAR/", 0) == 0 || t.rfind("ADJ/", 0) == 0;
}

bool is_binary_operator(const std::string& t) {
    return t == "AND" || t == "OR" || t == "XOR" || is_proximity_operator(t);
}

/// ASCII punctuation that means nothing in a query and that Xapian's parser reads as a word
/// break ("NEAR[apple" is the operator, then a word).
bool is_separator_punctuation(char c) {
    return std::string_view("[]{}<>=;,!?|\\^`$%").find(c) != std::string_view::npos;
}

bool is_sign(char c) { return c == '+' || c == '-'; }

/// Whether `field` (as typed, maybe after + or -) is searched as free text (kTextFields).
bool is_text_field(std::string_view field) {
    if (!field.empty() && is_sign(field.front())) field.remove_prefix(1);
    return std::find(std::begin(kTextFields), std::end(kTextFields), field) != std::end(kTextFields);
}

bool ends_word(char c) {
    return c == ' ' || c == '\t' || c == '(' || c == ')' || c == '"' || is_separator_punctuation(c);
}

/// Whether an alias at bytes [begin, end) of `query` would stand beside NEAR or ADJ once
/// expanded: the word holding it has one of those operators before or after it, or one is
/// glued to it ("阿里巴巴NEAR", which expansion would set apart). Xapian 1.4 runs a
/// proximity search over terms only; an alias group there fails the search, and the
/// parser leaks memory on it. The whole word counts: 阿里巴巴 beside NEAR is left whole.
bool beside_proximity_operator(std::string_view query, std::size_t begin, std::size_t end) {
    const auto blank = [&](std::size_t i) { return query[i] == ' ' || query[i] == '\t'; };
    const auto ascii_part = [&](std::size_t i) {
        return static_cast<unsigned char>(query[i]) < 0x80 && !ends_word(query[i]);
    };
    std::size_t glued = end;
    while (glued < query.size() && ascii_part(glued)) ++glued;
    if (is_proximity_operator(query.substr(end, glued - end))) return true;
    glued = begin;
    while (glued > 0 && ascii_part(glued - 1)) --glued;
    if (is_proximity_operator(query.substr(glued, begin - glued))) return true;

    std::size_t word_begin = begin, word_end = end;
    while (word_begin > 0 && !ends_word(query[word_begin - 1])) --word_begin;
    while (word_end < query.size() && !ends_word(query[word_end])) ++word_end;
    std::size_t left_end = word_begin;
    while (left_end > 0 && blank(left_end - 1)) --left_end;
    std::size_t left_begin = left_end;
    while (left_begin > 0 && !ends_word(query[left_begin - 1])) --left_begin;
    if (left_end < word_begin && is_proximity_operator(query.substr(left_begin, left_end - left_begin)))
        return true;
    std::size_t right_begin = word_end;
    while (right_begin < query.size() && blank(right_begin)) ++right_begin;
    std::size_t right_end = right_begin;
    while (right_end < query.size() && !ends_word(query[right_end])) ++right_end;
    return right_begin > word_end && is_proximity_operator(query.substr(right_begin, right_end - right_begin));
}

} // namespace

std::string expand_aliases(std::string_view query, const std::vector<std::vector<std::string>>& groups) {
    struct Key {
        std::string lower;
        std::size_t group;
    };
    std::vector<Key> keys;
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (const auto& alias : groups[g])
            if (!alias.empty()) keys.push_back({text::to_lower_ascii(alias), g});
    std::stable_sort(keys.begin(), keys.end(),
                     [](const Key& a, const Key& b) { return a.lower.size() > b.lower.size(); });
    const std::string lower = text::to_lower_ascii(query);
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
        if (match && beside_proximity_operator(query, i, i + match->lower.size())) {
            // Kept as written, whole: a shorter alias inside it must not expand instead.
            out.append(query.substr(i, match->lower.size()));
            i += match->lower.size();
            continue;
        }
        if (!match) {
            out += c;
            ++i;
            continue;
        }
        // The field token must stand apart from the text around it ("阿里巴巴合作",
        // "x阿里巴巴"), or the parser would read the neighbours as part of it.
        const std::size_t end = i + match->lower.size();
        if (!out.empty() && (static_cast<unsigned char>(out.back()) >= 0x80 ||
                             is_ascii_word_char(static_cast<unsigned char>(out.back()))))
            out += ' ';
        out += kAliasField;
        out += ':';
        out += std::to_string(match->group);
        if (end < query.size() && (static_cast<unsigned char>(query[end]) >= 0x80 ||
                                   is_ascii_word_char(static_cast<unsigned char>(query[end]))))
            out += ' ';
        i = end;
    }
    return out;
}

std::optional<SyntaxSpot> find_alias_field(std::string_view query) {
    const std::string field = std::string(kAliasField) + ":";
    const auto at = text::to_lower_ascii(query).find(field);
    if (at == std::string::npos) return std::nullopt;
    return SyntaxSpot{columns(query, at) + 1, field + " is reserved for --expand"};
}

namespace {

/// Where the run of CJK text starting at byte `at` ends (`at` itself when none starts).
std::size_t cjk_run_end(std::string_view query, std::size_t at) {
    std::size_t end = at;
    for (std::size_t pos = at; pos < query.size(); end = pos) {
        const char32_t cp = text::next_code_point(query, pos);
        if (cp < 0x2E80 || text::is_space(cp)) break;
    }
    return end;
}

/// Whether CJK text starting at byte `at` belongs to a field's value that must stay as
/// written: a boolean field's ("site:www.例子.cn"), or a free-text field's that does not
/// start with it. Only "title:苹果" (the whole value) may go in brackets as "title:(苹果)".
bool inside_fixed_field_value(std::string_view query, std::size_t at) {
    std::size_t word = at;
    while (word > 0 && !ends_word(query[word - 1])) --word;
    const std::size_t colon = query.substr(word, at - word).find(':');
    if (colon == std::string_view::npos) return false;
    return !(is_text_field(query.substr(word, colon)) && word + colon + 1 == at);
}

/// Calls `visit(begin, end)` for every run of CJK text outside quotes.
template <typename Visit>
void for_each_cjk_run(std::string_view query, Visit visit) {
    bool in_quotes = false;
    for (std::size_t i = 0; i < query.size();) {
        const std::size_t end = in_quotes ? i : cjk_run_end(query, i);
        if (end == i) {
            if (query[i] == '"') in_quotes = !in_quotes;
            text::next_code_point(query, i); // a whole character: a run never starts mid-way
            continue;
        }
        visit(i, end);
        i = end;
    }
}

} // namespace

std::string bracket_cjk_runs(std::string_view query) {
    std::string out;
    std::size_t copied = 0;
    for_each_cjk_run(query, [&](std::size_t begin, std::size_t end) {
        const bool wildcard = end < query.size() && query[end] == '*';
        if (inside_fixed_field_value(query, begin) || wildcard || beside_proximity_operator(query, begin, end))
            return;
        out.append(query.substr(copied, begin - copied));
        out += '(';
        out.append(query.substr(begin, end - begin));
        out += ')';
        copied = end;
    });
    out.append(query.substr(copied));
    return out;
}

namespace {

struct Tokens {
    std::vector<Token> list;
    std::size_t open_quote = std::string_view::npos; ///< where a quote that never closes opens
};

/// The query's tokens: brackets alone, words split on blanks, each quoted phrase as one.
Tokens tokenize(std::string_view query) {
    Tokens out;
    std::size_t word_at = std::string_view::npos;
    auto flush = [&](std::size_t end) {
        if (word_at != std::string_view::npos)
            out.list.push_back({std::string(query.substr(word_at, end - word_at)), word_at, end});
        word_at = std::string_view::npos;
    };
    for (std::size_t i = 0; i < query.size(); ++i) {
        const char c = query[i];
        if (c == '"') {
            flush(i);
            if (out.open_quote == std::string_view::npos) {
                out.open_quote = i;
            } else {
                out.list.push_back({"\"\"", out.open_quote, i + 1});
                out.open_quote = std::string_view::npos;
            }
            continue;
        }
        if (out.open_quote != std::string_view::npos) continue;
        if (c == ' ' || c == '\t' || c == '(' || c == ')' || is_separator_punctuation(c)) {
            flush(i);
            if (c == '(' || c == ')') out.list.push_back({std::string(1, c), i, i + 1});
            continue;
        }
        if (word_at == std::string_view::npos) word_at = i;
    }
    flush(query.size());
    return out;
}

/// Why token `t` cannot stand beside NEAR or ADJ (Xapian 1.4 reads the operator as the
/// word "near" when it does), or "" when it can: a word, or a free-text field's word.
std::string proximity_operand_problem(const Token& t, bool first_of_chain) {
    if (t.text == "\"\"") return "a phrase";
    if (t.text == "(" || t.text == ")") return "a bracketed group";
    if (is_binary_operator(t.text) || t.text == "NOT") return "an operator";
    if (t.text.back() == '*') return "a wildcard";
    if (is_sign(t.text.front()) && !first_of_chain) return "a word with + or - (put it before the first word)";
    if (const auto colon = t.text.find(':');
        colon != std::string::npos && !is_text_field(std::string_view(t.text).substr(0, colon)))
        return "a filter";
    for (std::size_t pos = 0; pos < t.text.size();)
        if (text::next_code_point(t.text, pos) >= 0x2E80)
            return "CJK text, which Xapian reads as character pairs; search it as a phrase in quotes instead";
    return "";
}

} // namespace

std::optional<SyntaxSpot> find_proximity_error(std::string_view query) {
    const auto tokens = tokenize(query).list;
    const auto spot = [&](std::size_t byte, std::string what) {
        return SyntaxSpot{columns(query, byte) + 1, std::move(what)};
    };
    std::string chain_operator; // "NEAR" or "ADJ" while inside a chain
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const std::string& op = tokens[k].text;
        if (!is_proximity_operator(op)) {
            if (k > 0 && !is_proximity_operator(tokens[k - 1].text)) chain_operator.clear();
            continue;
        }
        const std::string kind = op.substr(0, op.find('/'));
        const bool has_left = k > 0 && tokens[k - 1].text != "(";
        const bool has_right = k + 1 < tokens.size() && tokens[k + 1].text != ")";
        if (!has_left || !has_right) return spot(tokens[k].at, kind + " needs a word on both sides");
        if (!chain_operator.empty() && chain_operator != kind)
            return spot(tokens[k].at, "NEAR and ADJ cannot be mixed in one chain of words");
        const bool left_first = chain_operator.empty();
        chain_operator = kind;
        if (auto why = proximity_operand_problem(tokens[k - 1], left_first); !why.empty())
            return spot(tokens[k - 1].at, kind + " takes single words, not " + why);
        if (auto why = proximity_operand_problem(tokens[k + 1], false); !why.empty())
            return spot(tokens[k + 1].at, kind + " takes single words, not " + why);
    }
    return std::nullopt;
}

std::string bracket_proximity_chains(std::string_view query) {
    const auto tokens = tokenize(query).list;
    std::vector<std::pair<std::size_t, char>> inserts; // byte, bracket
    for (std::size_t k = 1; k + 1 < tokens.size(); ++k) {
        if (!is_proximity_operator(tokens[k].text)) continue;
        const Token& first = tokens[k - 1];
        while (k + 3 < tokens.size() && is_proximity_operator(tokens[k + 2].text)) k += 2;
        inserts.push_back({first.at + (is_sign(first.text.front()) ? 1 : 0), '('});
        inserts.push_back({tokens[k + 1].end, ')'});
    }
    std::string out;
    std::size_t copied = 0;
    for (const auto& [at, bracket] : inserts) {
        out.append(query.substr(copied, at - copied));
        out += bracket;
        copied = at;
    }
    out.append(query.substr(copied));
    return out;
}

std::vector<std::string> essential_aliases(const std::vector<std::string>& group) {
    std::vector<std::string> lower;
    for (const auto& alias : group) lower.push_back(text::to_lower_ascii(alias));
    std::vector<std::string> out;
    for (std::size_t a = 0; a < lower.size(); ++a) {
        bool redundant = lower[a].empty();
        for (std::size_t b = 0; b < lower.size() && !redundant; ++b) {
            if (b == a || lower[b].empty() || lower[b].size() >= lower[a].size()) continue;
            for (auto at = lower[a].find(lower[b]); at != std::string::npos && !redundant;
                 at = lower[a].find(lower[b], at + 1)) {
                const std::size_t end = at + lower[b].size();
                // Latin text must meet Latin text at word boundaries ("apple" is not
                // inside "pineapple"); CJK has no spaces to look for.
                const bool starts_clean = at == 0 || static_cast<unsigned char>(lower[b].front()) >= 0x80 ||
                                          !std::isalnum(static_cast<unsigned char>(lower[a][at - 1]));
                const bool ends_clean = end == lower[a].size() ||
                                        static_cast<unsigned char>(lower[b].back()) >= 0x80 ||
                                        !std::isalnum(static_cast<unsigned char>(lower[a][end]));
                redundant = starts_clean && ends_clean;
            }
        }
        if (!redundant) out.push_back(lower[a]);
    }
    return out;
}

std::size_t count_query_words(std::string_view query) {
    const auto in_word = [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
    };
    std::size_t words = 0;
    for (std::size_t i = 0; i < query.size();) {
        if (!in_word(query[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        while (i < query.size() && in_word(query[i])) ++i;
        const std::string_view word = query.substr(begin, i - begin);
        if (word != "AND" && word != "OR" && word != "NOT" && word != "XOR" && word != "NEAR" && word != "ADJ")
            ++words;
    }
    return words;
}

std::optional<SyntaxSpot> find_invalid_utf8(std::string_view query) {
    // Columns count what make_valid_utf8() shows: one U+FFFD per bad byte.
    std::size_t column = 1;
    for (std::size_t pos = 0; pos < query.size(); ++column) {
        const std::size_t at = pos;
        if (text::next_code_point(query, pos) == text::kReplacement && pos - at != 3)
            return SyntaxSpot{column, "this byte is not UTF-8"};
    }
    return std::nullopt;
}

std::string blank_control_characters(std::string_view query) {
    std::string out(query);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
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
    const Tokens parsed = tokenize(query);
    const auto& tokens = parsed.list;
    const std::size_t quote_at = parsed.open_quote;
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

namespace rumorwatch {

std::string date_value_error(std::string_view value) {
    const auto digits = [&](std::size_t from, std::size_t n) {
        if (value.size() < from + n) return false;
        for (std::size_t i = from; i < from + n; ++i)
            if (value[i] < '0' || value[i] > '9') return false;
        return true;
    };
    if (value.size() == 4 && digits(0, 4)) return {};
    if (value.size() == 7 && digits(0, 4) && value[4] == '-' && digits(5, 2)) {
        const int month = (value[5] - '0') * 10 + (value[6] - '0');
        if (month >= 1 && month <= 12) return {};
    } else if (value.size() >= 10 && parse_iso8601(value)) {
        return {};
    }
    std::string message = "\"";
    message.append(value);
    message += "\" is not a date; expected YYYY-MM-DD (e.g. 2025-02-01), YYYY-MM or YYYY";
    return message;
}

} // namespace rumorwatch
