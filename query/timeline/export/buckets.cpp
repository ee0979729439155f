/// \file
/// Gapless buckets for the tables: quiet periods are rows of zeros, not missing rows.
#include "query/timeline/export/export.h"

namespace rumorwatch {

std::vector<BucketRow> all_buckets(const Timeline& tl) {
    std::vector<BucketRow> out;
    for (const BucketRow& row : tl.buckets) {
        // Fill from the end of the previous bucket; at most a few thousand rows (days over years).
        while (!out.empty() && out.back().end < row.start) {
            BucketRow empty;
            empty.start = out.back().end;
            empty.end = bucket_end_of(empty.start, tl.bucket);
            empty.state = out.back().state;
            empty.outlets_so_far = out.back().outlets_so_far;
            out.push_back(empty);
        }
        out.push_back(row);
    }
    return out;
}

} // namespace rumorwatch
