// [expect] entries (sim/expectations.h): conditions against summary values,
// errors located at the entry, the shape check that runs before a run, and
// `--set expect.KEY=...` replacing the file's entry (later wins).
#include "sim/expectations.h"

#include <gtest/gtest.h>

namespace choreo::sim {
namespace {

ConfigSchema schema() {
  ConfigSchema s;
  s.add_open_section("expect");
  return s;
}

std::vector<RawEntry> entries(const std::string& text, const std::vector<std::string>& overrides = {}) {
  auto raw = read_config_text(text, "x.ini");
  EXPECT_TRUE(raw.ok());
  auto config = resolve_config(*raw, overrides, schema());
  EXPECT_TRUE(config.ok()) << config.error().message;
  return config->open_entries("expect");
}

const nlohmann::json kSummary = nlohmann::json::parse(R"({
  "converged": false, "events_processed": 120,
  "config": {"phold.processes": "5"},
  "replicas": [{"name": "counts-naive", "converged": false, "converged_at_s": null},
               {"name": "mirror", "converged": true, "converged_at_s": 31.0}],
  "delivery": {"lost": 3}
})");

// Issue 14: `--set expect.events_processed=...` added a second entry, so the
// file's range still failed the run.
TEST(ExpectOverride, ReplacesTheFilesEntryInPlace) {
  const auto e = entries("[expect]\nevents_processed = 1..10\nconverged = true\n",
                         {"expect.events_processed=100..200", "expect.delivery.lost=>0"});
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].key, "expect.events_processed");
  EXPECT_EQ(e[0].value, "100..200");
  EXPECT_TRUE(e[0].origin.from_override);
  EXPECT_EQ(e[1].key, "expect.converged");
  EXPECT_EQ(e[2].key, "expect.delivery.lost");
  auto results = check_expectations(kSummary, e);
  ASSERT_TRUE(results);
  EXPECT_TRUE((*results)[0].holds);
  EXPECT_FALSE((*results)[1].holds);
  EXPECT_TRUE((*results)[2].holds);
}

TEST(ExpectOverride, TheLastOfSeveralOverridesWins) {
  const auto e = entries("[expect]\nconverged = true\n", {"expect.converged=false", "expect.converged=true"});
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].value, "true");
}

TEST(Expectations, ConditionsOnNumbersBooleansAndNamedArrayElements) {
  const auto e = entries(
      "[expect]\nevents_processed = >=120\nreplicas.mirror.converged_at_s = 30..32\n"
      "replicas.counts-naive.converged = false\ndelivery.lost = !=3\n"
      "replicas.counts-naive.converged_at_s = >0\n");
  auto r = check_expectations(kSummary, e);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 5u);
  EXPECT_TRUE((*r)[0].holds);
  EXPECT_TRUE((*r)[1].holds);
  EXPECT_TRUE((*r)[2].holds);
  EXPECT_FALSE((*r)[3].holds);
  EXPECT_FALSE((*r)[4].holds);  // null (never converged) holds no condition
  EXPECT_EQ((*r)[0].detail, "actual 120, expected >=120");
}

TEST(ExpectationPaths, ATypoIsFoundOnTheShapeWithASuggestion) {
  auto bad = check_expectation_paths(
      kSummary, entries("[expect]\nconverged = true\nreplicas.mirorr.converged = true\n"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(
      bad.error().message,
      "x.ini:3: expect.replicas.mirorr.converged = 'true': no 'mirorr' in replicas (did you mean 'mirror'?)");
  auto listed = check_expectation_paths(kSummary, entries("[expect]\ndelivery.zzz = 1\n"));
  ASSERT_FALSE(listed);
  EXPECT_EQ(listed.error().message, "x.ini:2: expect.delivery.zzz = '1': no 'zzz' in delivery (have: lost)");
}

TEST(ExpectationPaths, ConditionsMustFitTheValuesType) {
  auto on_bool = check_expectation_paths(kSummary, entries("[expect]\nconverged = >1\n"));
  ASSERT_FALSE(on_bool);
  EXPECT_EQ(on_bool.error().message, "x.ini:2: expect.converged = '>1': 'converged' is false, not a number");
  auto malformed = check_expectation_paths(kSummary, entries("[expect]\nevents_processed = 5..1\n"));
  ASSERT_FALSE(malformed);
  EXPECT_EQ(
      malformed.error().message,
      "x.ini:2: expect.events_processed = '5..1': expected true, false, a number, >N, >=N, <N, <=N, !=N "
      "or A..B");
  auto text = check_expectation_paths(kSummary, entries("[expect]\nconfig.phold.processes = 5\n"));
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().message,
            "x.ini:2: expect.config.phold.processes = '5': 'config.phold.processes' is \"5\", not a number");
  auto from_set = check_expectation_paths(kSummary, entries("", {"expect.events_processed=true"}));
  ASSERT_FALSE(from_set);
  EXPECT_EQ(from_set.error().message,
            "--set expect.events_processed: 'true': 'events_processed' is 120, not true/false");
  // A value the run has not produced yet is not judged before the run.
  EXPECT_TRUE(
      check_expectation_paths(kSummary, entries("[expect]\nreplicas.counts-naive.converged_at_s = >1\n")));
}

}  // namespace
}  // namespace choreo::sim
