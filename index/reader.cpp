/// \file
/// IndexReader: searches, timelines, lookups and stats over one or more databases (local
/// folders or Xapian stub files naming local and remote shards), reopening on change.
#include "index/index.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <utility>
#include <sstream>
#include <thread>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "index/correction_codec.h"
#include "index/query_text.h"
#include "index/record_codec.h"
#include "index/schema.h"
#include "index/schema_check.h"
#include "index/snippet_window.h"
#include "index/text_analysis.h"
#include "index/xapian_errors.h"
#include "parser/core/core.h"

namespace rumorwatch {
namespace {

namespace fs = std::filesystem;
using index_detail::index_error;

/// Xapian's snippets come HTML-escaped; our callers escape for their own medium.
std::string unescape_snippet(const std::string& html) {
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
    std::string out;
    out.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        bool replaced = false;
        if (html[i] == '&') {
            for (const auto& [entity, c] : kEntities) {
                if (html.compare(i, entity.size(), entity) == 0) {
                    out += c;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += html[i++];
    }
    return out;
}

/// Xapian highlights CJK matches one character at a time ("[通][义]"): join touching
/// highlights so the caller sees one match ("[通义]").
std::string merge_adjacent_highlights(std::string marked) {
    const std::string touching{kHighlightEnd, kHighlightStart};
    for (auto at = marked.find(touching); at != std::string::npos; at = marked.find(touching, at))
        marked.erase(at, 2);
    return marked;
}

/// The snippet of `text` for one hit, matches between kHighlightStart and kHighlightEnd.
/// Xapian reads only the passage snippet_window() picks; "…" marks text cut off on
/// either side, as Xapian marks what it leaves out itself.
std::string snippet(const Xapian::MSet& mset, const std::string& text, const std::vector<std::string>& words,
                    std::size_t bytes, const Xapian::Stem& stemmer) {
    static const std::string kOmitted = "…";
    const index_detail::TextWindow window = index_detail::snippet_window(text, words, bytes);
    std::string out = merge_adjacent_highlights(unescape_snippet(mset.snippet(
        text.substr(window.begin, window.end - window.begin), bytes, stemmer, index_detail::snippet_flags(),
        std::string(1, kHighlightStart), std::string(1, kHighlightEnd), kOmitted)));
    if (window.begin > 0 && out.rfind(kOmitted, 0) != 0) out.insert(0, kOmitted);
    if (window.end < text.size() &&
        (out.size() < kOmitted.size() || out.compare(out.size() - kOmitted.size(), kOmitted.size(), kOmitted) != 0))
        out += kOmitted;
    return out;
}

std::vector<std::pair<std::string, long long>> spy_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<std::pair<std::string, long long>> out;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        out.emplace_back(*it, static_cast<long long>(it.get_termfreq()));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return out;
}

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms;
    for (const auto& v : values) terms.emplace_back(schema::boolean_term(prefix, v));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

/// The articles filed between `lo` and `hi` (inclusive) as a union of year, month and day
/// terms: Xapian intersects posting lists with skips, where a value range reads the time
/// of every candidate (at 100,000 articles, 3.9 ms against 1.3 ms for a common word and
/// two months). A first or last day cut inside is that day's term filtered by the value.
/// The terms and the value come from the same time (StoredArticle::time, UTC), so the
/// match is exactly the value range's. std::nullopt for spans too long to list.
std::optional<Xapian::Query> date_terms(Timestamp lo, Timestamp hi) {
    using namespace std::chrono;
    const sys_days first = floor<days>(lo), last = floor<days>(hi);
    if (last < first || last - first > days(366 * 300)) return std::nullopt;
    // Terms have four-digit years; a bound outside them keeps the value range.
    const auto four_digits = [](sys_days d) { return year_month_day{d}.year() >= year(1) && year_month_day{d}.year() <= year(9999); };
    if (!four_digits(first) || !four_digits(last)) return std::nullopt;
    const bool cut_first = lo != first, cut_last = hi != last + days(1) - seconds(1);
    const auto cut = [&](sys_days d) { return (d == first && cut_first) || (d == last && cut_last); };
    const auto term = [](std::string_view prefix, const year_month_day& ymd, int digits) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                      static_cast<unsigned>(ymd.day()));
        return std::string(prefix) + std::string(buf, static_cast<std::size_t>(digits));
    };
    std::vector<Xapian::Query> parts;
    for (sys_days d = first; d <= last;) {
        const year_month_day ymd{d};
        if (ymd.month() == January && ymd.day() == day(1)) {
            const sys_days end = sys_days{(ymd.year() + years(1)) / January / 1} - days(1);
            if (end <= last && !cut(d) && !cut(end)) {
                parts.emplace_back(term(schema::kYear, ymd, 4));
                d = end + days(1);
                continue;
            }
        }
        if (ymd.day() == day(1)) {
            const sys_days end = sys_days{ymd.year() / ymd.month() / last_spec()};
            if (end <= last && !cut(d) && !cut(end)) {
                parts.emplace_back(term(schema::kMonth, ymd, 6));
                d = end + days(1);
                continue;
            }
        }
        Xapian::Query q(term(schema::kDay, ymd, 8));
        if (d == first && cut_first)
            q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                              Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kPublishedSlot,
                                            Xapian::sortable_serialise(double(to_unix(lo)))));
        if (d == last && cut_last)
            q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                              Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kPublishedSlot,
                                            Xapian::sortable_serialise(double(to_unix(hi)))));
        parts.push_back(std::move(q));
        d += days(1);
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

