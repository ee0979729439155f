/// \file
/// resolve_scopes: word distances and clause barriers decide what modifies what.
#include "parser/analysis/negation.h"

namespace rumorwatch {
namespace {

constexpr int kNarrowScopeWords = 4;
// Chinese puts prepositional phrases between a negator and its verb (尚未因监管问题暂停).
constexpr int kNarrowScopeChineseCharacters = 8;

/// Words between two byte offsets: spaces in Latin text, characters in Chinese.
int words_between(std::string_view s, std::size_t from, std::size_t to) {
    int n = 0;
    bool in_word = false;
    for (std::size_t i = from; i < to && i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0xE0) {
            ++n; // one CJK character
            in_word = false;
        } else if (c == ' ') {
            in_word = false;
        } else if (c < 0x80 && !in_word) {
            ++n;
            in_word = true;
        }
    }
    return n;
}

/// Is there a comma, colon or dash between two offsets (a narrow scope's barrier)?
bool has_comma_between(std::string_view s, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ',' || c == ':' || c == ';' || c == '(' || c == ')') return true;
        if ((c == 0xEF || c == 0xE3 || c == 0xE2) &&
            (s.compare(i, 3, "，") == 0 || s.compare(i, 3, "：") == 0 || s.compare(i, 3, "、") == 0 ||
             s.compare(i, 3, "；") == 0 || s.compare(i, 3, "—") == 0))
            return true;
    }
    return false;
}

bool has_semicolon_between(std::string_view s, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < s.size(); ++i) {
        if (s[i] == ';') return true;
        if (s.compare(i, 3, "；") == 0) return true;
    }
    return false;
}

bool is_cjk(std::string_view s, std::size_t at) {
    return at < s.size() && static_cast<unsigned char>(s[at]) >= 0xE0;
}

/// Is `to` within a narrow scope after `from`? Word count in English, characters in Chinese.
bool within_narrow_scope(std::string_view s, std::size_t from, std::size_t to) {
    const int limit = is_cjk(s, to) || (from >= 3 && is_cjk(s, from - 3)) ? kNarrowScopeChineseCharacters
                                                                       : kNarrowScopeWords;
    return words_between(s, from, to) <= limit && !has_comma_between(s, from, to);
}

/// "No agreement has been signed yet": a "yet" later in the clause makes a negation pending.
bool yet_follows(std::string_view s, std::size_t from) {
    for (std::size_t i = s.find(" yet", from); i != std::string_view::npos; i = s.find(" yet", i + 1)) {
        const std::size_t e = i + 4;
        if (e >= s.size() || !((s[e] >= 'a' && s[e] <= 'z') || (s[e] >= 'A' && s[e] <= 'Z'))) return true;
    }
    return false;
}

bool is_negator(CueKind k) {
    return k == CueKind::negator || k == CueKind::negator_pending || k == CueKind::negator_wide ||
           k == CueKind::neither_party;
}


/// Quoted spans that name a rumor: “已与阿里签约”传闻, "the 'deal is off' reports". What the
/// quote holds is what others claim, not something the sentence asserts.
std::vector<std::pair<std::size_t, std::size_t>> quoted_claims(std::string_view s) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    auto names_claim = [&](std::size_t after) {
        std::string_view rest = s.substr(after);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        if (rest.starts_with("的")) rest.remove_prefix(3);
        for (std::string_view noun : {"传闻", "传言", "说法", "消息", "报道", "谣言", "rumor", "rumour", "report", "claim"})
            if (rest.starts_with(noun)) return true;
        return false;
    };
    for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"“", "”"}, {"「", "」"},
                                      {"\"", "\""}}) {
        for (std::size_t b = s.find(open); b != std::string_view::npos;) {
            const std::size_t e = s.find(close, b + open.size());
            if (e == std::string_view::npos) break;
            if (names_claim(e + close.size())) out.emplace_back(b + open.size(), e);
            b = s.find(open, e + close.size());
        }
    }
    return out;
}

} // namespace

