/// \file
/// Formatting the report: one summary table per stage, then what went wrong, by article id.
#include "tests/accuracy/report.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include <nlohmann/json.hpp>

#include "tests/accuracy/text_metrics.h"

namespace rumorwatch::accuracy {
namespace {

constexpr const char* kShortStatus[] = {"none", "ment", "spec", "rep", "part", "conf", "den", "stal", "canc"};
constexpr std::size_t kEvidenceChars = 220; ///< evidence sentences are cut here in the lists

std::string fixed(double value, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string percent(const Rate& r) { return r.total ? fixed(100.0 * r.value(), 1) + "%" : "n/a"; }

std::string ratio(const Rate& r) { return std::to_string(r.correct) + " / " + std::to_string(r.total); }

/// Pads to `width` code points (not bytes), so "—" in a label keeps the columns straight.
std::string pad(const std::string& text, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
    return chars >= width ? text + " " : text + std::string(width - chars, ' ');
}

std::string safe(const std::string& web_text, std::size_t max_chars = kEvidenceChars) {
    return terminal_safe(web_text, max_chars);
}

void line(std::ostream& out, const std::string& stage, const std::string& figure, const std::string& count,
          const std::string& value, const std::string& extra = {}) {
    out << "  " << pad(stage, 12) << pad(figure, 38) << pad(count, 12) << pad(value, 8) << extra << '\n';
}

std::string name(const std::optional<RumorStatus>& s) { return s ? std::string(to_string(*s)) : "(none)"; }

void print_confusion(std::ostream& out, const ConfusionMatrix& m, const std::string& title) {
    out << '\n' << title << " (rows: labeled, columns: got)\n  " << pad("", 21);
    for (const char* s : kShortStatus) out << pad(s, 6);
    out << "right\n";
    for (std::size_t r = 0; r < std::size(kAllStatuses); ++r) {
        long total = 0;
        for (long n : m[r]) total += n;
        if (total == 0) continue;
        out << "  " << pad(std::string(to_string(kAllStatuses[r])), 21);
        for (long n : m[r]) out << pad(n ? std::to_string(n) : ".", 6);
        out << m[r][r] << '/' << total << '\n';
    }
}

void print_summary(const Report& rep, std::ostream& out) {
    const Scores& s = *rep.scores;
    const RunResult& run = *rep.run;
    out << "\nstage        figure                                right/total value\n";
    line(out, run.mode == "crawl" ? "crawl+index" : "files", "articles found (URL, canonical URL)", ratio(s.found),
         percent(s.found));
    std::string fold_note;
    if (s.folded) fold_note.append("(").append(std::to_string(s.folded)).append(" copies folded into their original: not judged)");
    line(out, "extraction", "title, exact (whitespace normalised)", ratio(s.title), percent(s.title), fold_note);
    line(out, "", "published day, in the outlet's zone", ratio(s.published), percent(s.published));
    line(out, "", "language", ratio(s.language), percent(s.language));
    line(out, "", "canonical URL, exact", ratio(s.canonical), percent(s.canonical));
    line(out, "", "main text token F1 (mean)", std::to_string(s.texts) + " texts", fixed(s.token_f1, 3),
         "P " + fixed(s.token_precision, 3) + "  R " + fixed(s.token_recall, 3));
    line(out, "", "main text 4-token-shingle F1 (mean)", std::to_string(s.texts) + " texts", fixed(s.shingle_f1, 3));
    if (s.has_analysis) {
        line(out, "analysis", "article status, first crawl", ratio(s.status), percent(s.status));
        line(out, "", "article status, second crawl", ratio(s.status2), percent(s.status2),
             "(status_phase2 for edited articles)");
        line(out, "", "edited articles, second crawl", ratio(s.edited), percent(s.edited));
    } else {
        line(out, "analysis", "article status", "n/a", "", "(no topic file: status not judged)");
    }
    if (s.has_near_dups) {
        const PairScores& p = s.pairs;
        line(out, run.mode == "crawl" ? "crawler" : "near-dups", "near-duplicate pairs F1",
             "tp " + std::to_string(p.true_positives), fixed(p.f1, 3),
             "P " + fixed(p.precision, 3) + "  R " + fixed(p.recall, 3) + "  (fp " +
                 std::to_string(p.false_positives) + ", fn " + std::to_string(p.false_negatives) + ")");
    } else {
        line(out, "near-dups", "near-duplicate pairs", "n/a", "", "(the run assigned no groups)");
    }
    if (rep.sentences && rep.sentences->available) {
        const SentenceScores& t = *rep.sentences;
        line(out, "sentences", "labeled table, status (classify)", ratio(t.all), percent(t.all));
        if (t.has_generic)
            line(out, "", "generic cases, stance macro-F1", "", fixed(t.stance_macro_f1, 3),
                 "(for / against / observing)");
    } else if (rep.sentences) {
        line(out, "sentences", "labeled table", "n/a", "", "(" + rep.sentences->note + ")");
    }
}

void print_extraction_details(const Report& rep, std::ostream& out) {
    const Scores& s = *rep.scores;
    out << "\npublished day by the source the extractor used\n";
    for (const auto& [source, r] : s.published_by_source)
        out << "  " << pad(safe(source, 40), 34) << pad(ratio(r), 12) << percent(r) << '\n';

    const auto header = [&](const std::string& title, long count) {
        out << '\n' << title << " (" << count << ")\n";
    };
    std::vector<const ArticleRow*> missing, titles, dates, languages, canonicals;
    for (const ArticleRow& row : s.rows) {
        if (row.match == MatchKind::missing) {
            missing.push_back(&row);
            continue;
        }
        if (!row.canonical_ok) canonicals.push_back(&row);
        if (row.folded) continue;
        if (!row.title_ok) titles.push_back(&row);
        if (!row.published_ok) dates.push_back(&row);
        if (!row.language_ok) languages.push_back(&row);
    }
    if (!missing.empty()) {
        header("articles not found", static_cast<long>(missing.size()));
        for (const ArticleRow* r : missing)
            out << "  " << r->label->id << "  " << safe(r->label->url) << "  " << safe(r->note) << '\n';
    }
    if (!titles.empty()) {
        header("wrong titles", static_cast<long>(titles.size()));
        for (const ArticleRow* r : titles)
            out << "  " << r->label->id << "\n      got:      " << safe(r->title) << "\n      expected: "
                << safe(r->label->title) << '\n';
    }
    if (!dates.empty()) {
        header("wrong published days", static_cast<long>(dates.size()));
        for (const ArticleRow* r : dates)
            out << "  " << pad(r->label->id, 56) << "got " << pad(r->published_day.empty() ? "(none)" : r->published_day, 11)
                << "expected " << r->label->published << "  source "
                << safe(r->published_source.empty() ? "-" : r->published_source, 40)
                << (r->published_source.empty() || r->published_reliable ? "" : " (unreliable)") << '\n';
    }
    if (!languages.empty()) {
        header("wrong languages", static_cast<long>(languages.size()));
        for (const ArticleRow* r : languages)
            out << "  " << pad(r->label->id, 56) << "got " << pad(r->language.empty() ? "(none)" : safe(r->language, 20), 8)
                << "expected " << r->label->language << '\n';
    }
    if (!canonicals.empty()) {
        header("wrong canonical URLs", static_cast<long>(canonicals.size()));
        for (const ArticleRow* r : canonicals)
            out << "  " << r->label->id << "\n      got:      " << safe(r->canonical_url.empty() ? "(none)" : r->canonical_url)
                << "\n      expected: " << safe(r->label->canonical_url) << '\n';
    }

    std::vector<const ArticleRow*> texts;
    for (const ArticleRow& row : s.rows)
        if (row.label->has_text && !row.folded) texts.push_back(&row);
    std::stable_sort(texts.begin(), texts.end(), [](const ArticleRow* a, const ArticleRow* b) {
        return (a->token ? a->token->f1 : -1) < (b->token ? b->token->f1 : -1);
    });
    if (texts.size() > rep.worst) texts.resize(rep.worst);
    out << "\nworst main texts (token F1; P, R; 4-shingle F1; tokens got/labeled; text source)\n";
    for (const ArticleRow* r : texts) {
        if (!r->token) {
            out << "  " << pad(r->label->id, 56) << "not found\n";
            continue;
        }
        out << "  " << pad(r->label->id, 56) << pad(fixed(r->token->f1, 3), 7) << pad(fixed(r->token->precision, 2), 5)
            << pad(fixed(r->token->recall, 2), 6) << pad(fixed(r->shingle->f1, 3), 7)
            << pad(std::to_string(r->token->got) + "/" + std::to_string(r->token->expected), 10)
            << safe(r->text_source.empty() ? "-" : r->text_source, 30) << '\n';
    }
}

void print_status_details(const Report& rep, std::ostream& out) {
    const Scores& s = *rep.scores;
    if (!s.has_analysis) return;
    print_confusion(out, s.confusion, "article status, first crawl");
    std::vector<const ArticleRow*> wrong;
    for (const ArticleRow& row : s.rows)
        if (!row.status_ok) wrong.push_back(&row);
    out << "\nwrong statuses, first crawl (" << wrong.size() << ")\n";
    for (const ArticleRow* r : wrong) {
        out << "  " << r->label->id << ": expected " << to_string(r->label->status) << ", got " << name(r->status);
        if (!r->cue.empty()) out << " (cue \"" << safe(r->cue, 60) << "\")";
        if (!r->attribution.empty()) out << " (attributed to " << safe(r->attribution, 60) << ")";
        out << "\n      chosen:  " << (r->evidence.empty() ? "(no evidence sentence)" : safe(r->evidence))
            << "\n      labeled: " << safe(r->label->evidence) << '\n';
    }
    out << "\nedited articles, second crawl\n";
    for (const ArticleRow& r : s.rows) {
        if (!r.label->status_phase2) continue;
        out << "  " << r.label->id << ": " << to_string(r.label->status) << " -> expected "
            << to_string(*r.label->status_phase2) << ", got " << name(r.status2) << (r.status2_ok ? "  ok" : "  WRONG");
        if (rep.run->mode == "crawl")
            out << "  (" << r.versions2 << " earlier version" << (r.versions2 == 1 ? "" : "s") << " kept)";
        out << "\n      chosen:  " << (r.evidence2.empty() ? "(no evidence sentence)" : safe(r.evidence2)) << '\n';
    }
    long changed = 0;
    for (const ArticleRow& r : s.rows)
        if (!r.label->status_phase2 && r.status2 != r.status) ++changed;
    if (changed) out << "  (" << changed << " unedited articles changed status between the crawls)\n";
}

void print_pair_details(const Report& rep, std::ostream& out) {
    const Scores& s = *rep.scores;
    if (!s.has_near_dups) return;
    const PairScores& p = s.pairs;
    const auto distance = [&](int d) {
        return d < 0 ? std::string() : "  (SimHash distance " + std::to_string(d) + " bits; groups within " +
                                           std::to_string(p.max_distance) + ")";
    };
    if (p.closest_unrelated_distance >= 0)
        out << "\nclosest articles the labels keep apart: " << p.closest_unrelated.first << "  +  "
            << p.closest_unrelated.second << distance(p.closest_unrelated_distance) << '\n';
    if (!p.wrong_pairs.empty()) {
        out << "\nnear-duplicate pairs grouped that the labels keep apart (" << p.wrong_pairs.size() << ")\n";
        for (std::size_t i = 0; i < p.wrong_pairs.size(); ++i)
            out << "  " << p.wrong_pairs[i].first << "  +  " << p.wrong_pairs[i].second << distance(p.wrong_distances[i])
                << '\n';
    }
    if (!p.missed_pairs.empty()) {
        out << "\nnear-duplicate pairs missed (" << p.missed_pairs.size() << ")\n";
        for (std::size_t i = 0; i < p.missed_pairs.size(); ++i)
            out << "  " << p.missed_pairs[i].first << "  +  " << p.missed_pairs[i].second
                << distance(p.missed_distances[i]) << '\n';
    }
}

void print_sentence_details(const Report& rep, std::ostream& out) {
    if (!rep.sentences || !rep.sentences->available) return;
    const SentenceScores& t = *rep.sentences;
    out << "\nlabeled sentence table:";
    for (const auto& f : t.files) out << ' ' << f;
    if (!t.note.empty()) out << " (" << t.note << ")";
    out << '\n';
    for (const auto& [group, r] : t.by_group) out << "  " << pad(group, 40) << pad(ratio(r), 12) << percent(r) << '\n';
    print_confusion(out, t.confusion, "sentence table, status");
    if (t.has_generic) {
        out << "\nsentence table, generic cases as stance (rows: labeled, columns: got)\n  " << pad("", 12);
        const char* names[] = {"for", "against", "observing"};
        for (const char* s : names) out << pad(s, 10);
        out << '\n';
        for (std::size_t r = 0; r < 3; ++r) {
            out << "  " << pad(names[r], 12);
            for (long n : t.stance_confusion[r]) out << pad(std::to_string(n), 10);
            out << '\n';
        }
    }
    out << "\nsentence table misses (" << t.misses.size() << ")\n";
    for (const SentenceMiss& m : t.misses) {
        out << "  " << safe(m.id, 60) << " [" << m.mode << "]: expected " << m.expected << ", got " << safe(m.got, 40);
        if (!m.cue.empty()) out << " (cue \"" << safe(m.cue, 60) << "\")";
        out << "\n      " << safe(m.text) << '\n';
    }
}

nlohmann::json rate_json(const Rate& r) { return {{"correct", r.correct}, {"total", r.total}, {"value", r.value()}}; }

nlohmann::json confusion_json(const ConfusionMatrix& m) {
    nlohmann::json j = nlohmann::json::object();
    for (std::size_t r = 0; r < std::size(kAllStatuses); ++r) {
        nlohmann::json row = nlohmann::json::object();
        for (std::size_t c = 0; c < std::size(kAllStatuses); ++c)
            if (m[r][c]) row[std::string(to_string(kAllStatuses[c]))] = m[r][c];
        if (!row.empty()) j[std::string(to_string(kAllStatuses[r]))] = row;
    }
    return j;
}

nlohmann::json f1_json(const std::optional<F1Score>& f) {
    if (!f) return nullptr;
    return {{"f1", f->f1}, {"precision", f->precision}, {"recall", f->recall}, {"got", f->got}, {"expected", f->expected}};
}

nlohmann::json status_json(const std::optional<RumorStatus>& s) {
    return s ? nlohmann::json(std::string(to_string(*s))) : nlohmann::json(nullptr);
}

} // namespace

std::map<std::string, double> all_figures(const Report& report) {
    auto figures = figures_of(*report.scores);
    if (report.sentences && report.sentences->available) {
        figures["sentence_status"] = report.sentences->all.value();
        if (report.sentences->has_generic) figures["sentence_stance_macro_f1"] = report.sentences->stance_macro_f1;
    }
    return figures;
}

void print_report(const Report& rep, std::ostream& out) {
    const RunResult& run = *rep.run;
    const Scores& s = *rep.scores;
    long texts = 0;
    for (const ArticleRow& r : s.rows) texts += r.label->has_text;
    out << "rumorwatch accuracy: " << (run.mode == "crawl" ? "crawl" : "direct read") << " of " << rep.demo_dir << ", "
        << s.rows.size() << " labeled articles, " << texts << " labeled texts\n";
    if (run.mode == "crawl") {
        const auto count = [&](const std::string& k) {
            const auto it = run.crawl_counts.find(k);
            return it == run.crawl_counts.end() ? 0LL : it->second;
        };
        for (const std::string phase : {"phase1", "phase2"}) {
            out << "  " << (phase == "phase1" ? "first crawl:  " : "second crawl: ")
                << (phase == "phase1" ? run.documents_phase1 : run.documents_phase2) << " documents after "
                << fixed(phase == "phase1" ? run.seconds_phase1 : run.seconds_phase2, 1) << " s (fetched "
                << count(phase + ".fetched") << ", not modified " << count(phase + ".not_modified") << ", added "
                << count(phase + ".added") << ", updated " << count(phase + ".updated") << ", unchanged "
                << count(phase + ".unchanged") << ", not articles " << count(phase + ".skipped") << ", exact copies "
                << count(phase + ".duplicates") << ", failed " << count(phase + ".failed") << ")\n";
        }
        for (const auto& [k, n] : run.crawl_counts)
            if (k.find(".failed.") != std::string::npos) out << "    " << safe(k, 80) << ": " << n << '\n';
        if (!run.unlabeled.empty()) {
            out << "  stored but not labeled (" << run.unlabeled.size() << "):";
            for (std::size_t i = 0; i < std::min<std::size_t>(run.unlabeled.size(), 8); ++i)
                out << ' ' << safe(run.unlabeled[i], 100);
            out << (run.unlabeled.size() > 8 ? " …" : "") << '\n';
        }
    } else {
        out << "  " << run.observations.size() << " pages decoded, extracted" << (run.has_analysis ? " and analyzed" : "")
            << " in " << fixed(run.seconds_phase1, 2) << " s (no server, no crawl, no index)\n";
    }
    print_summary(rep, out);
    print_extraction_details(rep, out);
    print_status_details(rep, out);
    print_pair_details(rep, out);
    print_sentence_details(rep, out);
}

nlohmann::json report_json(const Report& rep) {
    const RunResult& run = *rep.run;
    const Scores& s = *rep.scores;
    nlohmann::json j;
    j["mode"] = run.mode;
    j["figures"] = all_figures(rep);
    j["counts"] = {{"found", rate_json(s.found)},       {"title", rate_json(s.title)},
                   {"published", rate_json(s.published)}, {"language", rate_json(s.language)},
                   {"canonical_url", rate_json(s.canonical)}, {"texts", s.texts},
                   {"folded", s.folded}};
    j["text"] = {{"token_f1", s.token_f1}, {"token_precision", s.token_precision},
                 {"token_recall", s.token_recall}, {"shingle_f1", s.shingle_f1}};
    nlohmann::json by_source = nlohmann::json::object();
    for (const auto& [source, r] : s.published_by_source) by_source[source] = rate_json(r);
    j["published_by_source"] = by_source;
    if (s.has_analysis) {
        j["status"] = {{"first_crawl", rate_json(s.status)},       {"second_crawl", rate_json(s.status2)},
                       {"edited", rate_json(s.edited)},            {"confusion", confusion_json(s.confusion)},
                       {"confusion_second_crawl", confusion_json(s.confusion2)}};
    }
    if (s.has_near_dups) {
        const PairScores& p = s.pairs;
        j["near_duplicates"] = {{"true_positives", p.true_positives}, {"false_positives", p.false_positives},
                                {"false_negatives", p.false_negatives}, {"precision", p.precision},
                                {"recall", p.recall}, {"f1", p.f1}, {"wrong_pairs", p.wrong_pairs},
                                {"missed_pairs", p.missed_pairs}, {"wrong_distances", p.wrong_distances},
                                {"missed_distances", p.missed_distances}, {"max_distance", p.max_distance},
                                {"closest_unrelated", p.closest_unrelated},
                                {"closest_unrelated_distance", p.closest_unrelated_distance}};
    }
    j["run"] = {{"documents_first_crawl", run.documents_phase1}, {"documents_second_crawl", run.documents_phase2},
                {"seconds_first", run.seconds_phase1}, {"seconds_second", run.seconds_phase2},
                {"crawl_counts", run.crawl_counts}, {"unlabeled", run.unlabeled}};
    nlohmann::json rows = nlohmann::json::array();
    for (const ArticleRow& r : s.rows) {
        static constexpr const char* kMatch[] = {"missing", "url", "canonical"};
        rows.push_back({{"id", r.label->id},
                        {"match", kMatch[static_cast<int>(r.match)]},
                        {"folded", r.folded},
                        {"note", r.note},
                        {"title", r.title},
                        {"title_ok", r.title_ok},
                        {"published", r.published_day},
                        {"published_source", r.published_source},
                        {"published_reliable", r.published_reliable},
                        {"published_ok", r.published_ok},
                        {"language", r.language},
                        {"language_ok", r.language_ok},
                        {"canonical_url", r.canonical_url},
                        {"canonical_ok", r.canonical_ok},
                        {"text_source", r.text_source},
                        {"token", f1_json(r.token)},
                        {"shingle", f1_json(r.shingle)},
                        {"status_expected", std::string(to_string(r.label->status))},
                        {"status", status_json(r.status)},
                        {"status_ok", r.status_ok},
                        {"evidence", r.evidence},
                        {"evidence_expected", r.label->evidence},
                        {"cue", r.cue},
                        {"attribution", r.attribution},
                        {"status_phase2_expected", status_json(r.label->status_phase2)},
                        {"status_phase2", status_json(r.status2)},
                        {"status_phase2_ok", r.status2_ok},
                        {"versions_phase2", r.versions2},
                        {"near_dup_group", r.near_dup_group}});
    }
    j["articles"] = rows;
    if (rep.sentences) {
        const SentenceScores& t = *rep.sentences;
        nlohmann::json misses = nlohmann::json::array();
        for (const SentenceMiss& m : t.misses)
            misses.push_back({{"id", m.id}, {"mode", m.mode}, {"expected", m.expected}, {"got", m.got},
                              {"text", m.text}, {"cue", m.cue}, {"note", m.note}});
        nlohmann::json by_group = nlohmann::json::object();
        for (const auto& [group, r] : t.by_group) by_group[group] = rate_json(r);
        j["sentence_table"] = {{"available", t.available}, {"note", t.note}, {"files", t.files},
                               {"status", rate_json(t.all)}, {"confusion", confusion_json(t.confusion)},
                               {"stance_macro_f1", t.stance_macro_f1}, {"stance_confusion", t.stance_confusion},
                               {"by_group", by_group}, {"misses", misses}};
    }
    return j;
}

} // namespace rumorwatch::accuracy