/// `query` filtered by the given boolean groups (OR within a group, AND between groups)
/// and time bounds on the published-or-first-seen time; an open end is closed at the
/// oldest or newest article of `db`.
Xapian::Query filtered(const Xapian::Database& db, Xapian::Query query, const std::vector<std::string>& outlets,
                       const std::vector<std::string>& statuses,
                       const std::vector<std::string>& languages, std::optional<Timestamp> since,
                       std::optional<Timestamp> until) {
    std::vector<Xapian::Query> filters;
    if (!outlets.empty()) filters.push_back(any_of(schema::kOutlet, outlets));
    if (!statuses.empty()) filters.push_back(any_of(schema::kStatus, statuses));
    if (!languages.empty()) filters.push_back(any_of(schema::kLanguage, languages));
    if (since || until) {
        const auto bound = [](const std::string& v) {
            return v.empty() ? std::optional<Timestamp>() : from_unix(static_cast<long long>(Xapian::sortable_unserialise(v)));
        };
        const auto lo = since ? since : bound(db.get_value_lower_bound(schema::kPublishedSlot));
        const auto hi = until ? until : bound(db.get_value_upper_bound(schema::kPublishedSlot));
        std::optional<Xapian::Query> terms;
        if (lo && hi) terms = date_terms(*lo, *hi);
        if (terms) {
            filters.push_back(std::move(*terms));
        } else {
            if (since)
                filters.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kPublishedSlot,
                                     Xapian::sortable_serialise(double(to_unix(*since))));
            if (until)
                filters.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kPublishedSlot,
                                     Xapian::sortable_serialise(double(to_unix(*until))));
        }
    }
    if (filters.empty()) return query;
    const Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
    return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

/// Months counted from year 0: 2025-02 is 2025 * 12 + 1.
int month_index(Timestamp t) {
    const std::string day = format_day(t); // YYYY-MM-DD, UTC
    return std::stoi(day.substr(0, 4)) * 12 + std::stoi(day.substr(5, 2)) - 1;
}

std::optional<int> month_of_value(const std::string& sortable) {
    if (sortable.empty()) return std::nullopt;
    return month_index(from_unix(static_cast<long long>(Xapian::sortable_unserialise(sortable))));
}

/// The month terms of months first..last (indexes as month_index), ORed.
Xapian::Query months(int first, int last) {
    std::vector<Xapian::Query> terms;
    for (int m = first; m <= last; ++m) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d%02d", m / 12, m % 12 + 1);
        terms.emplace_back(std::string(schema::kMonth) + buf);
    }
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

/// A page of `query` sorted by date, as `enquire` (sort and collapse set) would give it for
/// the whole query. Sorting by a value makes Xapian weigh every match to find the newest
/// (14 ms for a common word in 100,000 articles), but the newest matches are in the newest
/// months: search the last 2 months alone, then 4, 8, 16, and the whole query only when
/// those hold fewer than offset + limit results. Every article outside a window is older
/// than every one inside it (the month terms and the sort value are the same time), so a
/// full page from a window is the page of the whole query. The same, from the first month,
/// for oldest first. Near-duplicate counts of a page from a window count copies in the
/// window only: they are lower bounds, as Xapian's always are.
Xapian::MSet date_sorted_page(Xapian::Enquire& enquire, const Xapian::Database& db, const Xapian::Query& query,
                              bool oldest_first, std::optional<Timestamp> since, std::optional<Timestamp> until,
                              Xapian::doccount first, Xapian::doccount count, bool& from_window) {
    from_window = false;
    constexpr int kWidestWindowMonths = 16;
    auto lo = month_of_value(db.get_value_lower_bound(schema::kPublishedSlot));
    auto hi = month_of_value(db.get_value_upper_bound(schema::kPublishedSlot));
    if (lo && hi && count > 0) {
        if (since) lo = std::max(*lo, month_index(*since));
        if (until) hi = std::min(*hi, month_index(*until));
        for (int span = 2; span <= kWidestWindowMonths && *hi - *lo + 1 > span; span *= 2) {
            const Xapian::Query window = oldest_first ? months(*lo, *lo + span - 1) : months(*hi - span + 1, *hi);
            enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, window));
            Xapian::MSet page = enquire.get_mset(first, count);
            if (page.size() == count) {
                from_window = true;
                return page;
            }
        }
    }
    enquire.set_query(query);
    return enquire.get_mset(first, count);
}

/// Bytes of the regular files under `dir`.
long long folder_bytes(const fs::path& dir) {
    long long total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) total += static_cast<long long>(it->file_size(ec));
    return total;
}

/// Remote shards answer within this long, or the search fails with a timeout.
constexpr useconds_t kRemoteTimeoutMs = 10000;
constexpr useconds_t kRemoteConnectTimeoutMs = 5000;

