/// \file
/// Bad input to the CLI, table-driven: broken configs, topic files, dates, queries and
/// options. Each must exit 2 (bad usage or input, not a failure of ours) with a message
/// that names what the user has to fix: the file and line or field, or the argument.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/index.h"
#include "query/cli/cli.h"
#include "tests/support/cli_run.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;

namespace {

using rumorwatch::test::CliRun;

CliRun run(const std::vector<std::string>& args) { return rumorwatch::test::run_cli_captured(args); }

/// A case: the file content to write (if any), the arguments ({file} and {db} are
/// replaced), and every piece the error message must contain ({file} replaced too).
struct BadInput {
    const char* what;
    std::string file_content;
    std::vector<std::string> args;
    std::vector<std::string> message_parts;
};

const char* kGoodOutlet = R"({"id": "wire", "home": "http://wire.example/", "feeds": ["http://wire.example/rss"], "language": "en")";

std::string outlets_with(const std::string& extra_fields) {
    return std::string("{\"outlets\": [") + kGoodOutlet + extra_fields + "}]}\n";
}

std::string substitute(std::string s, const std::string& file, const std::string& db) {
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"{file}", file}, {"{db}", db}}) {
        for (auto at = s.find(key); at != std::string::npos; at = s.find(key, at + value.size()))
            s.replace(at, key.size(), value);
    }
    return s;
}

void check_cases(const std::vector<BadInput>& cases) {
    test::TempDir dir;
    const std::string db = dir.file("db");
    {
        IndexWriter writer(db); // a real, empty database: only the input is wrong
        writer.commit();
    }
    for (const auto& c : cases) {
        const std::string file = dir.write("input.json", c.file_content);
        std::vector<std::string> args;
        for (const auto& a : c.args) args.push_back(substitute(a, file, db));
        const auto r = run(args);
        INFO("case: " << c.what);
        INFO("stderr: " << r.err);
        CHECK(r.code == 2);
        for (const auto& part : c.message_parts) CHECK_THAT(r.err, Catch::Contains(substitute(part, file, db)));
        // One clear line, not a stack of internals.
        CHECK_THAT(r.err, Catch::StartsWith("rumorwatch: error: "));
    }
}

} // namespace

TEST_CASE("bad input: broken outlets configs name the file and the line or field", "[query][bad-input]") {
    check_cases({
        {"JSON syntax error", "{\n  \"outlets\": [\n    {\"id\": \"x\",,}\n  ]\n}\n",
         {"crawl", "--config", "{file}", "--db", "{db}"}, {"{file}:3:"}},
        {"truncated file", "{\"outlets\": [", {"crawl", "--config", "{file}", "--db", "{db}"}, {"{file}:1:"}},
        {"empty file", "", {"crawl", "--config", "{file}", "--db", "{db}"}, {"{file}"}},
        {"top level is not an object", "[1, 2]\n", {"crawl", "--config", "{file}", "--db", "{db}"},
         {"{file}", "object"}},
        {"unknown key", outlets_with(", \"max_pagez\": 5"), {"crawl", "--config", "{file}", "--db", "{db}"},
         {"{file}", "max_pagez"}},
        {"bad regex in allow", outlets_with(", \"allow\": [\"^http://wire\\\\.example/(\"]"),
         {"crawl", "--config", "{file}", "--db", "{db}"}, {"{file}", "\"allow\"", "^http://wire\\.example/("}},
        {"bad enum (tier)", outlets_with(", \"tier\": \"giant\""), {"crawl", "--config", "{file}", "--db", "{db}"},
         {"{file}", "\"tier\"", "giant"}},
        {"bad enum (date_order)", outlets_with(", \"date_order\": \"ydm\""),
         {"crawl", "--config", "{file}", "--db", "{db}"}, {"{file}", "\"date_order\"", "ydm"}},
        {"missing field (home)", "{\"outlets\": [{\"id\": \"wire\", \"language\": \"en\", \"feeds\": [\"http://wire.example/rss\"]}]}",
         {"crawl", "--config", "{file}", "--db", "{db}"}, {"{file}", "\"home\""}},
        {"wrong type", outlets_with(", \"max_pages\": \"many\""), {"crawl", "--config", "{file}", "--db", "{db}"},
         {"{file}", "\"max_pages\""}},
        {"out of range", outlets_with(", \"max_connections\": 100000"),
         {"crawl", "--config", "{file}", "--db", "{db}"}, {"{file}", "\"max_connections\""}},
        {"non-http home", "{\"outlets\": [{\"id\": \"wire\", \"home\": \"file:///etc/passwd\", \"feeds\": [\"http://wire.example/rss\"], \"language\": \"en\"}]}",
         {"crawl", "--config", "{file}", "--db", "{db}"}, {"{file}", "\"home\""}},
        {"config file missing", "", {"crawl", "--config", "/nonexistent/rw/outlets.json", "--db", "{db}"},
         {"/nonexistent/rw/outlets.json"}},
    });
}

