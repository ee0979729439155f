/// \file
/// libFuzzer target: the topic file (parser/analysis/topic.h). A topic that loads must also be
/// usable: classify a fixed text with it.
#include "parser/analysis/analyze.h"

#include <nlohmann/json.hpp>
#include "parser/core/errors.h"
#include "parser/analysis/topic.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto topic = parse_topic(fuzz::as_view(data, size), "fuzz-topic.json");
        (void)classify_text("Alibaba to supply AI for iPhones in China, sources say",
                            "Apple has partnered with Alibaba, according to people familiar.", &topic);
    } catch (const Error&) {
        // A bad topic file is an InputError/ConfigError: expected.
    }
    return 0;
}
