// Output is durable data (cli/output_file.h): every write to summary.json,
// timeseries.csv, the trace, stdout and a sweep's CSV is checked; a failed or
// short write is one line and exit 4 (an unusable path the user gave: exit
// 2), and nothing reports success after losing data. Full disks are /dev/full
// and `ulimit -f` (writes past the limit fail with EFBIG; the shell ignores
// SIGXFSZ so the write returns an error instead of killing choreo).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/cli/command.h"

namespace choreo {
namespace {

using testing::choreo;
using testing::run_shell;

// About 50 events: one per process and simulated second.
const std::string kShort = "scenarios/phold.ini --set run.duration=5s --set phold.processes=10";

std::string fresh_dir(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "choreo_output_" + name;
  std::filesystem::remove_all(dir);
  return dir;
}

// Runs `args` with writes capped at 512 bytes.
testing::CommandResult with_small_file_limit(const std::string& args) {
  return run_shell("trap '' XFSZ; ulimit -f 1; " + std::string(CHOREO_BINARY) + " " + args);
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The trace holds message fates (a PHOLD run has none without --trace-engine).
TEST(Output, ATraceOnAFullDiskIsExitFourNotSilence) {
  const auto r =
      choreo("run scenarios/default.ini --set run.duration=1s --set run.settle=0 --trace /dev/full --out " +
             fresh_dir("trace"));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err, "--trace /dev/full: writing failed: No space left on device (the file is incomplete)\n");
  EXPECT_EQ(r.out.find("verdict:"), std::string::npos) << r.out;
}

TEST(Output, ASummaryThatCannotBeWrittenLeavesNoHalfFile) {
  const std::string dir = fresh_dir("summary");
  const auto r = with_small_file_limit("run scenarios/default.ini --set run.duration=1s --out " + dir);
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err, "--out " + dir + ": writing summary.json failed: File too large (nothing was written)\n");
  EXPECT_EQ(files_in(dir), std::vector<std::string>{});  // neither summary.json nor a temporary file
}

TEST(Output, ASummaryIsReplacedWholeAndNoTemporaryFileStays) {
  const std::string dir = fresh_dir("replace");
  ASSERT_LE(choreo("run " + kShort + " --out " + dir).exit_code, 1);
  ASSERT_LE(choreo("run " + kShort + " --seed 2 --out " + dir).exit_code, 1);
  EXPECT_EQ(files_in(dir), (std::vector<std::string>{"summary.json", "timeseries.csv"}));
  EXPECT_NE(testing::slurp(dir + "/summary.json").find("\"seed\": 2"), std::string::npos);
}

TEST(Output, AnOutDirThatIsAFileIsExitTwo) {
  const auto r = choreo("run " + kShort + " --out /dev/full");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "--out /dev/full: cannot create directory: Not a directory\n");
}

TEST(Output, JsonOnAFullStdoutIsExitFour) {
  const auto r = choreo("run " + kShort + " --json --out " + fresh_dir("stdout") + " >/dev/full");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.err,
            "choreo: writing to standard output failed (disk full or closed); the output is incomplete\n");
}

TEST(Output, ASweepToADeviceIsRefusedBeforeAnyRun) {
  const auto r = choreo("sweep " + kShort + " --seeds 1..2 --out /dev/full");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "--out /dev/full: not a regular file (a sweep appends rows to a CSV file and resumes from it)\n");
}

TEST(Output, ASweepWhoseCsvWriteFailsIsExitFour) {
  const std::string csv = fresh_dir("sweep") + ".csv";
  std::filesystem::remove(csv);
  const auto r = with_small_file_limit("sweep " + kShort + " --seeds 1..20 -j 1 --out " + csv);
  EXPECT_EQ(r.exit_code, 4);
  const std::string last = r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1);
  EXPECT_EQ(last, "--out " + csv + ": write failed: File too large (the CSV ends before this row)\n")
      << r.err;
  EXPECT_EQ(r.out.find("wrote "), std::string::npos) << r.out;
}

// sweep-merge writes the merged CSV whole (temporary file, fsync, rename):
// a write that fails is exit 4, one line, and leaves neither the merged CSV
// nor a temporary file.
TEST(Output, AMergedCsvThatCannotBeWrittenIsExitFour) {
  const std::string dir = fresh_dir("merge");
  std::filesystem::create_directories(dir);
  std::string parts;
  for (const char* shard : {"1", "2"}) {
    const std::string part = dir + "/part-" + shard + ".csv";
    ASSERT_LE(
        choreo("sweep " + kShort + " --seeds 1..20 -j 1 --shard " + shard + "/2 --out " + part).exit_code, 1);
    parts += " " + part;
  }
  const auto r = with_small_file_limit("sweep-merge" + parts + " --out " + dir + "/merged.csv");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_EQ(r.err, "--out " + dir + ": writing merged.csv failed: File too large (nothing was written)\n");
  EXPECT_EQ(files_in(dir), (std::vector<std::string>{"part-1.csv", "part-2.csv"}));
}

}  // namespace
}  // namespace choreo
