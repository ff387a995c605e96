// CSV fields as the sweep writes and re-reads them (RFC 4180 quoting): a
// field is quoted only when it holds a comma, a quote or a line break.
//
// Not a general CSV reader: one line at a time, and a quoted field may not
// span lines (the sweep never writes one: rows are single lines).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace choreo::cli {

// `field`, quoted if needed.
std::string csv_field(std::string_view field);
// Fields joined by commas, each quoted if needed, ending in '\n'.
std::string csv_line(const std::vector<std::string>& fields);
// The fields of one line (without its '\n'), unquoted.
std::vector<std::string> split_csv_line(std::string_view line);

}  // namespace choreo::cli
