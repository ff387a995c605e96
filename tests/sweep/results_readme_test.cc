// results/README.md against the CSVs it describes: the strategy x broker
// table must give the converged counts of strategy-matrix.cells.csv, and the
// PHOLD table the means and ranges of phold.csv. Issue 14 found sentences
// contradicting their CSVs; whoever regenerates results/ (issue 11 will)
// must update the text with them, or this fails.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "tests/cli/command.h"

namespace choreo {
namespace {

using testing::slurp;

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == sep) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Rows of a CSV as column -> value maps.
std::vector<std::map<std::string, std::string>> read_csv(const std::string& path) {
  const auto all = lines(slurp(path));
  std::vector<std::map<std::string, std::string>> rows;
  if (all.empty()) return rows;
  const auto header = split(all[0], ',');
  for (std::size_t i = 1; i < all.size(); ++i) {
    const auto fields = split(all[i], ',');
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < header.size() && c < fields.size(); ++c) row[header[c]] = fields[c];
    rows.push_back(row);
  }
  return rows;
}

std::string number_of(std::string cell) {
  std::string digits;
  for (char c : cell) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  return digits;
}

// Every `counts-…` or `mirror-…` name quoted in backticks in a table cell.
std::vector<std::string> replica_names(const std::string& cell) {
  std::vector<std::string> names;
  for (std::size_t open = cell.find('`'); open != std::string::npos;) {
    const std::size_t close = cell.find('`', open + 1);
    if (close == std::string::npos) break;
    const std::string name = cell.substr(open + 1, close - open - 1);
    if (name.starts_with("counts-") || name.starts_with("mirror-")) names.push_back(name);
    open = cell.find('`', close + 1);
  }
  return names;
}

// " 40 ms ": a delay cell of the PHOLD table.
bool is_delay_cell(const std::string& cell) {
  const std::string digits = number_of(cell);
  return !digits.empty() && cell == " " + digits + " ms ";
}

const std::string kResults = std::string(CHOREO_SOURCE_DIR) + "/results/";

TEST(ResultsReadme, StrategyTableMatchesTheCellsCsv) {
  std::map<std::pair<std::string, std::string>, std::string> converged;  // (broker, replica) -> runs
  for (const auto& r : read_csv(kResults + "strategy-matrix.cells.csv"))
    converged[{r.at("broker.kind"), r.at("replica")}] = r.at("converged");
  ASSERT_FALSE(converged.empty());
  const char* const brokers[] = {"nats", "sqs", "sqs-fifo", "kafka"};
  std::size_t checked = 0;
  for (const auto& line : lines(slurp(kResults + "README.md"))) {
    if (!line.starts_with("| `counts-") && !line.starts_with("| `mirror-")) continue;
    const auto cells = split(line, '|');  // "", replicas, nats, sqs, fifo, kafka, error, ""
    ASSERT_GE(cells.size(), 7u) << line;
    for (const std::string& replica : replica_names(cells[1])) {
      for (int b = 0; b < 4; ++b) {
        const auto key = std::make_pair(std::string(brokers[b]), replica);
        ASSERT_TRUE(converged.contains(key)) << key.second << " is not in strategy-matrix.cells.csv";
        EXPECT_EQ(number_of(cells[2 + b]), converged[key])
            << key.second << " on " << key.first << ": " << line;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, converged.size()) << "the table must list every replica on every broker";
}

TEST(ResultsReadme, PholdTableMatchesPholdCsv) {
  std::map<std::string, std::vector<double>> events;
  for (const auto& r : read_csv(kResults + "phold.csv"))
    events[r.at("phold.mean_delay")].push_back(std::stod(r.at("events_processed")));
  std::size_t checked = 0;
  for (const auto& line : lines(slurp(kResults + "README.md"))) {
    const auto cells = split(line, '|');  // "", delay, closed form, mean, min .. max, ""
    if (cells.size() != 6 || !is_delay_cell(cells[1])) continue;
    const std::string delay = number_of(cells[1]) + "ms";
    ASSERT_TRUE(events.contains(delay)) << line;
    const auto& e = events[delay];
    double mean = 0;
    for (double x : e) mean += x / static_cast<double>(e.size());
    EXPECT_EQ(number_of(cells[3]), std::to_string(std::llround(mean))) << line;
    const auto range = cells[4].find("..");
    EXPECT_EQ(number_of(cells[4].substr(0, range)),
              std::to_string(static_cast<long long>(*std::min_element(e.begin(), e.end()))))
        << line;
    EXPECT_EQ(number_of(cells[4].substr(range)),
              std::to_string(static_cast<long long>(*std::max_element(e.begin(), e.end()))))
        << line;
    ++checked;
  }
  EXPECT_EQ(checked, events.size());
}

}  // namespace
}  // namespace choreo
