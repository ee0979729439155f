/// \file
/// Who is said to say something in a sentence: subjects of speech and status verbs,
/// "according to X", "X said", ", said X", "据X报道", "X表示".
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parser/analysis/cues.h"

namespace rumorwatch {

/// A byte range of a sentence naming who speaks, and the hit that introduced it.
struct SpeakerSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    int verb = -1; ///< index of the speech, status or "according to" hit
};

/// The agent of the verb hit `verb`: its subject ("Alibaba chairman Joe Tsai" in "Alibaba
/// chairman Joe Tsai confirmed on Thursday that ..."), the name after a postposed verb
/// (", said Joe Tsai"), or for a passive ("was confirmed by Alibaba") the by-phrase.
/// std::nullopt when the verb has no agent in the sentence.
std::optional<SpeakerSpan> agent_of(std::string_view sentence, std::span<const Lexicon::Hit> hits,
                                    std::size_t verb);

/// Is the hit a noun after a determiner ("any launch", "the announcement") rather than a
/// verb with a subject ("Apple launched")?
bool is_noun_use(std::string_view sentence, const Lexicon::Hit& hit);

/// Every speaker in the sentence: agents of speech verbs and the objects of "according to",
/// "citing", 据 … 报道 / 透露 / 称, in order of appearance.
std::vector<SpeakerSpan> find_speakers(std::string_view sentence, std::span<const Lexicon::Hit> hits);

/// What kind of source a speaker is.
enum class SourceKind {
    none,     ///< nobody is said to say it
    party,    ///< a party of the topic (its name, alias, spokesperson, executive)
    official, ///< a regulator or other official body of the topic
    unnamed,  ///< people familiar with the matter, sources, insiders, 知情人士
    media,    ///< a news outlet or its report
    analyst,  ///< analysts, experts, the author's own view
    other,    ///< someone else who is named
};

/// "party", "unnamed", ...: the one name table for SourceKind (features, tests, debugging).
std::string_view to_string(SourceKind kind);

/// A classified speaker.
struct Source {
    SourceKind kind = SourceKind::none;
    std::vector<int> parties; ///< entity indices of the parties it speaks for
    bool all_parties = false; ///< "both companies", 双方, or every party named
    std::string text;         ///< the span as written, trimmed, for Mention::attribution
};

/// What the analyzer knows of the topic while classifying speakers.
struct SourceContext {
    std::vector<bool> is_party;    ///< per entity index
    std::vector<bool> is_official; ///< per entity index
    int last_party = -1;           ///< entity index "the company" refers to, or -1
    int party_count = 0;
};

/// Classifies a speaker span by the hits inside it (unnamed > analyst > party > official >
/// media > other).
Source classify_source(std::string_view sentence, std::span<const Lexicon::Hit> hits,
                       const SpeakerSpan& span, const SourceContext& context);

} // namespace rumorwatch
