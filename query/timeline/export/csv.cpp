/// \file
/// Timeline -> CSV: one row per bucket and status.
#include "query/timeline/export/export.h"

#include <ostream>

#include "parser/core/core.h"

namespace rumorwatch {

void write_timeline_csv(const Timeline& tl, std::ostream& out) {
    out << "bucket_start,bucket_end,status,count,bucket_total,state_after,outlets_so_far\r\n";
    for (const BucketRow& row : all_buckets(tl)) {
        if (row.counts.empty()) { // a quiet bucket: one row of zeros, so no period goes missing
            out << format_day(row.start) << ',' << format_day(row.end) << ",,0,0," << csv_field(to_string(row.state))
                << ',' << row.outlets_so_far << "\r\n";
            continue;
        }
        for (const auto& [status, count] : row.counts) {
            out << format_day(row.start) << ',' << format_day(row.end) << ','
                << csv_field(to_string(status)) << ',' << count << ',' << row.total << ','
                << csv_field(to_string(row.state)) << ',' << row.outlets_so_far << "\r\n";
        }
    }
}

} // namespace rumorwatch
