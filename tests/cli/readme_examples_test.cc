// README.md's examples, run as written (see readme_examples.h for how they
// are marked), in file order, in a scratch directory where scenarios/ and
// scripts/ link to the source tree and `choreo` on PATH is the binary under
// test. Console transcripts must print exactly the lines shown; every other
// command must exit as marked. Also runs the examples printed by
// `choreo run --help` and `choreo sweep --help`.
//
// Two settings keep the run short, and only these: SEEDS=1..2 (read by
// scripts/reproduce.sh, 20 seeds otherwise) and CHOREO=<the binary> (so
// scripts do not build one).
#include "tests/cli/readme_examples.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/cli/command.h"

namespace choreo {
namespace {

using testing::parse_readme;
using testing::run_shell_in;
using testing::slurp;

// A fresh directory that looks like the source tree to the examples.
std::string example_dir(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "choreo_readme_" + name + "_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const char* link : {"scenarios", "scripts"}) {
    std::filesystem::create_directory_symlink(std::string(CHOREO_SOURCE_DIR) + "/" + link, dir + "/" + link);
  }
  return dir;
}

std::string environment() {
  const std::string bin = std::filesystem::path(CHOREO_BINARY).parent_path().string();
  return "PATH='" + bin + "':\"$PATH\" CHOREO='" + std::string(CHOREO_BINARY) + "' SEEDS=1..2 ";
}

// Runs every step; returns one line per failure.
std::vector<std::string> run_steps(const std::vector<testing::ReadmeStep>& steps, const std::string& dir) {
  std::vector<std::string> failures;
  for (const auto& step : steps) {
    const std::string at = "README.md:" + std::to_string(step.line) + ": ";
    if (step.command.empty()) {
      std::ofstream(dir + "/" + step.file) << step.content;
      continue;
    }
    const auto r = run_shell_in(dir, "export " + environment() + "&& " + step.command);
    if (r.exit_code != step.exit_code) {
      failures.push_back(at + "'" + step.command + "' exited " + std::to_string(r.exit_code) + ", expected " +
                         std::to_string(step.exit_code) + "; stderr: " + r.err.substr(0, 2000));
    } else if (step.check_output && r.out + r.err != step.output) {
      failures.push_back(at + "'" + step.command + "' printed:\n" + r.out + r.err + "expected:\n" +
                         step.output);
    }
  }
  return failures;
}

TEST(ReadmeExamples, EveryExampleRunsAsWritten) {
  const auto examples = parse_readme(slurp(std::string(CHOREO_SOURCE_DIR) + "/README.md"), "README.md");
  for (const auto& p : examples.problems) ADD_FAILURE() << p;
  std::size_t commands = 0, transcripts = 0;
  for (const auto& s : examples.steps) {
    commands += s.command.empty() ? 0 : 1;
    transcripts += s.check_output ? 1 : 0;
  }
  // The README shows runs, sweeps, plots, faults and errors: far more than this.
  EXPECT_GE(commands, 20u);
  EXPECT_GE(transcripts, 6u);
  const std::string dir = example_dir("all");
  for (const auto& failure : run_steps(examples.steps, dir)) ADD_FAILURE() << failure;
  std::filesystem::remove_all(dir);
}

TEST(ReadmeExamples, HelpExamplesRunAsPrinted) {
  const std::string dir = example_dir("help");
  for (const char* command : {"run", "sweep"}) {
    const auto help = testing::choreo(std::string(command) + " --help");
    const auto at = help.out.find("Example");
    ASSERT_NE(at, std::string::npos) << help.out;
    std::istringstream lines(help.out.substr(help.out.find('\n', at) + 1));
    std::string line;
    std::size_t ran = 0;
    while (std::getline(lines, line) && line.rfind("  choreo ", 0) == 0) {
      const auto r = run_shell_in(dir, "export " + environment() + "&& " + line.substr(2));
      EXPECT_EQ(r.exit_code, 0) << line << "\n" << r.err;
      ++ran;
    }
    EXPECT_GE(ran, 1u) << help.out;
  }
  std::filesystem::remove_all(dir);
}

// The parser finds what it must, so the test above cannot pass vacuously.
TEST(ReadmeParser, ReadsEveryKindOfBlock) {
  const auto e = parse_readme(
      "text\n```sh\nchoreo run a.ini   # exit 1\n# a comment\nchoreo keys \\\n  --model phold\n```\n"
      "```ini\n# file: a.ini\n[run]\n```\n"
      "```console\n$ choreo run b.ini  # exit 2\nb.ini: bad\n$ choreo x\n```\n"
      "```sh setup\nscripts/test.sh\nrm -rf /\n```\n"
      "```text\nchoreo sneaky\nscripts/   plots\n```\n",
      "R.md");
  ASSERT_EQ(e.steps.size(), 5u);
  EXPECT_EQ(e.steps[0].command, "choreo run a.ini");
  EXPECT_EQ(e.steps[0].exit_code, 1);
  EXPECT_EQ(e.steps[1].command, "choreo keys --model phold");
  EXPECT_EQ(e.steps[1].exit_code, 0);
  EXPECT_EQ(e.steps[2].file, "a.ini");
  EXPECT_EQ(e.steps[2].content, "# file: a.ini\n[run]\n");
  EXPECT_EQ(e.steps[3].exit_code, 2);
  EXPECT_EQ(e.steps[3].output, "b.ini: bad\n");
  EXPECT_TRUE(e.steps[4].check_output);
  EXPECT_EQ(e.steps[4].output, "");
  EXPECT_EQ(e.exempt, (std::vector<std::string>{"scripts/test.sh", "rm -rf /"}));
  EXPECT_EQ(e.problems, (std::vector<std::string>{"R.md:19: not an install/build/test line: 'rm -rf /'",
                                                  "R.md:22: a command in a ```text block (use sh, console or "
                                                  "sh setup)"}));
}

TEST(ReadmeParser, AWrongTranscriptOrExitCodeFails) {
  const auto e = parse_readme(
      "```console\n$ choreo run nope.ini  # exit 2\nnope.ini: wrong text\n```\n"
      "```sh\nchoreo --version  # exit 3\n```\n",
      "R.md");
  const std::string dir = example_dir("wrong");
  const auto failures = run_steps(e.steps, dir);
  ASSERT_EQ(failures.size(), 2u);
  EXPECT_NE(failures[0].find("nope.ini: cannot open scenario file"), std::string::npos) << failures[0];
  EXPECT_NE(failures[1].find("exited 0, expected 3"), std::string::npos) << failures[1];
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace choreo
