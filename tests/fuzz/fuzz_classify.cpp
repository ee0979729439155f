/// \file
/// libFuzzer target: classify_text on arbitrary text, with the shipped apple-alibaba
/// topic and in generic mode. Input: "headline\nbody".
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "parser/analysis/analyze.h"
#include "parser/analysis/topic.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

namespace {
const Topic& shipped_topic() {
    static const Topic topic = [] {
        std::ifstream in(RUMORWATCH_SOURCE_DIR "/seeds/topics/apple-alibaba.json");
        std::stringstream text;
        text << in.rdbuf();
        return parse_topic(text.str(), "apple-alibaba.json");
    }();
    return topic;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto [headline, body] = fuzz::split_first_line(fuzz::as_view(data, size));
    const auto with_topic = classify_text(headline, body, &shipped_topic());
    for (const auto& m : with_topic.mentions)
        fuzz::require(m.begin <= m.end, "mention span is reversed");
    (void)classify_text(headline, body, nullptr);
    return 0;
}
