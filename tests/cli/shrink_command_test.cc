// `choreo shrink` end to end: a planted failure (a naive counter with rare
// SQS duplicates over a long run) shrinks to a small scenario that still
// fails the same way when replayed, the same input shrinks to the same
// bytes, and a run with nothing to shrink or an --out that cannot be
// written is refused with one line.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/cli/command.h"

namespace choreo {
namespace {

using testing::choreo;
using testing::slurp;

const char* const kPlanted = R"([run]
model = comments
duration = 120s
settle = 30s

[workload]
comment_rate = 200/s
delete_fraction = 0
profile_rate = 0/s
read_rate = 0/s

[broker]
kind = sqs
duplicate = 0.1%

[replica.counts-naive]
kind = counter
strategy = naive

[replica.counts-gcounter]
kind = counter
strategy = g-counter

[expect]
replicas.counts-naive.converged = true
replicas.counts-gcounter.converged = true
)";

std::string temp(const std::string& name) { return ::testing::TempDir() + "choreo_shrink_" + name; }

std::string planted() {
  const std::string path = temp("planted.ini");
  std::ofstream(path) << kPlanted;
  return path;
}

// The number after `prefix` in `text`.
std::uint64_t number_after(const std::string& text, const std::string& prefix) {
  const auto at = text.find(prefix);
  EXPECT_NE(at, std::string::npos) << prefix << " not in:\n" << text;
  return at == std::string::npos ? 0 : std::stoull(text.substr(at + prefix.size()));
}

TEST(ShrinkCommand, APlantedDuplicateShrinksToAFewHundredEventsThatStillFail) {
  const std::string out = temp("planted.shrunk.ini");
  const auto r = choreo("shrink " + planted() + " --seed 1 --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string file = slurp(out);
  EXPECT_EQ(r.out.substr(0, file.size()), file);  // stdout starts with the file it wrote

  const auto events = number_after(r.out, "events: ");
  const auto original = number_after(r.out, "(the original: ");
  EXPECT_GT(original, 100'000u);  // 120 s at 200 comments/s, about 5 events a comment
  EXPECT_LT(events * 100, original) << "shrunk to less than 1 % of the original's events";

  // What the failure needs stays: SQS, a duplicate probability, the naive
  // counter and its violated expectation; the G-Counter (which converges)
  // and its expectation, which held, are gone.
  EXPECT_NE(file.find("kind = sqs\n"), std::string::npos) << file;
  EXPECT_NE(file.find("[replica.counts-naive]\n"), std::string::npos) << file;
  EXPECT_EQ(file.find("counts-gcounter"), std::string::npos) << file;
  EXPECT_NE(file.find("\n[expect]\nreplicas.counts-naive.converged = true\n"), std::string::npos) << file;
  EXPECT_NE(file.find("\nseed = 1\n"), std::string::npos) << file;
  EXPECT_EQ(file.find("duration = 120s"), std::string::npos) << file;

  // Replayed as printed, it fails the same way, in the events it said.
  const auto replay = choreo("run " + out + " --json --out " + temp("replay"));
  EXPECT_EQ(replay.exit_code, 1) << replay.err;
  EXPECT_NE(replay.out.find("\"events_processed\": " + std::to_string(events) + ","), std::string::npos);
  EXPECT_NE(replay.out.find("\"name\": \"replicas.counts-naive.converged = true\""), std::string::npos);
}

TEST(ShrinkCommand, TheSameInputShrinksToTheSameBytes) {
  const auto a = choreo("shrink " + planted() + " --seed 1 --max-runs 40 --out " + temp("a.ini"));
  const auto b = choreo("shrink " + planted() + " --seed 1 --max-runs 40 --out " + temp("b.ini"));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  const std::string fa = slurp(temp("a.ini"));
  const std::string fb = slurp(temp("b.ini"));
  EXPECT_EQ(fa.substr(fa.find('\n', fa.find("Replay:"))), fb.substr(fb.find('\n', fb.find("Replay:"))));
  EXPECT_EQ(a.err, b.err);  // the same steps in the same order
  EXPECT_NE(a.out.find("(--max-runs reached; rerun on the output to go further)"), std::string::npos)
      << a.out;
}

TEST(ShrinkCommand, ARunThatHoldsHasNothingToShrink) {
  const auto r = choreo("shrink scenarios/duplicates-sqs.ini --seed 1 --out " + temp("holds.ini"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "choreo shrink: scenarios/duplicates-sqs.ini --seed 1 does not fail (every expectation holds): nothing "
      "to shrink\n");
}

TEST(ShrinkCommand, ExpectMustNameAViolatedEntry) {
  const auto unknown = choreo("shrink " + planted() + " --seed 1 --expect replicas.nope.converged");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "--expect replicas.nope.converged: the scenario has no such [expect] entry (it has: "
            "replicas.counts-naive.converged, replicas.counts-gcounter.converged)\n");
  const auto holds = choreo("shrink " + planted() + " --seed 1 --expect replicas.counts-gcounter.converged");
  EXPECT_EQ(holds.exit_code, 2);
  EXPECT_EQ(holds.err, "--expect replicas.counts-gcounter.converged: holds in " + planted() +
                           " --seed 1: nothing to shrink\n");
}

TEST(ShrinkCommand, AnOutThatCannotBeWrittenIsOneLine) {
  const std::string file = temp("a-file");
  std::ofstream(file) << "not a directory\n";
  const auto r = choreo("shrink " + planted() + " --seed 1 --max-runs 3 --out " + file + "/shrunk.ini");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1),
            "--out " + file + "/shrunk.ini: cannot create directory " + file + ": Not a directory\n")
      << r.err;
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace choreo
