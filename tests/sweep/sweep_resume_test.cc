// Tests for cli/sweep_resume.h: an interrupted CSV loses only its partial
// last line, in the file itself.
#include "cli/sweep_resume.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/cli/command.h"
#include "tests/sweep/sweep_test_util.h"

namespace choreo::cli {
namespace {

using testing::scratch_dir;
using testing::slurp;

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(ReadSweepCsv, AbsentFileReadsAsEmpty) {
  auto csv = read_sweep_csv(scratch_dir("absent") + "none.csv");
  ASSERT_TRUE(csv);
  EXPECT_FALSE(csv->has_header);
  EXPECT_TRUE(csv->rows.empty());
}

TEST(ReadSweepCsv, DropsThePartialLastLineFromTheFile) {
  const std::string path = scratch_dir("partial") + "s.csv";
  write_file(path, "k,seed\n1,1\n1,2\n1,");
  auto csv = read_sweep_csv(path);
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->header, (std::vector<std::string>{"k", "seed"}));
  ASSERT_EQ(csv->rows.size(), 2u);
  EXPECT_EQ(csv->rows[1], (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(csv->dropped_bytes, 2u);
  EXPECT_EQ(slurp(path), "k,seed\n1,1\n1,2\n");
}

TEST(ReadSweepCsv, PartialHeaderLeavesAnEmptyFile) {
  const std::string path = scratch_dir("header") + "s.csv";
  write_file(path, "k,se");
  auto csv = read_sweep_csv(path);
  ASSERT_TRUE(csv);
  EXPECT_FALSE(csv->has_header);
  EXPECT_EQ(slurp(path), "");
}

}  // namespace
}  // namespace choreo::cli
