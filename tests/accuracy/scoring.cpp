/// \file
/// The comparisons themselves: what counts as right for each field.
#include "tests/accuracy/scoring.h"

#include <algorithm>
#include <set>

#include <date/tz.h>

#if __has_include("crawler/dedup.h")
#include "crawler/crawler.h"
#define RUMORWATCH_ACCURACY_HAS_DEDUP 1
#endif

namespace rumorwatch::accuracy {
namespace {

std::string primary_language(std::string tag) {
    const auto cut = tag.find_first_of("-_");
    if (cut != std::string::npos) tag.resize(cut);
    for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tag;
}

std::string evidence_of(const RumorAnalysis& analysis) {
    if (!analysis.evidence || *analysis.evidence >= analysis.mentions.size()) return {};
    return analysis.mentions[*analysis.evidence].sentence;
}

const Mention* evidence_mention(const RumorAnalysis& analysis) {
    if (!analysis.evidence || *analysis.evidence >= analysis.mentions.size()) return nullptr;
    return &analysis.mentions[*analysis.evidence];
}

void score_extraction(ArticleRow& row, const Label& label, const Article& a, const Outlet& outlet) {
    row.title = a.title;
    row.title_ok = normalize_whitespace(a.title) == normalize_whitespace(label.title);
    if (a.published) {
        row.published_day = local_day(a.published->time, outlet.timezone);
        row.published_source = a.published->source;
        row.published_reliable = a.published->reliable;
    }
    row.published_ok = row.published_day == label.published;
    row.language = a.language;
    row.language_ok = primary_language(a.language) == primary_language(label.language);
    row.text_source = a.text_source;
    if (label.has_text) {
        row.token = token_f1(a.text, label.text);
        row.shingle = shingle_f1(a.text, label.text);
    }
}

/// Does the pipeline put the two labels in one group? Same stored document (a copy folded
/// by canonical URL), or the same near-duplicate group.
bool grouped(const Observation& a, const Observation& b) {
    if (!a.phase1 || !b.phase1) return false;
    if (!a.phase1->stored_id.empty() && a.phase1->stored_id == b.phase1->stored_id) return true;
    return !a.phase1->near_dup_group.empty() && a.phase1->near_dup_group == b.phase1->near_dup_group;
}

/// The crawler's SimHash of each article's text (crawler/dedup.h), 0 when unknown.
std::vector<std::uint64_t> fingerprints(const RunResult& run) {
    std::vector<std::uint64_t> out(run.observations.size(), 0);
#ifdef RUMORWATCH_ACCURACY_HAS_DEDUP
    for (std::size_t i = 0; i < out.size(); ++i)
        if (run.observations[i].phase1) out[i] = simhash64(run.observations[i].phase1->article.text);
#endif
    return out;
}

int distance(std::uint64_t a, std::uint64_t b) {
#ifdef RUMORWATCH_ACCURACY_HAS_DEDUP
    return a && b ? hamming_distance(a, b) : -1;
#else
    (void)a;
    (void)b;
    return -1;
#endif
}

} // namespace

std::size_t status_index(RumorStatus status) {
    for (std::size_t i = 0; i < std::size(kAllStatuses); ++i)
        if (kAllStatuses[i] == status) return i;
    return 0;
}

std::string local_day(Timestamp t, const std::string& zone) {
    const date::time_zone* tz = nullptr;
    try {
        tz = date::locate_zone(zone);
    } catch (const std::runtime_error&) {
        tz = date::locate_zone("UTC");
    }
    const auto local = date::make_zoned(tz, t).get_local_time();
    return date::format("%Y-%m-%d", date::floor<date::days>(local));
}

Scores score_run(const AnswerKey& key, const RunResult& run) {
    Scores s;
    s.mode = run.mode;
    s.has_analysis = run.has_analysis;
    s.has_near_dups = run.has_near_dups;

    // Which stored pages are labeled pages: a canonical-only match onto one of them is a fold.
    std::set<std::string> labeled_urls;
    for (const Label& label : key.labels) labeled_urls.insert(label.url);

    double token_sum = 0, token_p = 0, token_r = 0, shingle_sum = 0;
    for (std::size_t i = 0; i < key.labels.size(); ++i) {
        const Label& label = key.labels[i];
        const Observation& obs = run.observations[i];
        ArticleRow row;
        row.label = &label;
        row.match = obs.match;
        row.note = obs.note;
        s.found.add(obs.phase1.has_value());
        if (obs.phase1) {
            const Article& a = obs.phase1->article;
            row.folded = obs.match == MatchKind::canonical && a.url != label.url && labeled_urls.count(a.url) > 0;
            row.canonical_url = a.canonical_url;
            row.near_dup_group = obs.phase1->near_dup_group;
            if (!row.folded) score_extraction(row, label, a, key.outlets.at(label.outlet));
        }
        row.canonical_ok = row.canonical_url == label.canonical_url;
        s.canonical.add(row.canonical_ok);
        if (row.folded) {
            ++s.folded;
        } else {
            s.title.add(row.title_ok);
            s.published.add(row.published_ok);
            s.language.add(row.language_ok);
            s.published_by_source[row.published_source.empty() ? "(none)" : row.published_source].add(row.published_ok);
            if (label.has_text) {
                ++s.texts;
                if (row.token) {
                    token_sum += row.token->f1;
                    token_p += row.token->precision;
                    token_r += row.token->recall;
                    shingle_sum += row.shingle->f1;
                }
            }
        }

        if (run.has_analysis) {
            if (obs.phase1) {
                row.status = obs.phase1->analysis.status;
                row.evidence = evidence_of(obs.phase1->analysis);
                if (const Mention* m = evidence_mention(obs.phase1->analysis)) {
                    row.cue = m->cue;
                    row.attribution = m->attribution;
                }
            }
            row.status_ok = row.status == label.status;
            s.status.add(row.status_ok);
            s.confusion[status_index(label.status)][status_index(row.status.value_or(RumorStatus::none))]++;

            const RumorStatus expected2 = label.status_phase2.value_or(label.status);
            if (obs.phase2) {
                row.status2 = obs.phase2->analysis.status;
                row.evidence2 = evidence_of(obs.phase2->analysis);
                row.versions2 = obs.phase2->versions;
            }
            row.status2_ok = row.status2 == expected2;
            s.status2.add(row.status2_ok);
            s.confusion2[status_index(expected2)][status_index(row.status2.value_or(RumorStatus::none))]++;
            if (label.status_phase2) s.edited.add(row.status2_ok);
        }
        s.rows.push_back(std::move(row));
    }
    if (s.texts) {
        const double n = static_cast<double>(s.texts);
        s.token_f1 = token_sum / n;
        s.token_precision = token_p / n;
        s.token_recall = token_r / n;
        s.shingle_f1 = shingle_sum / n;
    }

    if (run.has_near_dups) {
        const std::vector<std::uint64_t> prints = fingerprints(run);
        for (std::size_t i = 0; i < key.labels.size(); ++i) {
            for (std::size_t j = i + 1; j < key.labels.size(); ++j) {
                const Label& a = key.labels[i];
                const Label& b = key.labels[j];
                const bool truth = !a.dup_group.empty() && a.dup_group == b.dup_group;
                const bool got = grouped(run.observations[i], run.observations[j]);
                const int bits = distance(prints[i], prints[j]);
                if (!truth && bits >= 0 &&
                    (s.pairs.closest_unrelated_distance < 0 || bits < s.pairs.closest_unrelated_distance)) {
                    s.pairs.closest_unrelated_distance = bits;
                    s.pairs.closest_unrelated = {a.id, b.id};
                }
                if (truth && got) {
                    ++s.pairs.true_positives;
                } else if (got) {
                    ++s.pairs.false_positives;
                    s.pairs.wrong_pairs.emplace_back(a.id, b.id);
                    s.pairs.wrong_distances.push_back(bits);
                } else if (truth) {
                    ++s.pairs.false_negatives;
                    s.pairs.missed_pairs.emplace_back(a.id, b.id);
                    s.pairs.missed_distances.push_back(bits);
                }
            }
        }
        PairScores& p = s.pairs;
#ifdef RUMORWATCH_ACCURACY_HAS_DEDUP
        p.max_distance = NearDupIndex::kDefaultMaxDistance;
#endif
        const auto tp = static_cast<double>(p.true_positives);
        if (p.true_positives + p.false_positives) p.precision = tp / static_cast<double>(p.true_positives + p.false_positives);
        if (p.true_positives + p.false_negatives) p.recall = tp / static_cast<double>(p.true_positives + p.false_negatives);
        if (p.precision + p.recall > 0) p.f1 = 2 * p.precision * p.recall / (p.precision + p.recall);
    }
    return s;
}

std::map<std::string, double> figures_of(const Scores& s) {
    std::map<std::string, double> f;
    f["found"] = s.found.value();
    f["title_exact"] = s.title.value();
    f["published_day"] = s.published.value();
    f["language"] = s.language.value();
    f["canonical_url"] = s.canonical.value();
    f["text_token_f1"] = s.token_f1;
    f["text_shingle_f1"] = s.shingle_f1;
    if (s.has_analysis) {
        f["status"] = s.status.value();
        f["status_phase2"] = s.status2.value();
        f["status_edited"] = s.edited.value();
    }
    if (s.has_near_dups) {
        f["dup_pair_precision"] = s.pairs.precision;
        f["dup_pair_recall"] = s.pairs.recall;
        f["dup_pair_f1"] = s.pairs.f1;
    }
    return f;
}

} // namespace rumorwatch::accuracy
