// Tests for cli/sweep_fingerprint.h: each part changes with what it covers
// and with nothing else, and the text form parses back.
#include "cli/sweep_fingerprint.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/sweep/sweep_test_util.h"

namespace choreo::cli {
namespace {

using testing::scratch_dir;

struct Fixture {
  std::string path;
  Grid grid = *make_grid({1, 10}, {{"broker.loss", {"0", "1%"}}}, 1000);
  std::vector<const models::ModelKind*> kinds = {models::find_model_kind("comments"),
                                                 models::find_model_kind("comments")};
};

Fixture fixture(const std::string& text) {
  Fixture f;
  f.path = scratch_dir("fp") + "s.ini";
  std::ofstream(f.path) << text;
  return f;
}

SweepFingerprint of(const Fixture& f, const std::vector<std::string>& sets) {
  auto fp = fingerprint_sweep(f.path, sets, f.grid, f.kinds);
  EXPECT_TRUE(fp) << (fp ? "" : fp.error().message);
  return fp ? *fp : SweepFingerprint{};
}

TEST(SweepFingerprint, EachPartFollowsWhatItCovers) {
  auto f = fixture("[broker]\nkind = sqs\n");
  const auto base = of(f, {"broker.delay=5ms"});
  EXPECT_EQ(of(f, {"broker.delay=5ms"}), base);

  const auto set = of(f, {"broker.delay=6ms"});
  EXPECT_NE(set.overrides, base.overrides);
  EXPECT_EQ(set.scenario, base.scenario);
  EXPECT_EQ(describe_difference(base, set), "different --set overrides");

  std::ofstream(f.path) << "[broker]\nkind = nats\n";
  const auto file = of(f, {"broker.delay=5ms"});
  EXPECT_NE(file.scenario, base.scenario);
  EXPECT_EQ(file.overrides, base.overrides);

  f.grid = *make_grid({1, 11}, {{"broker.loss", {"0", "1%"}}}, 1000);
  const auto seeds = of(f, {"broker.delay=5ms"});
  EXPECT_NE(seeds.grid, file.grid);
  f.grid = *make_grid({1, 11}, {{"broker.loss", {"1%", "0"}}}, 1000);
  EXPECT_NE(of(f, {"broker.delay=5ms"}).grid, seeds.grid);

  f.kinds = {models::find_model_kind("phold"), models::find_model_kind("phold")};
  const auto model = of(f, {"broker.delay=5ms"});
  EXPECT_NE(model.model, base.model);
  EXPECT_EQ(describe_difference(base, model),
            "different scenario file, --seeds/--vary grid and model keys or defaults");
}

TEST(SweepFingerprint, OverridesCountByTheirEffectiveValue) {
  const auto f = fixture("[run]\n");
  EXPECT_EQ(of(f, {"a.b=1", "c.d=2"}), of(f, {"c.d=2", "a.b=1"}));
  EXPECT_EQ(of(f, {"a.b=1", "a.b=2"}), of(f, {"a.b=2"}));
  EXPECT_NE(of(f, {"a.b=2", "a.b=1"}), of(f, {"a.b=2"}));
}

TEST(SweepFingerprint, TextParsesBackAndGarbageDoesNot) {
  const auto f = fixture("[run]\n");
  const auto fp = of(f, {});
  const std::string text = fp.text();
  EXPECT_TRUE(text.starts_with("scenario:")) << text;
  EXPECT_EQ(text.size(), std::string("scenario:12345678 set:12345678 grid:12345678 model:12345678").size());
  EXPECT_EQ(SweepFingerprint::parse(text), fp);
  EXPECT_FALSE(SweepFingerprint::parse(""));
  EXPECT_FALSE(SweepFingerprint::parse(text + " "));
  EXPECT_FALSE(SweepFingerprint::parse("scenario:1234567g set:12345678 grid:12345678 model:12345678"));
}

TEST(SweepFingerprint, MissingScenarioFileIsAnError) {
  Fixture f;
  f.path = scratch_dir("none") + "absent.ini";
  auto fp = fingerprint_sweep(f.path, {}, f.grid, f.kinds);
  ASSERT_FALSE(fp);
  EXPECT_EQ(fp.error().message, f.path + ": cannot open scenario file");
}

}  // namespace
}  // namespace choreo::cli
