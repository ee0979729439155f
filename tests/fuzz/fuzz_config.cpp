/// \file
/// libFuzzer target: the outlets config (crawler/config.h). Bad input must come out as
/// rumorwatch::ConfigError/InputError, never as another exception or a crash.
#include "crawler/config.h"

#include <nlohmann/json.hpp>
#include "parser/core/errors.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::as_view(data, size);
    try {
        (void)parse_config(input, "fuzz.json");
    } catch (const Error&) {
        // Expected for bad input; anything else escapes and libFuzzer reports it.
    }
    if (size > 0) (void)line_and_column(input, data[0] % (size + 1));
    return 0;
}