/// One database opened for reading: a local folder or a remote shard.
struct Part {
    std::string label;     ///< the path, or "STUB:LINE" for a shard named in a stub file
    std::string local_dir; ///< empty for a remote shard
    Xapian::Database db;
};

bool looks_binary(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char buf[512];
    in.read(buf, sizeof buf);
    return std::string_view(buf, static_cast<std::size_t>(in.gcount())).find('\0') != std::string_view::npos;
}

/// Opens the shards a stub file names. Xapian's own lines ("auto PATH", "glass PATH",
/// "remote HOST:PORT", "remote :PROGRAM ARGS") and "remote tcp HOST PORT" are understood;
/// relative paths are relative to the stub. Reading it here (rather than letting Xapian)
/// gives each shard its own schema check, size and "FILE:LINE" in messages.
std::vector<Part> open_stub(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw IndexError(path + ": cannot read the stub file");
    std::vector<Part> parts;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        std::istringstream words(line);
        std::string type;
        words >> type;
        if (type.empty() || type[0] == '#') continue;
        const std::string where = path + ":" + std::to_string(number);
        std::vector<std::string> rest;
        for (std::string w; words >> w;) rest.push_back(w);
        try {
            if ((type == "auto" || type == "glass" || type == "chert") && rest.size() == 1) {
                fs::path dir(rest[0]);
                if (dir.is_relative()) dir = fs::path(path).parent_path() / dir;
                parts.push_back({where, dir.string(), Xapian::Database(dir.string())});
            } else if (type == "remote" && rest.size() == 3 && rest[0] == "tcp") {
                parts.push_back({where, "", Xapian::Remote::open(rest[1], static_cast<unsigned>(std::stoul(rest[2])),
                                                                 kRemoteTimeoutMs, kRemoteConnectTimeoutMs)});
            } else if (type == "remote" && rest.size() == 1 && rest[0][0] != ':' &&
                       rest[0].rfind(':') != std::string::npos) {
                const auto colon = rest[0].rfind(':');
                parts.push_back({where, "", Xapian::Remote::open(rest[0].substr(0, colon),
                                                                 static_cast<unsigned>(std::stoul(rest[0].substr(colon + 1))),
                                                                 kRemoteTimeoutMs, kRemoteConnectTimeoutMs)});
            } else if (type == "remote" && !rest.empty() && rest[0][0] == ':') {
                std::string args;
                for (std::size_t i = 1; i < rest.size(); ++i) args += (i > 1 ? " " : "") + rest[i];
                parts.push_back({where, "", Xapian::Remote::open(rest[0].substr(1), args, kRemoteTimeoutMs)});
            } else {
                throw IndexError(where + ": cannot read this shard line; expected \"auto PATH\", "
                                 "\"remote HOST:PORT\" or \"remote tcp HOST PORT\"");
            }
        } catch (const std::invalid_argument&) {
            throw IndexError(where + ": the port is not a number");
        } catch (const std::out_of_range&) {
            throw IndexError(where + ": the port is out of range");
        } catch (const Xapian::Error& e) {
            throw index_error(where, e);
        }
    }
    if (parts.empty()) throw IndexError(path + ": the stub file names no database");
    return parts;
}

/// The databases behind one --db value: a folder, a stub file, or a single-file database.
std::vector<Part> open_path(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw IndexError(path + ": no index here (crawl first: rumorwatch crawl --db " + path + ")");
    try {
        if (fs::is_directory(path, ec)) return {Part{path, path, Xapian::Database(path)}};
        if (looks_binary(path)) return {Part{path, "", Xapian::Database(path)}};
    } catch (const Xapian::Error& e) {
        throw index_error(path, e);
    }
    return open_stub(path);
}

/// Edit distance between two ASCII-lower-cased strings (byte-wise), for "nearest known".
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

/// The tier bonus added to a relevance weight, as a share of the best weight the query
/// reaches alone: a wire story outranks a blog post that uses the words about as often,
/// not one that matches much better, whatever the scale of the query's BM25 weights.
constexpr std::pair<std::string_view, double> kTierBonus[] = {
    {"wire", 0.25}, {"major", 0.15}, {"trade", 0.08}, {"blog", 0.0}};

/// `query`, weighed as before plus the tier bonus (times `scale`) of each matching article.
Xapian::Query with_tier_bonus(const Xapian::Query& query, double scale) {
    std::vector<Xapian::Query> bonuses;
    for (const auto& [tier, bonus] : kTierBonus) {
        if (bonus <= 0) continue;
        auto* source = new Xapian::FixedWeightPostingSource(bonus * scale);
        bonuses.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(source->release()),
                             Xapian::Query(schema::boolean_term(schema::kTier, tier)));
    }
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                         Xapian::Query(Xapian::Query::OP_OR, bonuses.begin(), bonuses.end()));
}

