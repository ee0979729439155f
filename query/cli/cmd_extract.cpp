/// \file
/// `rumorwatch extract`: one page in, what the parser sees out (JSON for tools, text for
/// people). Reads raw bytes, decodes them like the crawler does, extracts, prints.
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "parser/analysis/analysis.h"
#include "parser/extract/extract.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/paths.h"

namespace rumorwatch {
namespace {

struct ExtractArgs {
    std::string file;
    std::string url;
    std::string outlet;
    std::string config;
    std::string date_order;
    std::string timezone;
    std::string fetched_at;
    std::string charset_header;
    std::string format = "text";
    std::string topic; ///< with a topic file, the rumor analysis is printed too
};

std::string read_input(const std::string& file, std::istream& in) {
    if (file == "-") {
        std::ostringstream buffer;
        buffer << in.rdbuf();
        return buffer.str();
    }
    std::ifstream f(file, std::ios::binary);
    if (!f) throw InputError(file + ": cannot open the file");
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (f.bad()) throw InputError(file + ": cannot read the file");
    return bytes;
}

/// What `bytes` is when its first bytes say it is not a page (a program, an archive, an
/// image), or nullptr. Decoding such input as text only prints noise.
const char* binary_kind(std::string_view bytes) {
    static constexpr std::pair<std::string_view, const char*> kMagic[] = {
        {"\x7f" "ELF", "an ELF executable"},   {"%PDF-", "a PDF document"},
        {"\x1f\x8b", "gzip-compressed (gunzip it first)"}, {"PK\x03\x04", "a ZIP archive"},
        {"\x89PNG", "a PNG image"},          {"\xff\xd8\xff", "a JPEG image"},
        {"GIF8", "a GIF image"}};
    for (const auto& [magic, kind] : kMagic)
        if (bytes.substr(0, magic.size()) == magic) return kind;
    return nullptr;
}

/// Where git looks for a NUL to call a file binary.
constexpr std::size_t kBinarySniffBytes = 8000;

nlohmann::json date_json(const std::optional<ArticleDate>& d) {
    if (!d) return nullptr;
    return nlohmann::json(*d);
}

/// The stable JSON form: every Article field plus the decoding facts.
nlohmann::json to_output_json(const Article& a, const DecodedText& decoded) {
    nlohmann::json j = a;
    j["published"] = date_json(a.published);
    j["modified"] = date_json(a.modified);
    j["charset"] = decoded.charset;
    j["charset_source"] = decoded.source;
    j["extractor_version"] = kExtractorVersion;
    return j;
}

/// The analysis section of the text output: the article's status and each mention.
void print_analysis(const RumorAnalysis& r, std::ostream& out) {
    out << "\nRumor [" << text::strip_controls(r.topic_id) << "]: " << to_string(r.status) << " (confidence "
        << std::fixed << std::setprecision(2) << r.confidence << ")\n";
    out.unsetf(std::ios::floatfield);
    if (!r.entities.empty()) {
        std::string list;
        for (const auto& e : r.entities) list += (list.empty() ? "" : ", ") + e;
        out << "Entities: " << text::strip_controls(list) << "\n";
    }
    for (std::size_t i = 0; i < r.mentions.size(); ++i) {
        const Mention& m = r.mentions[i];
        out << (r.evidence && *r.evidence == i ? "* " : "- ") << to_string(m.status);
        if (!m.cue.empty()) out << " [" << text::strip_controls(m.cue) << "]";
        if (!m.attribution.empty()) out << " by " << text::strip_controls(m.attribution);
        if (m.background) out << " (background)";
        if (m.in_headline) out << " (headline)";
        out << ": " << text::strip_controls(m.sentence) << "\n";
    }
}

void print_text(const Article& a, const DecodedText& decoded, std::ostream& out) {
    const auto line = [&](std::string_view label, const std::string& value, const std::string& source = {}) {
        out << label << ": " << text::strip_controls(value);
        if (!source.empty()) out << "  [" << text::strip_controls(source) << "]";
        out << "\n";
    };
    const auto date_line = [&](std::string_view label, const std::optional<ArticleDate>& d) {
        if (!d) {
            out << label << ": (none)\n";
            return;
        }
        out << label << ": " << format_iso8601(d->time) << (d->has_time_of_day ? "" : " (day only)") << "  ["
            << text::strip_controls(d->source) << (d->reliable ? ", reliable" : ", from text") << "]\n";
    };
    const auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
        return s;
    };
    line("Title", a.title, a.title_source);
    line("URL", a.url);
    line("Canonical", a.canonical_url, a.canonical_source);
    line("Site", a.site_name, a.site_name_source);
    date_line("Published", a.published);
    date_line("Modified", a.modified);
    if (a.authors.empty())
        out << "Authors: (none)\n"; // no byline found: no source to name either
    else
        line("Authors", join(a.authors), a.authors_source);
    if (!a.organisations.empty()) line("Organisations", join(a.organisations));
    line("Language", a.language, a.language_source);
    line("Charset", decoded.charset, decoded.source);
    if (!a.section.empty()) line("Section", a.section);
    if (!a.keywords.empty()) line("Keywords", join(a.keywords));
    if (!a.description.empty()) line("Description", a.description);
    if (!a.image.empty()) line("Image", a.image);
    for (const auto& w : a.warnings) line("Warning", w);
    out << "Text [" << text::strip_controls(a.text_source) << ", " << text::code_points(a.text) << " characters]:\n\n"
        << text::strip_controls(a.text) << "\n";
    if (!a.captions.empty()) {
        out << "\nCaptions:\n";
        for (const auto& c : a.captions) out << "- " << text::strip_controls(c) << "\n";
    }
}

int run_extract(const ExtractArgs& args, Io& io) {
    if (args.format != "text" && args.format != "json")
        throw InputError("--format: expected text or json, not \"" + args.format + "\"");
    ExtractOptions options;
    options.url = args.url;
    if (!args.outlet.empty()) {
        const CrawlConfig config = load_config(args.config.empty() ? default_config_path() : args.config);
        const Outlet* found = nullptr;
        for (const auto& o : config.outlets)
            if (o.id == args.outlet) found = &o;
        if (!found) throw InputError("--outlet: no outlet \"" + args.outlet + "\" in " + config.source_file);
        options.date_order = found->date_order;
        options.timezone = found->timezone;
        options.language_hint = found->language;
        options.site_name = found->name;
    }
    if (!args.date_order.empty()) {
        const auto order = date_order_from_string(args.date_order);
        if (!order) throw InputError("--date-order: expected mdy, dmy or ymd, not \"" + args.date_order + "\"");
        options.date_order = *order;
    }
    if (!args.timezone.empty()) options.timezone = args.timezone;
    if (!args.fetched_at.empty()) {
        const auto t = parse_iso8601(args.fetched_at);
        if (!t) throw InputError("--fetched-at: \"" + args.fetched_at + "\" is not an ISO 8601 time");
        options.fetched_at = *t;
    } else {
        options.fetched_at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }

    std::optional<Analyzer> analyzer;
    if (!args.topic.empty()) analyzer.emplace(load_topic(args.topic)); // a bad topic fails before reading

    const std::string bytes = read_input(args.file, io.in);
    const std::string name = args.file == "-" ? "standard input" : args.file;
    if (const char* kind = binary_kind(bytes))
        throw InputError(name + ": this is " + kind + ", not an HTML page");
    const DecodedText decoded = decode_to_utf8(bytes, args.charset_header);
    // In the bytes (decoding drops NULs beside invalid bytes), but not in UTF-16, whose
    // ASCII characters all come with one.
    if (!decoded.charset.starts_with("UTF-16") && bytes.find('\0') < kBinarySniffBytes)
        io.err << "rumorwatch: warning: " << message_escape(name)
               << ": NUL bytes near the start; this looks like binary data, not an HTML page\n";
    if (decoded.utf8.size() > kMaxPageBytes)
        io.err << "rumorwatch: warning: " << message_escape(name) << ": " << decoded.utf8.size()
               << " bytes of text; only the first " << (kMaxPageBytes >> 20) << " MiB were read\n";
    Article article = extract_article(decoded.utf8, options);
    if (decoded.had_invalid_bytes)
        article.warnings.push_back("the page had bytes invalid in " + decoded.charset + "; they were replaced");

    std::optional<RumorAnalysis> analysis;
    if (analyzer) analysis = analyzer->analyze(article);
    if (args.format == "json") {
        nlohmann::json j = to_output_json(article, decoded);
        if (analysis) j["analysis"] = *analysis;
        io.out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
        print_text(article, decoded, io.out);
        if (analysis) print_analysis(*analysis, io.out);
    }
    return 0;
}

} // namespace

