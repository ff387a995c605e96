// `choreo sweep-merge`; see sweep_merge_command.h.
#include "cli/sweep_merge_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/exit_codes.h"
#include "cli/options.h"
#include "cli/run_one.h"
#include "cli/scenario.h"
#include "cli/swarm_draw.h"
#include "cli/swarm_report.h"
#include "cli/sweep_merge.h"
#include "cli/sweep_report.h"
#include "cli/sweep_row.h"
#include "cli/sweep_tally.h"

namespace po = boost::program_options;

namespace choreo::cli {

namespace {

struct MergeArgs {
  std::vector<std::string> parts;
  std::string out;
  bool help = false;
};

void print_merge_help(const po::options_description& d, std::ostream& out) {
  out << "Usage: choreo sweep-merge PART.csv... --out FILE.csv\n\n"
         "Merges the CSVs of one sweep's shards (choreo sweep ... --shard I/N) into the\n"
         "CSV the whole sweep writes on one machine, byte for byte, and FILE.cells.csv\n"
         "beside it; prints the sweep's tables. Refuses parts of different sweep\n"
         "commands, and runs that are missing or in two parts.\n\n"
      << d
      << "\nExit status: 0 every run's expectations hold, 1 some do not, 2 bad input,\n"
         "3 internal error.\n\n"
         "Example:\n"
         "  choreo sweep-merge out/part-1.csv out/part-2.csv out/part-3.csv --out out/whole.csv\n";
}

sim::Result<std::vector<MergePart>> read_parts(const std::vector<std::string>& paths) {
  std::vector<MergePart> parts;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return sim::Error{fmt::format("sweep-merge: {}: no such file", path)};
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) return sim::Error{fmt::format("sweep-merge: {}: cannot read it", path)};
    parts.push_back({path, bytes.str()});
  }
  return parts;
}

// Writes `text` to a temporary beside `path` and renames it over `path`
// (cli/output_file.h: every write checked, fsynced before the rename).
OutputStatus write_whole(const std::string& path, const std::string& text) {
  std::error_code ec;
  const auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  return write_path_atomically(path, text, "--out");
}

// A swarm row's drawn values, from its swarm.* columns (none for a plain sweep).
SwarmDraw drawn(const MergedSweep& merged, std::size_t run) {
  SwarmDraw d;
  for (std::size_t c = 0; c < merged.header.size(); ++c) {
    if (merged.header[c].starts_with("swarm."))
      d.emplace_back(merged.header[c].substr(6), merged.rows[run][c]);
  }
  return d;
}

// The replay command of a merged row: its scenario's file name, seed, the
// row's --set overrides, its cell's varied values and its drawn values.
std::string replay(const MergedSweep& merged, std::size_t run) {
  const auto& row = merged.rows[run];
  const auto column = [&](const char* name) {
    const auto it = std::find(merged.header.begin(), merged.header.end(), name);
    return row[static_cast<std::size_t>(it - merged.header.begin())];
  };
  Scenario s;
  s.path = column("scenario") + ".ini";
  s.seed = merged.grid.seed_of(run);
  const std::string sets = column("overrides");
  for (std::size_t start = 0; start < sets.size();) {
    const auto end = std::min(sets.find(';', start), sets.size());
    s.overrides.push_back(sets.substr(start, end - start));
    start = end + 1;
  }
  for (auto& o : merged.grid.cell_overrides(merged.grid.cell_of(run))) s.overrides.push_back(std::move(o));
  for (auto& o : swarm_overrides(drawn(merged, run))) s.overrides.push_back(std::move(o));
  return replay_command(s);
}

int merge(const MergeArgs& a, std::ostream& out, std::ostream& err) {
  auto parts = read_parts(a.parts);
  if (!parts) {
    err << parts.error().message << "\n";
    return kExitBadInput;
  }
  auto merged = merge_sweep_parts(*parts);
  if (!merged) {
    err << merged.error().message << "\n";
    return kExitBadInput;
  }
  const bool wall_time =
      std::find(merged->header.begin(), merged->header.end(), "wall_time_s") != merged->header.end();
  auto schema = schema_from_header(merged->grid, wall_time, merged->header);
  if (!schema) {
    err << fmt::format("sweep-merge: {}: {}", a.parts.front(), schema.error().message) << "\n";
    return kExitBadInput;
  }
  std::vector<RunVerdict> verdicts;
  ReplicaTally tally(merged->grid.cell_count());
  for (std::size_t run = 0; run < merged->rows.size(); ++run) {
    const auto& row = merged->rows[run];
    verdicts.push_back({row[schema->holds_column()] == "1", row[schema->converged_column()] == "1"});
    tally.add_csv_row(merged->grid.cell_of(run), schema->replicas, merged->header, row);
  }
  for (const auto& failed : {write_whole(a.out, merged->text), write_cells_csv(a.out, merged->grid, tally)}) {
    if (failed) {
      err << failed->message << "\n";
      return failed->exit_code;
    }
  }
  print_sweep_report(
      merged->grid, verdicts, tally, [&](std::size_t run) { return replay(*merged, run); }, out);
  if (!schema->swarm_keys.empty()) {
    std::vector<SwarmRun> runs;
    for (std::size_t run = 0; run < merged->rows.size(); ++run)
      runs.push_back({verdicts[run].holds, drawn(*merged, run)});
    print_swarm_families(runs, out);
  }
  out << fmt::format("wrote {} ({} rows from {} parts){}\n", a.out, merged->rows.size(), parts->size(),
                     tally.replicas().empty() ? "" : " and " + cells_csv_path(a.out));
  const bool all_hold = std::all_of(verdicts.begin(), verdicts.end(), [](auto& v) { return v.holds; });
  return all_hold ? kExitHolds : kExitViolated;
}

}  // namespace

int sweep_merge_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  MergeArgs a;
  po::options_description visible("Options");
  visible.add_options()("out", po::value(&a.out)->value_name("FILE.csv"),
                        "the merged CSV (required; replaced whole)")("help,h", po::bool_switch(&a.help),
                                                                     "show this help");
  po::options_description all;
  all.add(visible).add_options()("part", po::value(&a.parts)->composing());
  po::positional_options_description positional;
  positional.add("part", -1);
  if (auto parsed = parse_args(args, all, positional, "choreo sweep-merge"); !parsed) {
    err << parsed.error().message << "\n";
    return kExitBadInput;
  }
  if (a.help) {
    print_merge_help(visible, out);
    return kExitHolds;
  }
  if (a.parts.empty()) {
    err << "choreo sweep-merge: missing PART.csv (see choreo sweep-merge --help)\n";
    return kExitBadInput;
  }
  if (a.out.empty()) {
    err << "choreo sweep-merge: missing --out FILE.csv (see choreo sweep-merge --help)\n";
    return kExitBadInput;
  }
  return merge(a, out, err);
}

}  // namespace choreo::cli
