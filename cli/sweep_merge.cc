// Merging shard CSVs; see sweep_merge.h.
#include "cli/sweep_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "cli/sweep_csv.h"
#include "cli/sweep_fingerprint.h"
#include "cli/sweep_merge_grid.h"

namespace choreo::cli {

namespace {

// One complete data line of a part.
struct Line {
  std::size_t part = 0;
  std::size_t number = 0;  // 1-based line number in its file
  std::string text;        // with its '\n'
  std::vector<std::string> fields;
};

struct Parsed {
  std::vector<std::string> header_texts;  // per part, with its '\n'
  std::vector<std::string> header;        // the first part's fields
  std::size_t seed_column = 0;
  std::vector<std::vector<Line>> lines;  // per part, in file order
};

sim::Error refuse(const std::string& what) { return sim::Error{"sweep-merge: " + what}; }

// One part's header and lines; each line has as many fields as its header.
sim::Status read_part(const MergePart& part, std::size_t index, Parsed& parsed) {
  if (part.text.empty()) return refuse(fmt::format("{}: empty (did that shard run?)", part.path));
  if (part.text.back() != '\n') {
    return refuse(
        fmt::format("{}: its last line is cut short (a shard still running or killed): run its command again "
                    "to finish it",
                    part.path));
  }
  const auto header_end = part.text.find('\n') + 1;
  const std::string& header = parsed.header_texts.emplace_back(part.text.substr(0, header_end));
  const auto fields = split_csv_line(std::string_view(header).substr(0, header.size() - 1));
  if (index == 0) {
    parsed.header = fields;
    const auto seed = std::find(fields.begin(), fields.end(), "seed");
    if (seed == fields.end() || fields.back() != "fingerprint") {
      return refuse(fmt::format("{}: not a choreo sweep CSV (no seed or fingerprint column)", part.path));
    }
    parsed.seed_column = static_cast<std::size_t>(seed - fields.begin());
  }
  auto& lines = parsed.lines.emplace_back();
  for (std::size_t start = header_end, number = 2; start < part.text.size(); ++number) {
    const auto end = part.text.find('\n', start) + 1;
    Line line{index, number, part.text.substr(start, end - start), {}};
    line.fields = split_csv_line(std::string_view(line.text).substr(0, line.text.size() - 1));
    if (line.fields.size() != fields.size()) {
      return refuse(fmt::format("{} line {}: {} fields, its header has {}", part.path, number,
                                line.fields.size(), fields.size()));
    }
    lines.push_back(std::move(line));
    start = end;
  }
  if (lines.empty()) return refuse(fmt::format("{}: no rows (did that shard run?)", part.path));
  return sim::Ok{};
}

// Same command, yet another header: replicas missing from a shard's first run.
sim::Status same_headers(const std::vector<MergePart>& parts, const Parsed& parsed) {
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parsed.header_texts[i] == parsed.header_texts[0]) continue;
    return refuse(fmt::format(
        "{}: its header differs from {}'s (the shards' first runs reported other replicas or services); run "
        "this sweep on one machine",
        parts[i].path, parts[0].path));
  }
  return sim::Ok{};
}

// Every row's fingerprint must be the first row's: one sweep command.
sim::Result<SweepFingerprint> common_fingerprint(const std::vector<MergePart>& parts, const Parsed& parsed) {
  const auto& first = parsed.lines[0][0];
  const auto reference = SweepFingerprint::parse(first.fields.back());
  if (!reference) return refuse(fmt::format("{} line 2: no readable fingerprint", parts[0].path));
  for (const auto& lines : parsed.lines) {
    for (const auto& line : lines) {
      if (line.fields.back() == first.fields.back()) continue;
      const auto theirs = SweepFingerprint::parse(line.fields.back());
      return refuse(
          fmt::format("{} line {} is from another sweep command than {} line 2 ({}); merge the "
                      "shards of one sweep",
                      parts[line.part].path, line.number, parts[0].path,
                      theirs ? describe_difference(*theirs, *reference) : "no readable fingerprint"));
    }
  }
  return *reference;
}

// "broker.loss=1%, seed 7" for messages.
std::string describe_run(const std::vector<std::string>& keys, const RunKey& run) {
  std::string text;
  for (std::size_t k = 0; k < keys.size(); ++k) text += fmt::format("{}={}, ", keys[k], run.values[k]);
  return text + fmt::format("seed {}", run.seed);
}

