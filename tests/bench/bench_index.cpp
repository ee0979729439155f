/// \file
/// Indexing speed: N generated ArticleRecords through IndexWriter::upsert with a URL state
/// each (as a crawl writes them), committed every --batch documents; documents/s, the
/// database's size per document and peak RSS. Record generation is timed apart.
///
///   bench_index --db DIR --docs N [--batch 1000] [--seed 1] [--no-state] [--floor]
///   bench_index --docs N --dump-texts FILE
///
/// --floor indexes the same records with bare Xapian instead (a TermGenerator with the
/// English stemmer, STEM_SOME and CJK n-grams, title and body, the text as document data,
/// add_document, commit per batch): what Xapian itself does with these texts, the figure
/// IndexWriter's rate is divided by.
///
/// --dump-texts writes the same records' titles and texts as JSON lines ({"title", "text"})
/// and indexes nothing: run_bench.py gives them to SQLite FTS5, the reference the issue
/// names, so both engines are measured on the same texts on the same machine.
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "tests/bench/bench_util.h"
#include "tests/bench/record_gen.h"

using namespace rumorwatch;
using namespace rumorwatch::bench;

namespace {

std::uintmax_t directory_bytes(const std::filesystem::path& dir) {
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) total += entry.file_size();
    return total;
}

int run_floor(const RecordGenerator& gen, const std::string& db, long long docs, long long batch) {
    Xapian::WritableDatabase wdb(db, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    double wall = 0, cpu = 0, generate = 0;
    for (long long i = 0; i < docs; ++i) {
        const double g0 = now_seconds();
        const ArticleRecord r = gen.make(i);
        const double t0 = now_seconds(), c0 = cpu_seconds();
        generate += t0 - g0;
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(r.article.title, 1, "S");
        tg.index_text(r.article.title, 5);
        tg.increase_termpos(100);
        tg.index_text(r.article.text);
        std::string id_term(1, 'Q');
        id_term.append(r.content_hash, 0, 16);
        doc.add_boolean_term(id_term);
        doc.set_data(r.article.text);
        wdb.add_document(doc);
        if ((i + 1) % batch == 0 || i + 1 == docs) wdb.commit();
        wall += now_seconds() - t0;
        cpu += cpu_seconds() - c0;
    }
    wdb.close();
    nlohmann::json report;
    report["bench"] = "index-floor";
    report["documents"] = docs;
    report["docs_per_s"] = static_cast<double>(docs) / wall;
    report["docs_per_cpu_s"] = static_cast<double>(docs) / cpu;
    report["index_wall_seconds"] = wall;
    report["index_cpu_seconds"] = cpu;
    report["generate_wall_seconds"] = generate;
    report["db_bytes"] = static_cast<double>(directory_bytes(db));
    report["bytes_per_doc"] = static_cast<double>(directory_bytes(db)) / static_cast<double>(docs);
    report["peak_rss_mib"] = peak_rss_mib();
    report["load_average"] = load_average();
    return emit(report);
}

} // namespace

int main(int argc, char** argv) try {
    const Args args(argc, argv);
    const std::string db = args.get("db", "bench/out/index-db");
    const long long docs = args.get_int("docs", 10000);
    const long long batch = args.get_int("batch", 1000);
    const bool with_state = !args.has("no-state");
    CorpusSpec spec;
    spec.seed = static_cast<std::uint64_t>(args.get_int("seed", 1));
    spec.documents = docs;
    const RecordGenerator gen(spec);

    if (args.has("dump-texts")) {
        std::ofstream out(args.get("dump-texts", ""), std::ios::binary);
        for (long long i = 0; i < docs && out; ++i) {
            const ArticleRecord r = gen.make(i);
            out << nlohmann::json{{"title", r.article.title}, {"text", r.article.text}}.dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
        }
        if (!out) throw std::runtime_error("cannot write " + args.get("dump-texts", ""));
        return 0;
    }
    std::filesystem::remove_all(db);
    if (args.has("floor")) return run_floor(gen, db, docs, batch);
    double generate_wall = 0, index_wall = 0, index_cpu = 0, commit_wall = 0;
    std::size_t text_bytes = 0;
    std::vector<double> batch_docs_per_s; // to see whether the rate falls as the index grows
    {
        IndexWriter writer(db);
        writer.set_topics({gen.topic()});
        double batch_start = now_seconds(), batch_index = 0;
        for (long long i = 0; i < docs; ++i) {
            const double g0 = now_seconds();
            ArticleRecord record = gen.make(i);
            const double g1 = now_seconds();
            generate_wall += g1 - g0;
            text_bytes += record.article.text.size();
            const double c0 = cpu_seconds();
            writer.upsert(record);
            if (with_state) {
                UrlState state;
                state.url = record.article.url;
                state.etag.assign(1, '"').append(record.content_hash, 0, 24).push_back('"');
                state.last_modified = "Tue, 11 Feb 2025 14:30:00 GMT";
                state.content_hash = record.content_hash;
                state.last_visit = record.crawled_at;
                state.http_status = 200;
                writer.put_url_state(state);
            }
            const bool commit_now = (i + 1) % batch == 0 || i + 1 == docs;
            double t_commit = 0;
            if (commit_now) {
                const double k0 = now_seconds();
                writer.commit();
                t_commit = now_seconds() - k0;
                commit_wall += t_commit;
            }
            index_cpu += cpu_seconds() - c0;
            const double spent = now_seconds() - g1;
            index_wall += spent;
            batch_index += spent;
            if (commit_now) {
                batch_docs_per_s.push_back(static_cast<double>(batch) / batch_index);
                batch_index = 0;
                batch_start = now_seconds();
            }
        }
        (void)batch_start;
    }
    const double bytes = static_cast<double>(directory_bytes(db));
    const std::size_t tenth = std::max<std::size_t>(batch_docs_per_s.size() / 10, 1);
    auto mean_of = [](auto begin, auto end) {
        double s = 0;
        std::size_t n = 0;
        for (auto it = begin; it != end; ++it, ++n) s += *it;
        return n ? s / static_cast<double>(n) : 0.0;
    };

    nlohmann::json report;
    report["bench"] = "index";
    report["documents"] = docs;
    report["batch"] = batch;
    report["url_state_per_document"] = with_state;
    report["text_mb"] = static_cast<double>(text_bytes) / 1e6;
    report["docs_per_s"] = static_cast<double>(docs) / index_wall;
    report["docs_per_cpu_s"] = static_cast<double>(docs) / index_cpu;
    report["index_wall_seconds"] = index_wall;
    report["index_cpu_seconds"] = index_cpu;
    report["commit_wall_seconds"] = commit_wall;
    report["generate_wall_seconds"] = generate_wall;
    report["db_bytes"] = bytes;
    report["bytes_per_doc"] = bytes / static_cast<double>(docs);
    report["first_tenth_docs_per_s"] = mean_of(batch_docs_per_s.begin(), batch_docs_per_s.begin() + static_cast<long>(tenth));
    report["last_tenth_docs_per_s"] = mean_of(batch_docs_per_s.end() - static_cast<long>(tenth), batch_docs_per_s.end());
    report["peak_rss_mib"] = peak_rss_mib();
    report["load_average"] = load_average();
    return emit(report);
} catch (const std::exception& e) {
    std::cerr << "bench_index: error: " << e.what() << '\n';
    return 1;
}
