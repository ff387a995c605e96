// The strategy table is the one list of strategies: the schema, `choreo
// keys` and README's table must say what it says.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "models/model.h"
#include "models/wattpad/counter_strategy.h"
#include "models/wattpad/mirror_strategy.h"
#include "models/wattpad/strategy.h"
#include "tests/cli/command.h"

namespace choreo::wattpad {
namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" `");
  const auto e = s.find_last_not_of(" `");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// README's strategy table as "kind | name | summary" rows.
std::vector<std::string> readme_rows() {
  std::ifstream in(std::string(CHOREO_SOURCE_DIR) + "/README.md");
  std::vector<std::string> rows;
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("| kind | strategy | how it applies events |", 0) == 0) {
      in_table = true;
      std::getline(in, line);  // the |---| line
      continue;
    }
    if (!in_table) continue;
    if (line.rfind("|", 0) != 0) break;
    std::vector<std::string> cells;
    std::stringstream cols(line.substr(1));
    for (std::string cell; std::getline(cols, cell, '|');) cells.push_back(trim(cell));
    rows.push_back(cells.at(0) + " | " + cells.at(1) + " | " + cells.at(2));
  }
  return rows;
}

TEST(StrategyTable, ReadmesTableIsTheTable) {
  std::vector<std::string> table;
  for (const Strategy& s : strategies()) {
    std::string row(kind_name(s.kind()));
    row.append(" | ").append(s.name).append(" | ").append(s.summary);
    table.push_back(row);
  }
  EXPECT_EQ(readme_rows(), table);
}

TEST(StrategyTable, TheSchemaAllowsExactlyTheTablesNames) {
  const auto schema = models::scenario_schema(*models::find_model_kind("comments"));
  const sim::KeySpec* spec = schema.find("replica.x.strategy");
  ASSERT_NE(spec, nullptr);
  std::vector<std::string> names;
  for (const Strategy& s : strategies()) names.emplace_back(s.name);
  EXPECT_EQ(spec->allowed, names);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size()) << "names are unique";
  std::string help = "mirror:";
  for (const ReplicaKind kind : {ReplicaKind::kMirror, ReplicaKind::kCounter}) {
    if (kind == ReplicaKind::kCounter) help += "; counter:";
    char sep = ' ';
    for (const Strategy& s : strategies()) {
      if (s.kind() != kind) continue;
      help.push_back(sep);
      help.append(s.name);
      sep = '|';
    }
  }
  EXPECT_EQ(spec->help, help);
  EXPECT_EQ(spec->help.rfind("mirror: overwrite|lww-version|lww-clock|mv-register; counter: naive|", 0), 0u);
}

TEST(StrategyTable, ChoreoKeysListsEveryStrategy) {
  const auto r = testing::choreo("keys --model comments");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string allowed;
  for (const Strategy& s : strategies()) {
    if (!allowed.empty()) allowed.push_back('|');
    allowed.append(s.name);
  }
  EXPECT_NE(r.out.find("replica.*.strategy"), std::string::npos);
  EXPECT_NE(r.out.find(" " + allowed + "\n"), std::string::npos) << allowed;
}

TEST(StrategyTable, EachRowMakesAStrategyOfItsKind) {
  for (const Strategy& s : strategies()) {
    if (s.kind() == ReplicaKind::kMirror) {
      EXPECT_NE(s.make_mirror(1), nullptr) << s.name;
    } else {
      EXPECT_NE(s.make_counter(), nullptr) << s.name;
    }
    EXPECT_EQ(find_strategy(s.name), &s);
  }
  EXPECT_EQ(find_strategy("pn_counter"), nullptr);
  EXPECT_EQ(strategy_list(ReplicaKind::kMirror), "overwrite, lww-version, lww-clock or mv-register");
}

}  // namespace
}  // namespace choreo::wattpad