/// The lower-cased words of a title (each CJK character one word), for telling one
/// outlet's near-identical posts apart from its different stories.
std::set<std::string> title_words(const std::string& title) {
    std::set<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < title.size();) {
        const auto b = static_cast<unsigned char>(title[i]);
        if (b >= 0x80) {
            if (!word.empty()) words.insert(std::exchange(word, {}));
            const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            words.insert(title.substr(i, n));
            i += n;
        } else if (std::isalnum(b)) {
            word += static_cast<char>(std::tolower(b));
            ++i;
        } else {
            if (!word.empty()) words.insert(std::exchange(word, {}));
            ++i;
        }
    }
    if (!word.empty()) words.insert(word);
    return words;
}

bool near_identical_titles(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return false;
    std::size_t common = 0;
    for (const auto& w : a) common += b.count(w);
    return common * 10 >= std::max(a.size(), b.size()) * 6; // 60% of the longer title's words
}

/// One candidate of a relevance page before re-ranking.
struct Candidate {
    Xapian::MSetIterator it;
    std::string outlet;
    std::set<std::string> words;
    long long copies = 0;
    std::string tier;
};

/// Relevance order, fairer to sources: a later post of the same outlet whose title is
/// near-identical to an earlier one folds into it (counted as a copy); within each block
/// of 10 ranks no outlet holds more than 3, and the first 5 hold no more than 3 of one
/// tier, while others are left. Xapian's order decides everything else. Without `fold`
/// (the caller asked for every document, copies included) nothing is folded, only moved.
std::vector<Candidate> diversify(std::vector<Candidate> candidates, bool fold) {
    constexpr std::size_t kBlock = 10, kHead = 5, kPerOutlet = 3, kPerTierInHead = 3;
    std::vector<Candidate> kept;
    for (auto& c : candidates) {
        bool folded = false;
        for (auto& k : kept) {
            if (fold && k.outlet == c.outlet && near_identical_titles(k.words, c.words)) {
                k.copies += 1 + c.copies;
                folded = true;
                break;
            }
        }
        if (!folded) kept.push_back(std::move(c));
    }
    std::vector<Candidate> out;
    std::vector<bool> used(kept.size(), false);
    std::map<std::string, std::size_t> in_block, tier_in_head;
    for (std::size_t pos = 0; out.size() < kept.size(); ++pos) {
        if (pos % kBlock == 0) {
            in_block.clear();
            tier_in_head.clear();
        }
        const bool head = pos % kBlock < kHead;
        std::size_t pick = kept.size();
        for (int strictness = 2; strictness >= 0 && pick == kept.size(); --strictness)
            for (std::size_t i = 0; i < kept.size(); ++i) {
                if (used[i]) continue;
                if (strictness >= 1 && in_block[kept[i].outlet] >= kPerOutlet) continue;
                if (strictness >= 2 && head && tier_in_head[kept[i].tier] >= kPerTierInHead) continue;
                pick = i;
                break;
            }
        used[pick] = true;
        ++in_block[kept[pick].outlet];
        if (head) ++tier_in_head[kept[pick].tier];
        out.push_back(kept[pick]);
    }
    return out;
}

/// The query's prefixed boolean terms whose field must name a value the database knows.
constexpr std::pair<std::string_view, std::string_view> kCheckedFields[] = {
    {"outlet", schema::kOutlet}, {"topic", schema::kTopic}, {"tier", schema::kTier}};

/// Where `query` holds a wildcard that is not at the end of a word ("alib*a"), which Xapian
/// reads as the word "alib" and "a"; std::nullopt when none.
std::optional<std::size_t> inner_wildcard_column(std::string_view query) {
    bool quoted = false;
    std::size_t column = 0;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const auto b = static_cast<unsigned char>(query[i]);
        if ((b & 0xC0) != 0x80) ++column;
        if (query[i] == '"') quoted = !quoted;
        if (quoted || query[i] != '*' || i + 1 >= query.size()) continue;
        const auto next = static_cast<unsigned char>(query[i + 1]);
        if (i > 0 && (std::isalnum(next) || next >= 0x80) &&
            (std::isalnum(static_cast<unsigned char>(query[i - 1])) || static_cast<unsigned char>(query[i - 1]) >= 0x80))
            return column;
    }
    return std::nullopt;
}

} // namespace

struct IndexReader::Impl {
    std::vector<std::string> paths;
    std::vector<Part> parts; ///< every database, shards of stub files one by one
    Xapian::Database db;     ///< all of them, for searching

    std::string where() const {
        std::string s;
        for (const auto& p : paths) s += (s.empty() ? "" : ", ") + p;
        return s;
    }

    /// See the latest commit of every database.
    void reopen() {
        for (auto& part : parts) part.db.reopen();
        db.reopen();
    }

    /// Runs `f`, reopening and retrying when a writer's commits overtake the revision being
    /// read (Xapian keeps only the last couple of revisions on disk); other errors become
    /// IndexError. A writer that commits faster than one read completes only delays the
    /// read: retries back off, and give up only after kRetryBudget.
    template <typename F>
    auto with_reopen(F&& f) -> decltype(f()) {
        const auto start = std::chrono::steady_clock::now();
        auto pause = std::chrono::milliseconds(1);
        for (;;) {
            try {
                reopen();
                return f();
            } catch (const Xapian::DatabaseModifiedError& e) {
                if (std::chrono::steady_clock::now() - start > kRetryBudget) throw index_error(where(), e);
                ++retries;
                std::this_thread::sleep_for(pause);
                pause = std::min(pause * 2, std::chrono::milliseconds(50));
            } catch (const Xapian::QueryParserError&) {
                throw;
            } catch (const Xapian::UnimplementedError& e) {
                // A query the parser accepts but the matcher cannot run, such as NEAR
                // over a phrase: the user's query to change, not a broken database.
                throw InputError("Xapian cannot run this query: " + e.get_msg());
            } catch (const Xapian::Error& e) {
                throw index_error(where(), e);
            }
        }
    }

