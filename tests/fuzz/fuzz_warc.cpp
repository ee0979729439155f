/// \file
/// libFuzzer target: WARC reading (crawler/warc_reader.h), the way `import-warc` and
/// `reindex` read files made elsewhere. Each input is written to a file and read record by
/// record, each response block split into its HTTP message. Data that is not WARC must come
/// out as InputError; damage is skipped and named; nothing over the record cap is held.
/// Input: the file's bytes (gzip members or plain WARC).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "crawler/warc_reader.h"
#include "parser/core/errors.h"
#include "tests/fuzz/fuzz_support.h"

using namespace rumorwatch;

namespace {

/// Small, so that the fuzzer reaches the over-the-cap path with small inputs.
constexpr std::size_t kRecordCap = 64u << 10;

/// Removed at exit; plain storage, as in fuzz_search.cpp (the handler outlives any string).
char cleanup_dir[4096];

/// The file each input is written to: "input.warc.gz" in a directory made once.
const std::string& input_path() {
    static const std::string path = [] {
        std::string dir = (std::filesystem::temp_directory_path() / "rw-fuzz-warc-XXXXXX").string();
        if (dir.size() >= sizeof cleanup_dir || mkdtemp(dir.data()) == nullptr) std::abort();
        std::snprintf(cleanup_dir, sizeof cleanup_dir, "%s", dir.c_str());
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(cleanup_dir, ignored);
        });
        return dir + "/input.warc.gz";
    }();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(input_path(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        if (!out) std::abort();
    }
    try {
        WarcReader reader(input_path(), kRecordCap);
        while (const auto record = reader.next()) {
            fuzz::require(record->block.size() <= kRecordCap, "a record over the cap was returned");
            fuzz::require(record->version.rfind("WARC/", 0) == 0, "a record without a WARC/ version line");
            (void)record->type();
            if (const auto http = parse_http_response(record->block, kRecordCap)) (void)http->status;
        }
        for (const auto& line : reader.damage())
            fuzz::require(line.rfind(input_path(), 0) == 0, "a damage message without the file's name");
        for (const auto& line : reader.oversized())
            fuzz::require(line.rfind(input_path(), 0) == 0, "an oversized message without the file's name");
    } catch (const InputError&) {
        // Not WARC: the expected way to say so.
    }
    return 0;
}