// The varied values and seed of every line; an error for a bad seed or a
// part whose rows of one cell are not in seed order.
sim::Result<std::vector<std::vector<RunKey>>> run_keys(const std::vector<MergePart>& parts,
                                                       const Parsed& parsed) {
  std::vector<std::vector<RunKey>> keys;
  for (const auto& lines : parsed.lines) {
    auto& part = keys.emplace_back();
    for (const auto& line : lines) {
      RunKey key{{line.fields.begin(), line.fields.begin() + static_cast<std::ptrdiff_t>(parsed.seed_column)},
                 0};
      const auto& seed = line.fields[parsed.seed_column];
      const auto [ptr, ec] = std::from_chars(seed.data(), seed.data() + seed.size(), key.seed);
      if (seed.empty() || ec != std::errc() || ptr != seed.data() + seed.size()) {
        return refuse(
            fmt::format("{} line {}: seed '{}' is not a number", parts[line.part].path, line.number, seed));
      }
      if (!part.empty() && part.back().values == key.values && part.back().seed >= key.seed) {
        return refuse(fmt::format("{} line {}: seed {} after seed {} of the same cell: not in grid order",
                                  parts[line.part].path, line.number, key.seed, part.back().seed));
      }
      part.push_back(std::move(key));
    }
  }
  return keys;
}

// The grid index of `key`. REQUIRES: its values and seed are in the grid.
std::size_t run_index(const Grid& grid, const RunKey& key) {
  std::size_t cell = 0;
  for (std::size_t k = 0; k < grid.varies.size(); ++k) {
    const auto& values = grid.varies[k].values;
    cell = cell * values.size() +
           static_cast<std::size_t>(std::find(values.begin(), values.end(), key.values[k]) - values.begin());
  }
  return cell * grid.seeds.count() + static_cast<std::size_t>(key.seed - grid.seeds.first);
}

}  // namespace

sim::Result<MergedSweep> merge_sweep_parts(const std::vector<MergePart>& parts) {
  Parsed parsed;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (auto read = read_part(parts[i], i, parsed); !read) return read.error();
  }
  auto fingerprint = common_fingerprint(parts, parsed);
  if (!fingerprint) return fingerprint.error();
  if (auto same = same_headers(parts, parsed); !same) return same.error();
  auto keys = run_keys(parts, parsed);
  if (!keys) return keys.error();
  const std::vector<std::string> vary_keys(
      parsed.header.begin(), parsed.header.begin() + static_cast<std::ptrdiff_t>(parsed.seed_column));
  auto grid = recover_grid(vary_keys, *keys, fingerprint->grid);
  if (!grid) return refuse(grid.error().message);

  std::vector<const Line*> slots(grid->run_count(), nullptr);
  for (std::size_t p = 0; p < parts.size(); ++p) {
    for (std::size_t i = 0; i < parsed.lines[p].size(); ++i) {
      const Line& line = parsed.lines[p][i];
      const Line*& slot = slots[run_index(*grid, (*keys)[p][i])];
      if (slot != nullptr) {
        return refuse(fmt::format("run ({}) is in both {} line {} and {} line {}: give each shard's CSV once",
                                  describe_run(vary_keys, (*keys)[p][i]), parts[slot->part].path,
                                  slot->number, parts[p].path, line.number));
      }
      slot = &line;
    }
  }
  const auto missing = static_cast<std::size_t>(std::count(slots.begin(), slots.end(), nullptr));
  if (missing > 0) {
    const auto first =
        static_cast<std::size_t>(std::find(slots.begin(), slots.end(), nullptr) - slots.begin());
    RunKey key{grid->cell_values(grid->cell_of(first)), grid->seed_of(first)};
    return refuse(fmt::format(
        "{} of the grid's {} runs are in no part (the first: {}); give every shard's CSV, each finished",
        missing, grid->run_count(), describe_run(vary_keys, key)));
  }
  MergedSweep merged{*grid, parsed.header, {}, parsed.header_texts[0]};
  for (const Line* line : slots) {
    merged.rows.push_back(line->fields);
    merged.text += line->text;
  }
  return merged;
}

}  // namespace choreo::cli