    static constexpr std::chrono::seconds kRetryBudget{30};
    long long retries = 0; ///< reads restarted because a commit overtook them

    std::vector<std::vector<std::string>> synonym_groups() {
        std::vector<std::vector<std::string>> groups;
        for (const auto& part : parts) {
            const auto all = nlohmann::json::parse(part.db.get_metadata(std::string(schema::kMetaSynonymGroups)),
                                                   nullptr, false);
            if (!all.is_object()) continue;
            for (const auto& [topic, topic_groups] : all.items())
                for (const auto& g : topic_groups) {
                    std::vector<std::string> group;
                    for (const auto& alias : g) group.push_back(alias.get<std::string>());
                    if (std::find(groups.begin(), groups.end(), group) == groups.end())
                        groups.push_back(std::move(group));
                }
        }
        return groups;
    }

    /// Attaches the analyst's correction of `article`, from whichever database holds one
    /// (metadata is per database: a combined Database reads only its first).
    void attach_correction(StoredArticle& article) {
        for (const auto& part : parts)
            if (auto c = index_detail::correction_of(part.db, article.id)) {
                article.correction = std::move(c);
                return;
            }
    }

    /// The values of a boolean field stored in any database ("pacific-wire", ...).
    std::vector<std::string> known_values(std::string_view prefix) {
        std::vector<std::string> out;
        const std::string p(prefix);
        for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) out.push_back((*t).substr(p.size()));
        return out;
    }

    /// Throws InputError when no article carries `value` in `field`, naming the nearest
    /// known values: a typo must not read as "no coverage".
    void check_known(std::string_view field, std::string_view prefix, const std::string& value,
                     const std::string& where) {
        if (db.get_doccount() == 0 || db.term_exists(schema::boolean_term(prefix, value))) return;
        std::vector<std::pair<std::size_t, std::string>> ranked;
        const std::string wanted = text::to_lower_ascii(value);
        for (auto& known : known_values(prefix)) {
            const bool contains = !wanted.empty() && (known.find(wanted) != std::string::npos ||
                                                      wanted.find(known) != std::string::npos);
            ranked.emplace_back(contains ? 0 : edit_distance(wanted, known), std::move(known));
        }
        std::sort(ranked.begin(), ranked.end());
        std::string nearest;
        for (std::size_t i = 0; i < ranked.size() && i < 3; ++i)
            nearest += (nearest.empty() ? "" : ", ") + ranked[i].second;
        throw InputError(where + ": no " + std::string(field) + " \"" + value + "\" in the database" +
                         (nearest.empty() ? std::string(" (it holds none)")
                                          : " (nearest known: " + nearest + "; `rumorwatch stats` lists them)"));
    }

    std::optional<Xapian::docid> docid_of(const std::string& url_or_id) {
        const bool looks_like_id =
            url_or_id.size() == 16 && url_or_id.find_first_not_of("0123456789abcdef") == std::string::npos;
        for (const std::string& term : {looks_like_id ? std::string(schema::kIdTerm) + url_or_id : std::string(),
                                        schema::id_term(url_or_id), schema::bounded_term(schema::kUrl, url_or_id)}) {
            if (term.empty()) continue;
            const auto it = db.postlist_begin(term);
            if (it != db.postlist_end(term)) return *it;
        }
        return std::nullopt;
    }

};

IndexReader::IndexReader(const std::vector<std::string>& paths) : impl_(std::make_unique<Impl>()) {
    if (paths.empty()) throw IndexError("no database given");
    impl_->paths = paths;
    for (const auto& path : paths) {
        for (Part& part : open_path(path)) {
            try {
                index_detail::check_schema(part.db, part.label);
                impl_->db.add_database(part.db);
            } catch (const Xapian::Error& e) {
                throw index_error(part.label, e);
            }
            impl_->parts.push_back(std::move(part));
        }
    }
}

IndexReader::~IndexReader() = default;
IndexReader::IndexReader(IndexReader&&) noexcept = default;
IndexReader& IndexReader::operator=(IndexReader&&) noexcept = default;