void add_extract_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<ExtractArgs>();
    CLI::App* cmd = app.add_subcommand("extract", "Print what the parser sees in one HTML page");
    cmd->add_option("file", args->file, "HTML file to read, or - for standard input")->required();
    cmd->add_option("--url", args->url, "The URL the page came from (relative links, dates in the URL)");
    cmd->add_option("--outlet", args->outlet, "Outlet id: its date order, time zone, language and name apply");
    cmd->add_option("--config", args->config, "Outlets file for --outlet (default: $XDG_CONFIG_HOME/rumorwatch/outlets.json)");
    cmd->add_option("--date-order", args->date_order, "How the site writes 7/3/2026: mdy, dmy or ymd");
    cmd->add_option("--timezone", args->timezone, "IANA time zone for dates without one (default UTC)");
    cmd->add_option("--fetched-at", args->fetched_at, "When the page was fetched (ISO 8601; default now)");
    cmd->add_option("--charset-header", args->charset_header, "The HTTP Content-Type header the page came with");
    cmd->add_option("--format", args->format, "text (default) or json");
    cmd->add_option("--topic", args->topic,
                    "Topic file (seeds/topics/*.json): add the rumor analysis (status, mentions, evidence)");
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_extract(*args, io); }; });
}

} // namespace rumorwatch
