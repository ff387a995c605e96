// Reading a recorded run; see recorded_run.h.
#include "cli/recorded_run.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/text.h"
#include "sim/trace.h"

namespace choreo::cli {

namespace {

sim::Error cannot_read(const std::string& path, const std::string& hint) {
  return sim::Error{
      fmt::format("choreo explain: {}: cannot read: {}{}", sim::printable(path), std::strerror(errno), hint)};
}

// One trace line into `log`; false if it is not one.
bool record_line(const std::string& text, FateLog& log) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("t_us") || !j.at("t_us").is_number_integer() || !j.contains("node") ||
      !j.at("node").is_string() || !j.contains("kind") || !j.at("kind").is_string()) {
    return false;
  }
  const auto& node = j.at("node").get_ref<const std::string&>();
  const auto& kind = j.at("kind").get_ref<const std::string&>();
  sim::TraceLine line(j.at("t_us").get<sim::Time>(), node, kind);
  std::size_t fields = 0;
  for (const auto& [name, value] : j.items()) {
    if (name == "t_us" || name == "node" || name == "kind") continue;
    if (++fields > sim::TraceLine::kMaxFields) return false;
    if (value.is_number_integer()) {
      line.add(name, value.get<std::int64_t>());
    } else if (value.is_string()) {
      line.add_text(name, value.get_ref<const std::string&>());
    } else {
      return false;
    }
  }
  log.record(line);
  return true;
}

}  // namespace

sim::Result<RecordedRun> read_recorded_run(const std::string& dir, const std::string& trace, FateLog& log) {
  RecordedRun run;
  const std::string base = !dir.empty() ? dir : std::filesystem::path(trace).parent_path().string();
  run.summary_path = (base.empty() ? std::string(".") : base) + "/summary.json";
  run.trace_path = !trace.empty() ? trace : dir + "/trace.jsonl";
  std::ifstream summary(run.summary_path);
  if (!summary) {
    return cannot_read(run.summary_path, " (choreo run --out DIR writes DIR/summary.json)");
  }
  run.summary = nlohmann::json::parse(summary, nullptr, false);
  if (!run.summary.is_object() || !run.summary.contains("replicas") || !run.summary.contains("config")) {
    return sim::Error{fmt::format("choreo explain: {}: not a choreo summary.json (no replicas or config)",
                                  sim::printable(run.summary_path))};
  }
  std::ifstream in(run.trace_path);
  if (!in) {
    return cannot_read(run.trace_path, trace.empty() ? " (record one with choreo run --out DIR --trace "
                                                       "DIR/trace.jsonl, or name it with --trace FILE)"
                                                     : "");
  }
  std::string text;
  while (std::getline(in, text)) {
    ++run.lines;
    if (!record_line(text, log)) {
      return sim::Error{
          fmt::format("choreo explain: {}:{}: not a choreo trace line (JSON with t_us, node, kind "
                      "and at most {} number or text fields)",
                      sim::printable(run.trace_path), run.lines, sim::TraceLine::kMaxFields)};
    }
  }
  return run;
}

}  // namespace choreo::cli