SearchResponse IndexReader::search(const SearchRequest& request) {
    if (request.offset < 0 || request.limit < 0) throw InputError("--offset and --limit must not be negative");
    return impl_->with_reopen([&] {
        Xapian::Database& db = impl_->db;
        auto field_error = std::make_shared<std::string>();
        Xapian::QueryParser qp = index_detail::make_query_parser(db, field_error);
        std::string shown; // the user's query, as an error shows it
        const auto malformed = [&](const index_detail::SyntaxSpot& spot, const std::string& detail) {
            return InputError("malformed query at column " + std::to_string(spot.column) + " (" + spot.what + ")" +
                              detail + "\n  " + shown + "\n  " + std::string(spot.column - 1, ' ') + "^");
        };
        if (request.query.size() > kMaxQueryBytes)
            throw InputError("the query is " + std::to_string(request.query.size()) + " bytes; a query may have at most " +
                             std::to_string(kMaxQueryBytes) + " (4 KiB)");
        if (const std::size_t words = index_detail::count_query_words(request.query); words > kMaxQueryWords)
            throw InputError("the query has " + std::to_string(words) + " words; a query may have at most " +
                             std::to_string(kMaxQueryWords) + " (AND, OR, NOT and the like do not count)");
        if (const auto spot = index_detail::find_invalid_utf8(request.query)) {
            // Shown with U+FFFD where the bad byte was.
            shown = rumorwatch::text::make_valid_utf8(index_detail::blank_control_characters(request.query));
            throw malformed(*spot, ": is the terminal's encoding UTF-8?");
        }
        shown = index_detail::blank_control_characters(request.query);
        std::string text = shown; // what Xapian parses
        if (request.expand) {
            // The field is the expansion's own: typed by hand, it could land where the
            // expansion never puts it (beside NEAR, which Xapian cannot run).
            if (const auto spot = index_detail::find_alias_field(text)) throw malformed(*spot, "");
            const auto groups = impl_->synonym_groups();
            text = index_detail::expand_aliases(text, groups);
            index_detail::add_alias_groups(qp, db, groups, field_error);
        }
        if (const auto spot = index_detail::find_proximity_error(shown)) throw malformed(*spot, "");
        if (const auto column = inner_wildcard_column(shown))
            throw malformed(index_detail::SyntaxSpot{*column, "a wildcard works only at the end of a word"},
                            ": write the start of the word and * (alib*), not * inside it");
        const bool spelling = text == shown; // a rewritten query's correction would not be the user's
        text = index_detail::bracket_cjk_runs(index_detail::bracket_proximity_chains(text));
        Xapian::Query query = Xapian::Query::MatchAll;
        if (text.find_first_not_of(' ') != std::string::npos) {
            // Positions are looked for in the user's words: the rewrites above keep
            // brackets, quotes and operators where they were.
            if (const auto spot = index_detail::find_unbalanced(shown)) throw malformed(*spot, "");
            try {
                query = qp.parse_query(text, index_detail::query_parser_flags() |
                                                 (spelling ? Xapian::QueryParser::FLAG_SPELLING_CORRECTION : 0u));
            } catch (const Xapian::QueryParserError& e) {
                throw malformed(index_detail::locate_syntax_error(shown), ": " + e.get_msg());
            }
            if (!field_error->empty()) throw InputError("malformed query: " + *field_error);
            if (query.empty()) query = Xapian::Query::MatchAll; // only stop words or punctuation
        }
        // An outlet, topic or tier no article has is a typo, not "no coverage".
        for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
            for (const auto& [field, prefix] : kCheckedFields)
                if ((*t).rfind(prefix, 0) == 0 && !db.term_exists(*t))
                    impl_->check_known(field, prefix, (*t).substr(prefix.size()), std::string(field) + ":");
        for (const auto& outlet : request.outlets) impl_->check_known("outlet", schema::kOutlet, outlet, "--outlet");
        std::string did_you_mean;
        if (spelling && text.find_first_not_of(' ') != std::string::npos) did_you_mean = qp.get_corrected_query_string();
        std::vector<std::string> statuses;
        for (RumorStatus s : request.statuses) statuses.emplace_back(to_string(s));
        query = filtered(db, query, request.outlets, statuses, request.languages, request.since, request.until);

        if (!request.sort_by_date) {
            Xapian::Enquire probe(db);
            probe.set_query(query);
            const double best = probe.get_mset(0, 1).get_max_attained();
            query = with_tier_bonus(query, best > 0 ? best : 1.0);
        }

        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        if (request.sort_by_date)
            enquire.set_sort_by_value_then_relevance(schema::kPublishedSlot, !request.oldest_first);
        if (request.collapse_duplicates) enquire.set_collapse_key(schema::kDupGroupSlot);
        Xapian::ValueCountMatchSpy status_spy(schema::kStatusSlot);
        Xapian::ValueCountMatchSpy outlet_spy(schema::kOutletSlot);
        if (request.facets) {
            enquire.add_matchspy(&status_spy);
            enquire.add_matchspy(&outlet_spy);
        }
        const auto offset = static_cast<Xapian::doccount>(request.offset);
        const auto limit = static_cast<Xapian::doccount>(request.limit);
        const auto doccount = static_cast<Xapian::doccount>(db.get_doccount());
        SearchResponse response;
        response.did_you_mean = did_you_mean;
        // Counted exactly when cheap (at most kExactCountUpTo matches) and always with facets.
        const Xapian::doccount check_at_least =
            request.facets ? doccount : std::min<Xapian::doccount>(doccount, static_cast<Xapian::doccount>(kExactCountUpTo));
        // Counted apart, without collapsing or weighing: Xapian's uncollapsed bounds stay
        // loose when a phrase is checked lazily, even with every match seen.
        const auto count_from = [&](const Xapian::MSet&) {
            Xapian::Enquire counter(db);
            counter.set_query(query);
            counter.set_weighting_scheme(Xapian::BoolWeight());
            const Xapian::MSet m = counter.get_mset(0, 0, check_at_least);
            const auto lo = m.get_matches_lower_bound(), hi = m.get_matches_upper_bound();
            if (lo == hi) response.total = static_cast<long long>(lo);
            response.total_at_least = static_cast<long long>(lo);
        };
        // Relevance pages are re-ranked (diversify()) over a window from the first result,
        // wide enough to fill the page after folding and moving posts; past kRerankUpTo
        // results, Xapian's order stands.
        constexpr Xapian::doccount kRerankUpTo = 200, kRerankExtra = 40;
        const bool rerank = !request.sort_by_date && offset + limit <= kRerankUpTo && limit > 0;
        Xapian::MSet mset;
        if (request.sort_by_date && !request.facets) { // facets must see every match anyway
            bool from_window = false;
            mset = date_sorted_page(enquire, db, query, request.oldest_first, request.since, request.until, offset,
                                    limit, from_window);
            response.estimated_total = mset.get_matches_estimated();
            // The count (and the estimate) of the whole query, not of the window, and never
            // fewer than the results already passed.
            enquire.set_query(query);
            const Xapian::MSet counted = enquire.get_mset(0, 0, check_at_least);
            count_from(counted);
            if (from_window)
                response.estimated_total = std::max<long long>(counted.get_matches_estimated(),
                                                               static_cast<long long>(offset + mset.size()));
        } else if (rerank) {
            mset = enquire.get_mset(0, offset + limit + kRerankExtra, check_at_least);
            response.estimated_total = mset.get_matches_estimated();
            count_from(mset);
        } else {
            mset = enquire.get_mset(offset, limit, check_at_least);
            response.estimated_total = mset.get_matches_estimated();
            count_from(mset);
        }
        // A correction only when nothing matched: a word Xapian finds no exact term for
        // may still match through stemming ("announce"), and then needs no correction.
        if (response.total_at_least > 0) response.did_you_mean.clear();
        response.parsed_query = query.get_description();
        if (request.facets) {
            response.status_facets = spy_counts(status_spy);
            response.outlet_facets = spy_counts(outlet_spy);
        }
        std::vector<Candidate> page;
        std::map<std::string, int> outlet_hits;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Candidate c{it, {}, {}, static_cast<long long>(it.get_collapse_count())};
            if (rerank) ++outlet_hits[c.outlet = it.get_document().get_value(schema::kOutletSlot)];
            page.push_back(std::move(c));
        }
        if (rerank) {
            // Titles are read only where one outlet has several candidates, tiers once per outlet.
            std::map<std::string, std::string> tier_of;
            for (Candidate& c : page) {
                const bool need_tier = !tier_of.count(c.outlet);
                if (outlet_hits[c.outlet] < 2 && !need_tier) {
                    c.tier = tier_of[c.outlet];
                    continue;
                }
                try {
                    const StoredArticle a = index_detail::decode_document(c.it.get_document(), false);
                    if (outlet_hits[c.outlet] >= 2) c.words = title_words(a.record.article.title);
                    if (need_tier) tier_of[c.outlet] = std::string(to_string(a.record.tier));
                } catch (const IndexError&) {
                    // Damaged: never folded; reported with the page below.
                }
                c.tier = tier_of[c.outlet];
            }
            page = diversify(std::move(page), request.collapse_duplicates);
            page.erase(page.begin(), page.begin() + std::min<std::size_t>(offset, page.size()));
            if (page.size() > limit) page.resize(limit);
        }
        const Xapian::Stem stemmer = index_detail::make_stemmer();
        const std::vector<std::string> words = index_detail::snippet_words(query);
        int rank = request.offset;
        for (const Candidate& c : page) {
            const Xapian::MSetIterator& it = c.it;
            SearchHit hit;
            hit.rank = ++rank;
            try {
                hit.article = index_detail::decode_document(it.get_document(), true);
                impl_->attach_correction(hit.article);
            } catch (const IndexError& e) {
                response.damaged.push_back(e.what()); // one bad record must not hide the others
                continue;
            }
            hit.weight = it.get_weight();
            hit.copies = c.copies;
            if (request.snippet_bytes > 0) {
                const Article& a = hit.article.record.article;
                const std::string& source = !a.text.empty() ? a.text : !a.description.empty() ? a.description : a.title;
                hit.snippet = snippet(mset, source, words, static_cast<std::size_t>(request.snippet_bytes), stemmer);
            }
            response.hits.push_back(std::move(hit));
        }
        return response;
    });
}