TEST_CASE("bad input: broken topic files name the file and the problem", "[query][bad-input]") {
    check_cases({
        {"JSON syntax error", "{\n  \"id\": \"t\",\n  \"entities\": [\n", {"classify", "--topic", "{file}"},
         {"{file}:4:"}},
        {"not an object", "\"apple\"\n", {"classify", "--topic", "{file}"}, {"{file}"}},
        {"missing id", "{\"name\": \"x\", \"entities\": []}", {"classify", "--topic", "{file}"},
         {"{file}", "id"}},
        {"entities of the wrong type", "{\"id\": \"t\", \"name\": \"T\", \"entities\": \"apple\"}",
         {"classify", "--topic", "{file}"}, {"{file}", "entities"}},
        {"topic file missing", "", {"timeline", "--db", "{db}", "--topic", "/nonexistent/rw/topic.json"},
         {"/nonexistent/rw/topic.json"}},
    });
}

TEST_CASE("bad input: impossible dates name the option and the value", "[query][bad-input]") {
    check_cases({
        {"month 13", "", {"search", "--db", "{db}", "--since", "2025-13-01", "alibaba"}, {"--since", "2025-13-01"}},
        {"February 30", "", {"search", "--db", "{db}", "--until", "2025-02-30", "alibaba"}, {"--until", "2025-02-30"}},
        {"not a date", "", {"timeline", "--db", "{db}", "--since", "yesterday"}, {"--since", "yesterday"}},
        {"day 00", "", {"timeline", "--db", "{db}", "--until", "2025-01-00"}, {"--until", "2025-01-00"}},
        {"since after until", "", {"search", "--db", "{db}", "--since", "2025-03-01", "--until", "2025-02-01", "x"},
         {"--since", "--until"}},
    });
}

TEST_CASE("bad input: malformed queries say where they go wrong", "[query][bad-input]") {
    check_cases({
        {"dangling operator", "", {"search", "--db", "{db}", "alibaba AND"}, {"AND"}},
    });
}

// Regression (issue 9): Xapian's QueryParser accepts an unclosed quote or bracket silently,
// so `search` once answered with exit 0 instead of pointing at it.
TEST_CASE("bad input: unbalanced quotes and brackets in a query", "[query][bad-input]") {
    check_cases({
        {"unbalanced quote", "", {"search", "--db", "{db}", "\"alibaba apple"}, {"column"}},
        {"unbalanced bracket", "", {"search", "--db", "{db}", "(alibaba OR apple"}, {"column"}},
    });
}

