/// \file
/// resolve_scopes: word distances and clause barriers decide what modifies what.
#include "parser/negation.h"

namespace rumorwatch {
namespace {

constexpr int kNarrowScopeWords = 4;

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
        const char c = s[i];
        if (c == ',' || c == ':' || c == ';' || c == '(' || c == ')') return true;
        if (s.compare(i, 3, "，") == 0 || s.compare(i, 3, "：") == 0 || s.compare(i, 3, "、") == 0 ||
            s.compare(i, 3, "；") == 0 || s.compare(i, 3, "—") == 0)
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

bool is_negator(CueKind k) {
    return k == CueKind::negator || k == CueKind::negator_pending || k == CueKind::negator_wide ||
           k == CueKind::neither_party;
}

} // namespace

bool is_statement(CueKind kind) {
    switch (kind) {
    case CueKind::confirm:
    case CueKind::announce:
    case CueKind::deny:
    case CueKind::deny_after:
    case CueKind::stall:
    case CueKind::cancel:
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
                if (!is_statement(hits[j].kind)) {
                    if (!wide && is_negator(hits[j].kind)) break; // "not ... not": the next one rules
                    continue;
                }
                if (!wide && (words_between(s, hits[i].end, hits[j].begin) > kNarrowScopeWords ||
                              has_comma_between(s, hits[i].end, hits[j].begin)))
                    break;
                if (scopes[j].negator < 0) {
                    scopes[j].negated = true;
                    scopes[j].pending = k == CueKind::negator_pending;
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
            for (std::size_t j = i + 1; j < hits.size() && clause[j] == clause[i]; ++j) {
                if (!is_statement(hits[j].kind)) continue;
                if (words_between(s, hits[i].end, hits[j].begin) > kNarrowScopeWords ||
                    has_comma_between(s, hits[i].end, hits[j].begin))
                    break;
                scopes[j].future = true;
                break;
            }
        }
    }

    // Denials, once negation is known: a negated denial denies nothing.
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const CueKind k = hits[i].kind;
        if ((k != CueKind::deny && k != CueKind::deny_after) || scopes[i].negated) continue;
        auto consider = [&](std::size_t j) {
            const CueKind t = hits[j].kind;
            if ((t == CueKind::stall || t == CueKind::cancel) && !scopes[j].negated) {
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
    return scopes;
}

} // namespace rumorwatch
