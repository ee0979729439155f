/// \file
/// A worker's job: one fetched page -> links or an analysed article.
#include "crawler/page_processor.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <date/tz.h>

#include "crawler/dedup.h"
#include "crawler/gzip.h"
#include "parser/analysis/analysis.h"
#include "parser/extract/extract.h"
#include "crawler/feeds.h"
#include "parser/core/core.h"

// How copies credit their origin (crawler/data/echo_cues.tsv), built into the binary.
asm(".pushsection .rodata\n"
    ".global rumorwatch_echo_cues_begin\nrumorwatch_echo_cues_begin:\n"
    ".incbin \"" RUMORWATCH_ECHO_CUES_PATH "\"\n"
    ".global rumorwatch_echo_cues_end\nrumorwatch_echo_cues_end:\n"
    ".byte 0\n"
    ".popsection\n");
extern "C" const char rumorwatch_echo_cues_begin[];
extern "C" const char rumorwatch_echo_cues_end[];

namespace rumorwatch {

const char* to_string(PageReport::Event event) {
    switch (event) {
    case PageReport::Event::article: return "article";
    case PageReport::Event::discovery: return "discovery";
    case PageReport::Event::not_modified: return "not_modified";
    case PageReport::Event::failed: return "failed";
    case PageReport::Event::disallowed: return "disallowed";
    case PageReport::Event::skipped: return "skipped";
    case PageReport::Event::canonical_elsewhere: return "canonical_elsewhere";
    }
    return "failed";
}

namespace {

/// How long a feed, sitemap or link page is left alone when it is found again as a link
/// (configured feeds and sitemaps are asked every crawl anyway, conditionally).
constexpr std::chrono::minutes kDiscoveryInterval{30};
constexpr std::size_t kMaxSectionsPerHome = 30;
/// Below this many bytes of text a page is not treated as an article.
constexpr std::size_t kMinArticleText = 80;

double seconds_between(SteadyTime a, SteadyTime b) {
    return std::chrono::duration<double>(b - a).count();
}

/// Fills what every report of a response shares.
PageReport base_report(const CrawlTask& task, const FetchResult* r, PageReport::Event event, Timestamp now) {
    PageReport report;
    report.task = task;
    report.event = event;
    report.state = task.previous.value_or(UrlState{});
    report.state.url = task.url;
    report.state.last_visit = now;
    if (r) {
        report.http_status = r->http_status;
        report.bytes = r->wire_bytes;
        report.seconds = seconds_between(r->started, r->finished);
        report.state.http_status = r->http_status;
    }
    return report;
}

/// Keeps fresh validators (a 304 may carry new ones; a 200 replaces them).
void take_validators(UrlState& state, const FetchResult& r, bool replace) {
    const auto etag = r.header("etag");
    const auto modified = r.header("last-modified");
    if (replace || etag) state.etag = etag.value_or("");
    if (replace || modified) state.last_modified = modified.value_or("");
}

bool looks_like_xml(std::string_view content_type, std::string_view body) {
    const std::string type = text::to_lower_ascii(content_type.substr(0, content_type.find(';')));
    if (type.find("xml") != std::string::npos) return true;
    // Sniff what servers label text/plain or octet-stream.
    std::size_t i = 0;
    if (body.starts_with("\xEF\xBB\xBF")) i = 3;
    while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    const std::string_view head = body.substr(i, 64);
    return head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed") ||
           head.starts_with("<urlset") || head.starts_with("<sitemapindex") || head.starts_with("<rdf:RDF");
}

/// The charset an XML declaration names, if any ("<?xml version="1.0" encoding="GBK"?>").
std::string xml_declared_charset(std::string_view body) {
    const auto end = body.find("?>");
    if (!body.substr(0, 200).starts_with("<?xml") && body.substr(0, 203).find("<?xml") == std::string_view::npos)
        return {};
    const std::string_view decl = body.substr(0, std::min<std::size_t>(end, 200));
    const auto at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    auto q = decl.find_first_of("\"'", at);
    if (q == std::string_view::npos) return {};
    const auto close = decl.find(decl[q], q + 1);
    if (close == std::string_view::npos) return {};
    return std::string(decl.substr(q + 1, close - q - 1));
}

std::string decode_xml(const std::string& body, const std::string& content_type) {
    std::string type = content_type;
    if (text::to_lower_ascii(type).find("charset=") == std::string::npos) {
        const std::string declared = xml_declared_charset(body);
        if (!declared.empty()) type = (type.empty() ? std::string("application/xml") : type) + "; charset=" + declared;
    }
    return decode_to_utf8(body, type).utf8;
}

void add_link(PageReport& report, const OutletMap& outlets, const std::string& raw, TaskKind kind,
              std::size_t fallback_outlet) {
    std::string url = crawl_url(raw);
    if (url.empty()) return;
    const Outlet* outlet = nullptr;
    if (kind == TaskKind::discovery) {
        const Outlet& own = outlets.outlets()[fallback_outlet];
        if (outlets.on_outlet_host(own, url)) outlet = &own;
    } else {
        // An article link belongs to the outlet whose patterns take it (feeds sometimes
        // point at a sister site); links no outlet wants are dropped.
        const Outlet& own = outlets.outlets()[fallback_outlet];
        if (outlets.allows(own, url)) outlet = &own;
        else if (const Outlet* other = outlets.outlet_for(url); other && outlets.allows(*other, url)) outlet = other;
    }
    if (!outlet) return;
    // A home page or feed that a feed links to is read for links, not as an article.
    if (kind == TaskKind::page && outlets.is_discovery_page(*outlet, url)) kind = TaskKind::discovery;
    report.links.push_back({std::move(url), kind, static_cast<std::size_t>(outlet - outlets.outlets().data())});
}

PageReport read_feed(const CrawlTask& task, const FetchResult& r, const FeedDocument& feed,
                     const ProcessContext& ctx, Timestamp now) {
    PageReport report = base_report(task, &r, PageReport::Event::discovery, now);
    for (const FeedLink& link : feed.links)
        add_link(report, ctx.outlets, link.url, link.is_sitemap ? TaskKind::discovery : TaskKind::page, task.outlet);
    return report;
}

bool is_home(const CrawlTask& task, const Outlet& outlet) { return crawl_url(outlet.home) == task.url; }

PageReport read_link_page(const CrawlTask& task, const FetchResult& r, const std::string& html,
                          const ProcessContext& ctx, Timestamp now) {
    PageReport report = base_report(task, &r, PageReport::Event::discovery, now);
    const Outlet& outlet = ctx.outlets.outlets()[task.outlet];
    const PageLinks page = extract_links(html, r.final_url.empty() ? task.url : r.final_url);
    std::vector<std::string> urls;
    for (const PageLink& link : page.links) {
        if (link.nofollow) continue;
        urls.push_back(link.url);
        add_link(report, ctx.outlets, link.url, TaskKind::page, task.outlet);
    }
    // Section pages are followed from the home page only, so the crawl stays shallow, and
    // only for an outlet without a sitemap: a sitemap already lists what sections would.
    if (is_home(task, outlet) && outlet.sitemaps.empty())
        for (const auto& section : section_links(urls, outlet, ctx.outlets, kMaxSectionsPerHome))
            add_link(report, ctx.outlets, section, TaskKind::discovery, task.outlet);
    return report;
}

// ---- Provenance at ingest (issue 20): echoes and local time -------------------------------

struct EchoCues {
    std::vector<std::string> wires;            // as written
    std::vector<std::string> credits, relays;  // lower case (ASCII)
};

const EchoCues& echo_cues() {
    static const EchoCues cues = [] {
        EchoCues c;
        std::string_view data(rumorwatch_echo_cues_begin,
                              static_cast<std::size_t>(rumorwatch_echo_cues_end - rumorwatch_echo_cues_begin));
        while (!data.empty()) {
            const std::size_t nl = data.find('\n');
            std::string_view line = data.substr(0, nl);
            data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.empty() || line.front() == '#') continue;
            const std::size_t tab = line.find('\t');
            if (tab == std::string_view::npos) continue;
            const std::string_view kind = line.substr(0, tab);
            std::string phrase = text::to_lower_ascii(line.substr(tab + 1));
            if (kind == "wire") c.wires.emplace_back(line.substr(tab + 1)); // as written, for messages
            else if (kind == "credit") c.credits.push_back(std::move(phrase));
            else if (kind == "relay") c.relays.push_back(std::move(phrase));
        }
        return c;
    }();
    return cues;
}

/// The first paragraph of an article's text, at most `max` bytes, lower-cased (ASCII).
std::string lead_of(const Article& article, std::size_t max) {
    std::string lead = article.text.substr(0, std::min(article.text.find("\n\n"), max));
    return text::to_lower_ascii(lead);
}

/// How the page credits its story to another outlet or agency: "dateline credit: Pacific
/// Wire", "credit: Pacific Wire", "relay: according to a report"; empty for an origin.
/// `own` is the page's outlet: a wire's own dateline is no credit.
std::string echo_signal_of(const Article& article, const OutletMap& outlets, const Outlet& own) {
    const EchoCues& cues = echo_cues();
    std::vector<std::pair<std::string, std::string>> wires; // lower-case name, as written
    for (const std::string& w : cues.wires) wires.emplace_back(text::to_lower_ascii(w), w);
    for (const Outlet& o : outlets.outlets())
        if (o.tier == OutletTier::wire && o.id != own.id && !o.name.empty())
            wires.emplace_back(text::to_lower_ascii(o.name), o.name);
    const std::string own_name = text::to_lower_ascii(own.name);
    const std::string lead = lead_of(article, 400);
    for (const auto& [wire, name] : wires) {
        if (wire == own_name) continue;
        // "NEW YORK (Pacific Wire) —", "(Reuters) -"
        for (std::size_t at = lead.find("(" + wire + ")"); at != std::string::npos;
             at = lead.find("(" + wire + ")", at + 1)) {
            std::size_t after = at + wire.size() + 2;
            while (after < lead.size() && lead[after] == ' ') ++after;
            const std::string_view rest = std::string_view(lead).substr(after);
            if (rest.starts_with("-") || rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93"))
                return "dateline credit: " + name;
        }
    }
    // A credit line anywhere in the text: "This article was provided by Pacific Wire", "来源：新华社".
    const std::string body = text::to_lower_ascii(article.text);
    for (const std::string& credit : cues.credits)
        for (std::size_t at = body.find(credit); at != std::string::npos; at = body.find(credit, at + 1)) {
            std::size_t after = at + credit.size();
            while (after < body.size() && body[after] == ' ') ++after;
            for (const auto& [wire, name] : wires)
                if (wire != own_name && std::string_view(body).substr(after).starts_with(wire)) return "credit: " + name;
        }
    for (const std::string& relay : cues.relays)
        if (lead.find(relay) != std::string::npos) return "relay: " + relay;
    return {};
}

/// A date without its page's offset takes the outlet's zone's offset at that instant.
void fill_offset(std::optional<ArticleDate>& date, const Outlet& outlet) {
    if (!date || date->utc_offset_minutes || outlet.timezone.empty()) return;
    try {
        const date::time_zone* zone = date::locate_zone(outlet.timezone);
        const auto info = zone->get_info(std::chrono::time_point_cast<std::chrono::seconds>(date->time));
        date->utc_offset_minutes = static_cast<int>(info.offset.count() / 60);
    } catch (const std::exception&) {
        // An unknown zone: the date stays without an offset (printed in UTC).
    }
}

PageReport read_article(const CrawlTask& task, const FetchResult& r, const DecodedText& text,
                        const WarcRecordRef* warc, const ProcessContext& ctx, Timestamp now) {
    const Outlet& outlet = ctx.outlets.outlets()[task.outlet];
    ExtractOptions options;
    options.url = task.url;
    options.fetched_at = std::chrono::time_point_cast<std::chrono::seconds>(r.started_wall);
    options.date_order = outlet.date_order;
    options.timezone = outlet.timezone;
    options.language_hint = outlet.language;
    options.content_language = r.header("content-language").value_or("");
    Article article = extract_article(text.utf8, options);
    if (text.had_invalid_bytes)
        article.warnings.push_back("some bytes were not valid " + text.charset + " and were replaced");

    // rel=canonical naming another page we crawl: that page is the document, this one
    // only leads to it.
    const std::string canonical = crawl_url(article.canonical_url);
    std::string canonical_echo; // rel=canonical to ANOTHER outlet: a copy, kept as a document of its own
    if (!canonical.empty() && canonical != task.url) {
        const Outlet* owner = ctx.outlets.outlet_for(canonical);
        if (owner && owner != &outlet && ctx.outlets.allows(*owner, canonical)) {
            canonical_echo = canonical;
            article.canonical_url = task.url;
        } else if (owner && ctx.outlets.allows(*owner, canonical)) {
            PageReport report = base_report(task, &r, PageReport::Event::canonical_elsewhere, now);
            report.reason = "canonical is " + canonical;
            report.links.push_back({canonical, TaskKind::page, static_cast<std::size_t>(owner - ctx.outlets.outlets().data())});
            return report;
        }
    }
    if (article.text.size() < kMinArticleText) {
        PageReport report = base_report(task, &r, PageReport::Event::skipped, now);
        report.reason = "no article text";
        return report;
    }

    PageReport report = base_report(task, &r, PageReport::Event::article, now);
    ArticleRecord record;
    std::vector<RumorAnalysis> analyses;
    for (const Topic& topic : ctx.topics) analyses.push_back(analyze_article(article, topic));
    record.analysis = strongest_analysis(analyses);
    // Every other topic keeps its own analysis, so each topic's timeline sees the article.
    for (auto& a : analyses)
        if (!(a == record.analysis)) record.other_topics.push_back(std::move(a));
    record.outlet_id = outlet.id;
    record.tier = outlet.tier;
    record.crawled_at = now;
    if (!canonical_echo.empty()) {
        record.echo_of = canonical_echo;
        record.echo_signal = "canonical to other outlet";
        report.links.push_back({canonical_echo, TaskKind::page,
                                static_cast<std::size_t>(ctx.outlets.outlet_for(canonical_echo) - ctx.outlets.outlets().data())});
    } else {
        record.echo_signal = echo_signal_of(article, ctx.outlets, outlet);
    }
    fill_offset(article.published, outlet);
    fill_offset(article.modified, outlet);
    record.content_hash = sha256_hex(article.text);
    if (warc) {
        record.warc_file = warc->file;
        record.warc_record_id = warc->record_id;
    }
    report.simhash = simhash64(article.text);
    report.facts.published = article.published ? std::optional<Timestamp>(article.published->time) : std::nullopt;
    report.facts.mentions_topic = record.analysis.status != RumorStatus::none;
    record.article = std::move(article);
    report.record = std::move(record);
    return report;
}

} // namespace

RumorAnalysis strongest_analysis(const std::vector<RumorAnalysis>& analyses) {
    if (analyses.empty()) return {};
    auto rank = [](const RumorAnalysis& a) {
        return a.status == RumorStatus::none ? 0 : a.status == RumorStatus::mentioned ? 1 : 2;
    };
    return *std::max_element(analyses.begin(), analyses.end(), [&](const RumorAnalysis& a, const RumorAnalysis& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        return a.confidence < b.confidence;
    });
}

std::vector<std::string> section_links(const std::vector<std::string>& links, const Outlet& outlet,
                                       const OutletMap& outlets, std::size_t max_sections) {
    static const std::set<std::string> kNotSections = {
        "about",    "contact", "privacy", "terms",   "login",  "signin", "signup",   "register", "subscribe",
        "careers",  "jobs",    "advertise", "help",  "search", "account", "cookies", "legal",    "newsletter",
        "newsletters", "feedback", "sitemap", "rss",  "feeds", "static", "assets",  "cdn",     "tag",
    };
    std::vector<std::string> out;
    const std::string home_host = host_key(outlet.home);
    for (const auto& url : links) {
        if (out.size() >= max_sections) break;
        const auto parts = parse_url(url);
        if (!parts || host_key(url) != home_host) continue;
        if (outlets.allows(outlet, url)) continue; // an article candidate, not a section
        if (parts->has_query || parts->path.empty() || parts->path == "/") continue;
        const std::string& target = parts->path;
        std::vector<std::string> segments;
        for (std::size_t pos = 1; pos < target.size();) {
            const auto slash = target.find('/', pos);
            const std::string segment = target.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
            if (!segment.empty()) segments.push_back(text::to_lower_ascii(segment));
            if (slash == std::string::npos) break;
            pos = slash + 1;
        }
        if (segments.empty() || segments.size() > 2) continue;
        const std::string& first = segments.front();
        if (kNotSections.count(first)) continue;
        const auto dot = segments.back().rfind('.');
        if (dot != std::string::npos && segments.back().substr(dot) != ".html" && segments.back().substr(dot) != ".htm")
            continue;
        if (std::find(out.begin(), out.end(), url) == out.end()) out.push_back(url);
    }
    return out;
}

PageReport process_fetched(WorkItem item, const ProcessContext& ctx, Timestamp now, const WarcRecordRef* captured) {
    const CrawlTask& task = item.task;
    FetchResult& r = item.result;
    std::optional<WarcRecordRef> warc;
    if (captured) warc = *captured;
    else if (ctx.warc) warc = ctx.warc->write_exchange(r);

    const std::string content_type = r.content_type();
    std::string body = std::move(r.body);
    if (looks_gzipped(body)) {
        // A sitemap.xml.gz served as a file, not as Content-Encoding.
        if (auto inflated = gunzip(body, ctx.max_body_bytes)) body = std::move(*inflated);
    }
    PageReport report;
    bool have_report = false;
    if (looks_like_xml(content_type, body)) {
        const FeedDocument feed = parse_feed(decode_xml(body, content_type));
        if (feed.kind != FeedKind::unknown) {
            report = read_feed(task, r, feed, ctx, now);
            have_report = true;
        }
    }
    if (!have_report) {
        const DecodedText text = decode_to_utf8(body, content_type);
        if (task.kind == TaskKind::discovery) {
            report = read_link_page(task, r, text.utf8, ctx, now);
        } else {
            report = read_article(task, r, text, warc ? &*warc : nullptr, ctx, now);
        }
    }
    take_validators(report.state, r, true);
    report.state.content_hash = sha256_hex(body);
    report.state.failures = 0;
    if (report.event != PageReport::Event::article) report.state.next_visit = now + kDiscoveryInterval;
    // Articles get their next visit from the writer, once it knows whether they changed.
    return report;
}

PageReport report_not_modified(const CrawlTask& task, const FetchResult& r, Timestamp now) {
    PageReport report = base_report(task, &r, PageReport::Event::not_modified, now);
    // The stored state describes the stored content: it is still that of the last 200 (the
    // 304 itself is in report.http_status and the log). The validators just sent were
    // confirmed, so they stay; a 304 may name another tag for the same content (servers
    // drop the "-gzip" suffix they add to compressed 200s), which would not match next time.
    if (task.previous) report.state.http_status = task.previous->http_status;
    if (report.state.etag.empty() && report.state.last_modified.empty()) take_validators(report.state, r, false);
    report.state.failures = 0;
    report.facts.changed = false;
    if (task.previous && task.previous->last_visit && task.previous->next_visit &&
        *task.previous->next_visit > *task.previous->last_visit)
        report.facts.previous_interval =
            std::chrono::duration_cast<std::chrono::seconds>(*task.previous->next_visit - *task.previous->last_visit);
    if (task.kind != TaskKind::page) report.state.next_visit = now + kDiscoveryInterval;
    else report.state.next_visit = next_visit(now, report.facts);
    return report;
}

PageReport report_failure(const CrawlTask& task, const FetchResult* r, PageReport::Event event, std::string reason,
                          Timestamp now) {
    PageReport report = base_report(task, r, event, now);
    report.reason = std::move(reason);
    report.state.failures = (task.previous ? task.previous->failures : 0) + 1;
    report.state.next_visit = next_visit_after_failure(now, report.state.failures);
    if (event == PageReport::Event::disallowed) {
        // Not a failure of the host: look again when robots.txt may have changed.
        report.state.failures = task.previous ? task.previous->failures : 0;
        report.state.last_visit = task.previous ? task.previous->last_visit : std::nullopt;
        report.state.next_visit = now + std::chrono::hours(24);
    }
    return report;
}

} // namespace rumorwatch