TEST_CASE("bad input: unknown options, commands and values name the argument", "[query][bad-input]") {
    check_cases({
        {"unknown option", "", {"search", "--db", "{db}", "--frobnicate", "x"}, {"--frobnicate"}},
        {"bad --format", "", {"timeline", "--db", "{db}", "--format", "pdf"}, {"pdf"}},
        {"bad --sort", "", {"search", "--db", "{db}", "--sort", "sideways", "x"}, {"sideways"}},
        {"negative --limit", "", {"search", "--db", "{db}", "--limit", "-1", "x"}, {"--limit"}},
        {"bad --bucket", "", {"timeline", "--db", "{db}", "--bucket", "fortnight"}, {"fortnight"}},
        {"bad --every", outlets_with(""), {"crawl", "--config", "{file}", "--db", "{db}", "--every", "5x"},
         {"--every", "5x"}},
        {"bad --shard", outlets_with(""), {"crawl", "--config", "{file}", "--db", "{db}", "--shard", "3/2"},
         {"--shard"}},
        {"missing query", "", {"search", "--db", "{db}"}, {"query"}},
    });
}

// Regression (issue 9): CLI11 read an unknown command as a stray argument and said only
// "A subcommand is required".
TEST_CASE("bad input: an unknown command is named", "[query][bad-input]") {
    check_cases({{"unknown command", "", {"frobnicate"}, {"frobnicate", "search"}},
                 {"unknown command after a flag", "", {"-q", "serach", "x"}, {"serach"}}});
}

TEST_CASE("bad input: a database that does not exist is named, with what to do", "[query][bad-input]") {
    const auto r = run({"search", "--db", "/nonexistent/rw/db", "x"});
    CHECK(r.code != 0); // 1 today: the index treats it as a failure, not as bad input
    CHECK_THAT(r.err, Catch::Contains("/nonexistent/rw/db"));
    CHECK_THAT(r.err, Catch::Contains("crawl"));
}

TEST_CASE("bad input: numbers too large for the option still exit 2", "[query][bad-input]") {
    test::TempDir dir;
    const std::string config = dir.write("outlets.json", outlets_with(""));
    // std::stoll/stoi throw out_of_range on these: that must read as bad input, not a crash.
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"crawl", "--config", config, "--db", dir.file("db"), "--every",
                                   "99999999999999999999999s"},
          std::vector<std::string>{"crawl", "--config", config, "--db", dir.file("db"), "--shard",
                                   "1/99999999999999999999"}}) {
        const auto r = run(args);
        INFO("args: " << args[5] << " " << args[6] << "\nstderr: " << r.err);
        CHECK(r.code == 2);
        CHECK_THAT(r.err, Catch::Contains(args[5]));
    }
}

// Regression (issue 17, finding 14): an allow pattern holding ESC ] ... BEL reached the
// terminal raw in the error message and retitled it. Every message escapes controls.
TEST_CASE("bad input: control characters in configs, topics and arguments are escaped in messages",
          "[query][bad-input][hostile]") {
    test::TempDir dir;
    const std::string osc = "\\u001b]0;pwned\\u0007";
    const std::string outlets = dir.write("outlets.json", outlets_with(", \"allow\": [\"(" + osc + "\"]"));
    const std::string topic = dir.write("topic.json", "{\"id\": \"x" + osc + "\"}");
    const std::vector<std::vector<std::string>> runs{
        {"crawl", "--config", outlets, "--db", dir.file("db")},
        {"timeline", "--topic", topic, "--db", dir.file("db")},
        {"search", "--db", dir.file("db\x1b]0;pwned\x07"), "x"},
        {"no-such-command\x1b]0;pwned\x07"},
    };
    for (const auto& args : runs) {
        const auto r = run(args);
        INFO("args: " << args[0] << " stderr: " << r.err);
        CHECK(r.code != 0);
        CHECK_THAT(r.err, Catch::StartsWith("rumorwatch: error: "));
        CHECK(r.err.find('\x1b') == std::string::npos);
        CHECK(r.err.find('\x07') == std::string::npos);
    }
    CHECK_THAT(run(runs[0]).err, Catch::Contains("(\\x1B]0;pwned\\x07"));
}