std::vector<StoredArticle> IndexReader::timeline_articles(const std::string& topic_id) {
    TimelineRequest request;
    request.topic_id = topic_id;
    request.with_text = true;
    return timeline_articles(request);
}

std::vector<StoredArticle> IndexReader::timeline_articles(const TimelineRequest& request) {
    return impl_->with_reopen([&] {
        Xapian::Database& db = impl_->db;
        const Xapian::Query topic(schema::boolean_term(schema::kTopic, request.topic_id));
        Xapian::Enquire enquire(db);
        enquire.set_query(filtered(db, topic, request.outlets, {}, request.languages, request.since, request.until));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value(schema::kPublishedSlot, false);
        const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        std::vector<StoredArticle> articles;
        articles.reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            articles.push_back(index_detail::decode_document(it.get_document(), request.with_text));
            impl_->attach_correction(articles.back());
        }
        // Equal times come back in document-id order, which differs between shards: make
        // the order a property of the articles alone.
        std::stable_sort(articles.begin(), articles.end(), [](const StoredArticle& a, const StoredArticle& b) {
            if (a.time != b.time) return a.time < b.time;
            return a.id < b.id;
        });
        return articles;
    });
}

std::optional<StoredArticle> IndexReader::find(const std::string& url_or_id) {
    return impl_->with_reopen([&]() -> std::optional<StoredArticle> {
        const auto docid = impl_->docid_of(url_or_id);
        if (!docid) return std::nullopt;
        StoredArticle article = index_detail::decode_document(impl_->db.get_document(*docid), true);
        impl_->attach_correction(article);
        return article;
    });
}

