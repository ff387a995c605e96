// Reading an interrupted sweep's CSV; see sweep_resume.h.
#include "cli/sweep_resume.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/sweep_csv.h"
#include "sim/text.h"

namespace choreo::cli {

sim::Result<ExistingCsv> read_sweep_csv(const std::string& path) {
  ExistingCsv csv;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return csv;
  // A device or pipe (/dev/full, /dev/zero) cannot be resumed from or appended to.
  if (!std::filesystem::is_regular_file(path, ec)) {
    return sim::Error{
        fmt::format("--out {}: not a regular file (a sweep appends rows to a CSV file and resumes from it)",
                    sim::printable(path))};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return sim::Error{fmt::format("--out {}: cannot read the existing file", path)};
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const auto whole = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
  if (whole < text.size()) {
    std::filesystem::resize_file(path, whole, ec);
    if (ec)
      return sim::Error{fmt::format("--out {}: cannot drop its partial last line: {}", path, ec.message())};
    csv.dropped_bytes = text.size() - whole;
  }
  std::size_t start = 0;
  while (start < whole) {
    const auto end = text.find('\n', start);
    auto fields = split_csv_line(std::string_view(text).substr(start, end - start));
    if (!csv.has_header) {
      csv.header = std::move(fields);
      csv.has_header = true;
    } else {
      csv.rows.push_back(std::move(fields));
    }
    start = end + 1;
  }
  return csv;
}

}  // namespace choreo::cli
