/// \file
/// Pictures people can read: the HTML timeline rendered by headless Chromium. Chinese text
/// must be drawn with a CJK font (make deps installs fonts-noto-cjk): a render with Noto CJK
/// hidden from fontconfig must differ where the Chinese glyphs are. And a full-page PNG of a
/// story with many transitions must hold all of them, the page's end included.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/core/core.h"
#include "query/timeline/export/export.h"
#include "tests/support/run_command.h"
#include "tests/support/temp_dir.h"

using namespace rumorwatch;
using test::run_command;
using test::shell_quote;

namespace {

TimelineEntry entry(const std::string& when, const std::string& outlet, RumorStatus status, const std::string& title) {
    TimelineEntry e;
    e.when = *parse_iso8601(when);
    e.outlet_id = outlet;
    e.outlet_name = outlet;
    e.tier = OutletTier::wire;
    e.status = status;
    e.title = title;
    e.url = "http://" + outlet + ".example/" + when.substr(0, 10) + "/story";
    e.evidence = "Evidence sentence for " + title;
    e.date_source = "published (json-ld)";
    e.date_reliable = true;
    return e;
}

std::string html_of(const Timeline& tl, const std::string& topic_name) {
    ExportContext c;
    c.topic_name = topic_name;
    c.generated = *parse_iso8601("2025-04-01T00:00:00Z");
    std::ostringstream out;
    write_timeline_html(tl, c, out);
    return out.str();
}

std::string script(const std::string& name) { return shell_quote((test::source_dir() / "tests/support" / name).string()); }

nlohmann::json render(const std::string& html, const std::string& png, const std::string& size, const std::string& env,
                      bool full_page) {
    const auto r = run_command(env + " python3 " + script("chromium_check.py") + " " + shell_quote(html) +
                               " --screenshot " + shell_quote(png) + " --size " + size +
                               (full_page ? " --full-page" : ""));
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    const auto result = nlohmann::json::parse(r.out);
    REQUIRE(result["screenshot"].is_string());
    return result;
}

nlohmann::json png_tool(const std::string& args) {
    const auto r = run_command("python3 " + script("png_tool.py") + " " + args);
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
}

} // namespace

TEST_CASE("timeline chart: Chinese text is drawn with a CJK font, not as empty boxes", "[query][chromium]") {
    test::TempDir dir;
    std::vector<TimelineEntry> entries = {
        entry("2025-01-10T09:00:00Z", "wire", RumorStatus::reported, "阿里巴巴与苹果洽谈合作"),
        entry("2025-02-13T10:00:00Z", "paper", RumorStatus::partially_confirmed, "蔡崇信证实合作")};
    TimelineOptions options;
    options.topic_id = "cjk";
    const std::string html = dir.write("cjk.html", html_of(build_timeline(entries, {}, options), "阿里巴巴通义千问合作"));
    // Noto CJK hidden: fontconfig rejects every CJK font file, so Chromium falls back to boxes.
    const std::string conf = dir.write(
        "fonts.conf", "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
                      "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
                      "  <selectfont><rejectfont><glob>*CJK*</glob></rejectfont></selectfont>\n</fontconfig>\n");
    render(html, dir.file("with.png"), "1100,400", "", false);
    render(html, dir.file("without.png"), "1100,400", "FONTCONFIG_FILE=" + shell_quote(conf), false);
    // The top of the page is the h1, the topic name in Chinese: where the glyphs are.
    const auto d = png_tool("diff " + shell_quote(dir.file("with.png")) + " " + shell_quote(dir.file("without.png")) +
                            " 0 0 1100 120");
    INFO(d.dump());
    CHECK(d["compared"] == 1100 * 120);
    CHECK(d["differing_pixels"].get<int>() > 200);
}

TEST_CASE("timeline chart: a full-page PNG holds every transition", "[query][chromium]") {
    test::TempDir dir;
    std::vector<TimelineEntry> entries;
    // Sixteen transitions: the story flips between reported and denied every week.
    for (int i = 0; i < 16; ++i) {
        char day[32];
        std::snprintf(day, sizeof day, "2025-%02d-%02dT09:00:00Z", 1 + i / 4, 1 + (i % 4) * 7);
        entries.push_back(entry(day, "outlet" + std::to_string(i), i % 2 ? RumorStatus::denied : RumorStatus::reported,
                                "Step " + std::to_string(i + 1)));
    }
    TimelineOptions options;
    options.topic_id = "many";
    options.bucket = Bucket::week;
    const Timeline tl = build_timeline(entries, {}, options);
    REQUIRE(tl.transitions.size() == 16);
    const std::string html = dir.write("many.html", html_of(tl, "Many steps"));
    const auto result = render(html, dir.file("many.png"), "1200,900", "", true);
    REQUIRE(result["page_height"].is_number());
    const auto content = png_tool("content " + shell_quote(dir.file("many.png")));
    INFO(content.dump());
    // Taller than the window the demo used to shoot, as tall as the page, and the page's
    // end (the footer's bottom margin) is inside the picture: nothing was cut off.
    CHECK(content["height"].get<int>() > 900);
    CHECK(content["height"] == result["page_height"]);
    CHECK(content["last_content_row"].get<int>() < content["height"].get<int>() - 8);
    CHECK(content["last_content_row"].get<int>() > 900);
}