bool is_statement(CueKind kind) {
    switch (kind) {
    case CueKind::confirm:
    case CueKind::approve:
    case CueKind::announce:
    case CueKind::deny:
    case CueKind::deny_after:
    case CueKind::stall:
    case CueKind::review:
    case CueKind::cancel:
    case CueKind::resume:
    case CueKind::speculative:
    case CueKind::hearsay:
    case CueKind::talks:
    case CueKind::no_comment:
    case CueKind::deal:
    case CueKind::deal_ref:
    case CueKind::joint_announcement:
        return true;
    default:
        return false;
    }
}

bool is_question(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\'' || s.back() == ')'))
        s.remove_suffix(1);
    for (std::string_view closer : {"”", "’", "」", "』", "）"})
        if (s.ends_with(closer)) s.remove_suffix(closer.size());
    if (s.ends_with("?") || s.ends_with("？")) return true;
    // Chinese yes/no questions sometimes end in 吗 or 呢 and a full stop.
    if (s.ends_with("。")) s.remove_suffix(3);
    return s.ends_with("吗") || s.ends_with("呢");
}

std::vector<CueScope> resolve_scopes(std::string_view s, std::span<const Lexicon::Hit> hits) {
    std::vector<CueScope> scopes(hits.size());
    const bool question = is_question(s);

    // Clause index of each hit: clauses end at contrast words and semicolons.
    std::vector<int> clause(hits.size(), 0);
    int current = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (i > 0 && has_semicolon_between(s, hits[i - 1].end, hits[i].begin)) ++current;
        if (hits[i].kind == CueKind::contrast) ++current;
        clause[i] = current;
    }

    for (std::size_t i = 0; i < hits.size(); ++i) {
        const CueKind k = hits[i].kind;
        if (is_negator(k)) {
            const bool wide = k == CueKind::negator_wide || k == CueKind::neither_party;
            for (std::size_t j = i + 1; j < hits.size() && clause[j] == clause[i]; ++j) {
                if (hits[j].kind == CueKind::speech &&
                    (wide || within_narrow_scope(s, hits[i].end, hits[j].begin))) {
                    // "has not said whether ...", "neither company has said": nobody says it.
                    scopes[i].attached = true;
                    if (scopes[j].negator < 0) {
                        scopes[j].negated = true;
                        scopes[j].negator = static_cast<int>(i);
                    }
                    if (!wide) break;
                    continue;
                }
                if (!is_statement(hits[j].kind)) {
                    if (!wide && is_negator(hits[j].kind)) break; // "not ... not": the next one rules
                    continue;
                }
                if (!wide && !within_narrow_scope(s, hits[i].end, hits[j].begin)) break;
                scopes[i].attached = true;
                if (scopes[j].negator < 0) {
                    scopes[j].negated = true;
                    scopes[j].pending = k == CueKind::negator_pending || yet_follows(s, hits[i].end);
                    scopes[j].negator = static_cast<int>(i);
                }
                if (!wide) break;
            }
        } else if (k == CueKind::hedge) {
            for (std::size_t j = i + 1; j < hits.size() && clause[j] == clause[i]; ++j)
                if (scopes[j].hedge < 0) {
                    scopes[j].hedged = true;
                    scopes[j].hedge = static_cast<int>(i);
                }
        } else if (k == CueKind::future) {
            // Chinese 将/计划 govern the whole predicate chain, commas included.
            const bool chinese = is_cjk(s, hits[i].begin);
            for (std::size_t j = i + 1; j < hits.size() && clause[j] == clause[i]; ++j) {
                if (!is_statement(hits[j].kind)) continue;
                if (!chinese && !within_narrow_scope(s, hits[i].end, hits[j].begin)) break;
                scopes[j].future = true;
                if (!chinese) break;
            }
        }
    }

    for (std::size_t i = 0; i < hits.size(); ++i) {
        scopes[i].clause = clause[i];
        if (hits[i].kind != CueKind::hedge) continue;
        for (std::size_t j = 0; j < hits.size(); ++j)
            if (clause[j] == clause[i]) scopes[j].clause_hedged = true;
    }
    // Objects of a negated statement: "has not confirmed the launch", "no agreement has been
    // signed": the statements right after a negated one share its negation.
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (!scopes[i].negated) continue;
        if (hits[i].kind == CueKind::speech) {
            // "It does not say Apple has decided to drop Alibaba": nothing in what is not said
            // is asserted.
            for (std::size_t j = i + 1; j < hits.size() && clause[j] == clause[i]; ++j)
                if (is_statement(hits[j].kind)) scopes[j].object = true;
            continue;
        }
        if (!is_statement(hits[i].kind)) continue;
        for (std::size_t j = i + 1; j < hits.size() && clause[j] == clause[i]; ++j) {
            if (!is_statement(hits[j].kind)) continue;
            const bool same_negation = scopes[j].negated && scopes[j].negator == scopes[i].negator;
            if ((scopes[j].negated && !same_negation) || !within_narrow_scope(s, hits[i].end, hits[j].begin))
                break;
            scopes[j].object = true;
        }
    }

    // The content of a named rumor is no statement of its own: the rumor's noun speaks for it.
    for (const auto& [b, e] : quoted_claims(s))
        for (std::size_t i = 0; i < hits.size(); ++i)
            if (hits[i].begin >= b && hits[i].end <= e && is_statement(hits[i].kind) &&
                hits[i].kind != CueKind::hearsay)
                scopes[i].object = true;

    // "to launch", "to confirm": an infinitive is a plan or a purpose, not an act.
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const CueKind k = hits[i].kind;
        if (k != CueKind::announce && k != CueKind::confirm && k != CueKind::approve) continue;
        const std::size_t b = hits[i].begin;
        if (b >= 3 && (s.compare(b - 3, 3, "to ") == 0 || s.compare(b - 3, 3, "To ") == 0) &&
            (b == 3 || s[b - 4] == ' '))
            scopes[i].future = true;
    }

    // Denials, once negation is known: a negated denial denies nothing.
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const CueKind k = hits[i].kind;
        if ((k != CueKind::deny && k != CueKind::deny_after) || scopes[i].negated) continue;
        auto consider = [&](std::size_t j) {
            const CueKind t = hits[j].kind;
            if ((t == CueKind::stall || t == CueKind::review || t == CueKind::cancel) && !scopes[j].negated) {
                scopes[j].denied = true;
                scopes[i].flips = true;
            }
        };
        for (std::size_t j = i + 1; j < hits.size() && clause[j] == clause[i]; ++j) {
            if (hits[j].kind == CueKind::speech) break; // "denied the report, saying it was delayed"
            consider(j);
        }
        if (k == CueKind::deny_after)
            for (std::size_t j = i; j-- > 0 && clause[j] == clause[i];) {
                if (hits[j].kind == CueKind::speech) break;
                consider(j);
            }
    }

    if (question)
        for (auto& scope : scopes) scope.hedged = true;
    // A question inside a headline: 苹果国行AI“转投百度”？阿里巴巴回应：… One backward pass
    // marks, for every byte, whether the next stop after it is a question mark.
    std::vector<bool> before_question(s.size() + 1, false);
    bool question_next = false;
    for (std::size_t j = s.size(); j-- > 0;) {
        const unsigned char c = static_cast<unsigned char>(s[j]);
        if (c == '?') question_next = true;
        else if (c == ',' || c == ';' || c == ':' || c == '.') question_next = false;
        else if (c == 0xEF && j + 3 <= s.size()) {
            const std::string_view mark = s.substr(j, 3);
            if (mark == "？") question_next = true;
            else if (mark == "，" || mark == "：" || mark == "；") question_next = false;
        } else if (c == 0xE3 && s.compare(j, 3, "。") == 0) {
            question_next = false;
        }
        before_question[j] = question_next;
    }
    for (std::size_t i = 0; i < hits.size(); ++i)
        if (hits[i].end < s.size() && before_question[hits[i].end]) scopes[i].hedged = true;
    return scopes;
}

} // namespace rumorwatch
