/// \file
/// `rumorwatch classify`: JSON lines in, one verdict per line out (see `--help`).
#include <cmath>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "crawler/crawler.h"
#include "parser/analysis/analysis.h"
#include "parser/core/core.h"
#include "query/cli/cli.h"
#include "query/cli/paths.h"

namespace rumorwatch {
namespace {

/// Longest input line read: a news article is under 100 KB, and a 200 MB line once cost
/// 1.2 GB of memory and echoed itself to stderr whole.
constexpr std::size_t kMaxLineBytes = 4u << 20;
/// How much of a piece of input an error message quotes.
constexpr std::size_t kMaxEchoBytes = 200;

/// What read_line found.
enum class LineRead { line, too_long, end };

/// Reads one line (without its '\n') into `line`, at most kMaxLineBytes of it: a longer
/// line is consumed to its end, not kept, and reported as too_long.
LineRead read_line(std::istream& in, std::string& line) {
    line.clear();
    std::streambuf* buffer = in.rdbuf();
    bool any = false, too_long = false;
    for (int c = buffer->sbumpc(); c != std::char_traits<char>::eof(); c = buffer->sbumpc()) {
        any = true;
        if (c == '\n') return too_long ? LineRead::too_long : LineRead::line;
        if (line.size() < kMaxLineBytes) line.push_back(static_cast<char>(c));
        else too_long = true;
    }
    if (!any) return LineRead::end;
    return too_long ? LineRead::too_long : LineRead::line;
}

/// A piece of input or of a library message as it may appear in an error: at most
/// kMaxEchoBytes, without anything that drives a terminal.
std::string echo(std::string_view text) {
    if (text.size() <= kMaxEchoBytes) return terminal_line(text);
    return terminal_line(text.substr(0, kMaxEchoBytes)) + "... (" + std::to_string(text.size()) + " bytes)";
}

struct ClassifyArgs {
    std::string topic;
    bool generic = false;
    bool features = false;
};

/// The id of an input line for messages: its "id" when readable, else "line N".
std::string label_of(const nlohmann::json& j, std::size_t line) {
    if (j.is_object()) {
        if (auto it = j.find("id"); it != j.end() && (it->is_string() || it->is_number()))
            return "id " + it->dump();
    }
    return "line " + std::to_string(line);
}

std::string optional_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string()) throw InputError(std::string("field \"") + key + "\" must be a string");
    return it->get<std::string>();
}

double rounded(double x) { return std::round(x * 1000.0) / 1000.0; }

/// One input object -> one output object. @throws InputError for a malformed object.
nlohmann::json classify_one(const nlohmann::json& in, const Analyzer& analyzer, bool features) {
    if (!in.is_object()) throw InputError("expected a JSON object");
    const bool has_text = in.contains("text");
    const bool has_parts = in.contains("headline") || in.contains("body");
    if (!has_text && !has_parts) throw InputError("needs \"text\", or \"headline\" and/or \"body\"");
    if (has_text && has_parts) throw InputError("give \"text\" or \"headline\"/\"body\", not both");
    const std::string text = optional_string(in, "text");
    const std::string headline = optional_string(in, "headline");
    const std::string body = optional_string(in, "body");
    const std::string claim = optional_string(in, "claim");
    if (in.contains("id") && !in["id"].is_string() && !in["id"].is_number())
        throw InputError("field \"id\" must be a string or a number");

    const RumorAnalysis r = has_text ? analyzer.classify("", text, std::nullopt, claim)
                                     : analyzer.classify(headline, body, std::nullopt, claim);
    nlohmann::json out = nlohmann::json::object();
    out["id"] = in.contains("id") ? in["id"] : nlohmann::json(nullptr);
    out["status"] = std::string(to_string(r.status));
    out["confidence"] = rounded(r.confidence);
    out["evidence"] = nullptr;
    out["cue"] = nullptr;
    out["attribution"] = nullptr;
    if (r.evidence) {
        const Mention& m = r.mentions[*r.evidence];
        out["evidence"] = m.sentence;
        if (!m.cue.empty()) out["cue"] = m.cue;
        if (!m.attribution.empty()) out["attribution"] = m.attribution;
    }
    if (features) out["features"] = has_text ? analyzer.status_features("", text) : analyzer.status_features(headline, body);
    return out;
}

int run_classify(const ClassifyArgs& args, Io& io) {
    const Analyzer analyzer = args.generic ? Analyzer()
                                           : Analyzer(load_topic(args.topic.empty() ? default_topic_path() : args.topic));
    std::string line;
    std::size_t number = 0, bad = 0;
    for (LineRead read = read_line(io.in, line); read != LineRead::end; read = read_line(io.in, line)) {
        ++number;
        if (read == LineRead::too_long) {
            ++bad;
            io.err << "rumorwatch: error: stdin:" << number << ": line longer than " << (kMaxLineBytes >> 20)
                   << " MiB, skipped: " << echo(line) << "\n";
            continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json in;
        try {
            in = nlohmann::json::parse(line);
        } catch (const nlohmann::json::parse_error& e) {
            ++bad;
            // nlohmann quotes what it last read, which may be the whole line.
            io.err << "rumorwatch: error: stdin:" << number << ": not JSON: " << echo(e.what()) << "\n";
            continue;
        }
        try {
            // Lines of text from the web may hold invalid UTF-8: replace rather than fail.
            io.out << classify_one(in, analyzer, args.features).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                   << "\n";
        } catch (const InputError& e) {
            ++bad;
            io.err << "rumorwatch: error: stdin:" << number << ": " << echo(label_of(in, number)) << ": "
                   << echo(e.what()) << "\n";
        }
    }
    io.out.flush();
    if (bad) {
        io.err << "rumorwatch: " << bad << " of " << number << " input line(s) were bad\n";
        return 2;
    }
    return 0;
}

} // namespace

void add_classify_command(CLI::App& app, Action& action, Io& io) {
    auto args = std::make_shared<ClassifyArgs>();
    CLI::App* cmd = app.add_subcommand(
        "classify",
        "Judge texts read as JSON lines on standard input.\n"
        "Input, one object per line: {\"id\", \"text\"} or {\"id\", \"headline\", \"body\"}, optionally \"claim\".\n"
        "Output, one line per input: {\"id\", \"status\", \"confidence\", \"evidence\", \"cue\", \"attribution\"}.\n"
        "A malformed line is reported on standard error and skipped; the exit code is then 2.");
    auto* topic = cmd->add_option("--topic", args->topic,
                                  "Topic file (default: the shipped apple-alibaba topic)");
    auto* generic = cmd->add_flag("--generic", args->generic,
                                  "No topic: judge the stance of each text toward its main claim (or its \"claim\")");
    auto* features = cmd->add_flag("--features", args->features,
                                   "Add \"features\": what the learned status model reads of each text (for make train)");
    features->excludes(generic);
    topic->excludes(generic);
    generic->excludes(topic);
    cmd->callback([&action, &io, args] { action = [&io, args] { return run_classify(*args, io); }; });
}

} // namespace rumorwatch
