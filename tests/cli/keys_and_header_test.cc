// What `choreo keys` lists and what the run header shows: a range for every
// key of every type, one model's keys with --model, only the options that
// differ from their defaults unless --verbose; and `cmake --install` putting a
// `choreo` on PATH that runs the replay command a run prints.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "tests/cli/command.h"

namespace choreo {
namespace {

using testing::choreo;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Issue 14: probabilities, distributions, booleans, text and unbounded
// durations and rates showed an empty range.
TEST(Keys, EveryKeyOfEveryModelShowsWhatItAccepts) {
  const auto r = choreo("keys");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t keys = 0;
  for (const auto& line : lines_of(r.out)) {
    const auto at = line.find(" default ");
    if (line.rfind("  ", 0) != 0 || at == std::string::npos) continue;
    ++keys;
    // "  key  type  default VALUE  RANGE": something after the default value.
    std::istringstream fields(line.substr(at + 9));
    std::string value, range;
    fields >> value >> range;
    EXPECT_FALSE(range.empty()) << line;
  }
  EXPECT_GT(keys, 80u);
  EXPECT_NE(
      r.out.find("broker.loss                          probability  default 0          0..1 or 0%..100%"),
      std::string::npos);
  EXPECT_NE(r.out.find("sqs.heartbeat                        bool         default false      true|false"),
            std::string::npos);
  EXPECT_NE(r.out.find("workload.clock_skew                  duration     default 0          0s.."),
            std::string::npos);
}

TEST(Keys, ModelFlagListsOnlyThatModel) {
  const auto r = choreo("keys --model phold");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("model phold: ")) << r.out;
  EXPECT_NE(r.out.find("phold.mean_delay"), std::string::npos);
  EXPECT_EQ(r.out.find("broker.kind"), std::string::npos);
  EXPECT_EQ(r.out.find("model comments"), std::string::npos);
  const auto bad = choreo("keys --model phol");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "choreo keys: --model 'phol': unknown model (allowed: comments, phold)\n");
}

TEST(RunHeader, ShowsOnlyOptionsAwayFromTheirDefaultsUnlessVerbose) {
  const std::string out = " --out " + ::testing::TempDir() + "choreo_header";
  const auto brief = choreo("run scenarios/default.ini --set run.duration=2s --set run.settle=1s" + out);
  const auto all =
      choreo("run scenarios/default.ini --set run.duration=2s --set run.settle=1s --verbose" + out);
  ASSERT_LE(brief.exit_code, 1) << brief.err;
  ASSERT_LE(all.exit_code, 1) << all.err;
  const auto header = [](const std::string& text) { return text.substr(0, text.find("\nrun\n")); };
  EXPECT_NE(header(brief.out).find("  run.duration                      = 2s               --set\n"),
            std::string::npos)
      << brief.out;
  EXPECT_NE(header(brief.out).find("  broker.kind                       = sqs              file\n"),
            std::string::npos);
  EXPECT_EQ(header(brief.out).find("kafka.retention"), std::string::npos);  // a default
  EXPECT_NE(
      header(brief.out).find("  and 96 more at their defaults (--verbose lists every option; choreo keys "
                             "explains them)"),
      std::string::npos)
      << brief.out;
  EXPECT_NE(header(all.out).find("kafka.retention"), std::string::npos);
  EXPECT_NE(header(all.out).find("= 7d               default\n"), std::string::npos) << all.out;
  EXPECT_EQ(header(all.out).find("more at their defaults"), std::string::npos);
}

// Issue 14: replay commands say `choreo run ...`, but nothing put choreo on PATH.
TEST(Install, PutsChoreoOnPathAndTheReplayCommandRunsAsPrinted) {
  const std::filesystem::path build = std::filesystem::path(CHOREO_BINARY).parent_path().parent_path();
  const std::string prefix = ::testing::TempDir() + "choreo_install_" + std::to_string(::getpid());
  std::filesystem::remove_all(prefix);
  const auto installed =
      testing::run_shell("cmake --install '" + build.string() + "' --prefix '" + prefix + "'");
  ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;
  ASSERT_TRUE(std::filesystem::exists(prefix + "/bin/choreo"));
  const std::string path = "PATH='" + prefix + "/bin':/usr/bin:/bin ";
  const auto run =
      testing::run_shell(path +
                         "choreo run scenarios/phold.ini --seed 5 --set run.duration=20ms "
                         "--set phold.shape=quantized --set expect.events_processed=1..1000000 --out " +
                         prefix + "/a");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto at = run.out.find("replay: ");
  ASSERT_NE(at, std::string::npos) << run.out;
  const std::string replay = run.out.substr(at + 8, run.out.find('\n', at) - at - 8);
  EXPECT_EQ(replay,
            "choreo run scenarios/phold.ini --seed 5 --set run.duration=20ms --set phold.shape=quantized "
            "--set expect.events_processed=1..1000000");
  const auto again = testing::run_shell(path + replay + " --out " + prefix + "/b");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  const auto hash = [](const std::string& text) { return text.substr(text.find("trace hash"), 34); };
  EXPECT_EQ(hash(again.out), hash(run.out));
  std::filesystem::remove_all(prefix);
}

}  // namespace
}  // namespace choreo