std::string IndexReader::term_dump(const std::string& url_or_id) {
    return impl_->with_reopen([&]() -> std::string {
        const auto docid = impl_->docid_of(url_or_id);
        if (!docid) return {};
        std::string out;
        const Xapian::Document doc = impl_->db.get_document(*docid);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            if (!out.empty()) out += ' ';
            out += *t;
            out += '[';
            bool first = true;
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
                if (!first) out += ',';
                first = false;
                out += std::to_string(*p);
            }
            out += ']';
        }
        return out;
    });
}

std::vector<Correction> IndexReader::corrections() {
    return impl_->with_reopen([&] {
        std::map<std::string, Correction> by_id; // the first database holding one wins, as attach_correction reads
        for (const auto& part : impl_->parts)
            for (Correction& c : index_detail::all_corrections(part.db)) by_id.emplace(c.id, std::move(c));
        std::vector<Correction> out;
        for (auto& [id, c] : by_id) out.push_back(std::move(c));
        return out;
    });
}

void IndexReader::check_known_values(std::string_view field, const std::vector<std::string>& values,
                                     const std::string& option) {
    impl_->with_reopen([&] {
        for (const auto& [name, prefix] : kCheckedFields)
            if (name == field)
                for (const auto& v : values) impl_->check_known(field, prefix, v, option);
        return 0;
    });
}

std::vector<std::string> IndexReader::stored_urls(const std::string& start) {
    return impl_->with_reopen([&] {
        std::vector<std::string> out;
        const std::string prefix = std::string(schema::kUrl) + start;
        for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t)
            out.push_back((*t).substr(schema::kUrl.size()));
        return out;
    });
}

long long IndexReader::document_count() {
    return impl_->with_reopen([&] { return static_cast<long long>(impl_->db.get_doccount()); });
}

IndexStats IndexReader::stats() {
    return impl_->with_reopen([&] {
        Xapian::Database& db = impl_->db;
        IndexStats stats;
        stats.databases = impl_->paths;
        stats.documents = db.get_doccount();
        stats.schema_version = schema::kVersion;
        if (stats.documents > 0) {
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query::MatchAll);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            Xapian::ValueCountMatchSpy outlets(schema::kOutletSlot), statuses(schema::kStatusSlot);
            enquire.add_matchspy(&outlets);
            enquire.add_matchspy(&statuses);
            enquire.get_mset(0, 0, db.get_doccount());
            stats.outlets = spy_counts(outlets);
            stats.statuses = spy_counts(statuses);
            const std::string lang_prefix(schema::kLanguage);
            for (auto t = db.allterms_begin(lang_prefix); t != db.allterms_end(lang_prefix); ++t)
                stats.languages.emplace_back((*t).substr(lang_prefix.size()), t.get_termfreq());
            std::sort(stats.languages.begin(), stats.languages.end(),
                      [](const auto& a, const auto& b) { return a.second > b.second; });
            const std::string lo = db.get_value_lower_bound(schema::kPublishedSlot);
            const std::string hi = db.get_value_upper_bound(schema::kPublishedSlot);
            if (!lo.empty()) stats.earliest = from_unix(static_cast<long long>(Xapian::sortable_unserialise(lo)));
            if (!hi.empty()) stats.latest = from_unix(static_cast<long long>(Xapian::sortable_unserialise(hi)));
        }
        bool any_local = false;
        long long bytes = 0;
        const std::string prefix(schema::kMetaUrlStatePrefix);
        for (const auto& part : impl_->parts) {
            // Remote shards neither tell their size nor list metadata keys over the wire;
            // both are counted where they are served.
            if (part.local_dir.empty()) continue;
            any_local = true;
            bytes += folder_bytes(part.local_dir);
            for (auto k = part.db.metadata_keys_begin(prefix); k != part.db.metadata_keys_end(prefix); ++k)
                ++stats.url_states;
        }
        stats.database_bytes = any_local ? bytes : -1;
        return stats;
    });
}

} // namespace rumorwatch
