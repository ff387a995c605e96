// A model's footprint (models::Footprint) is what its build() allocates in
// proportion to the scenario's sizes: the bytes allocated while building
// grow by exactly count * bytes_each when the size key grows. Counted by
// replacing the global operator new in this test binary (tests/counting_new.h;
// its own folder, so no other test shares the replacement).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/scenario.h"
#include "sim/simulation.h"
#include "tests/counting_new.h"

namespace choreo::cli {
namespace {

struct Built {
  std::size_t bytes = 0;                     // allocated by make() and build()
  std::vector<models::Footprint> footprint;  // what the model declared
};

Built build(const std::string& scenario, const std::vector<std::string>& overrides) {
  auto loaded = load_scenario(std::string(CHOREO_SOURCE_DIR) + "/scenarios/" + scenario, overrides, "1");
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
  const std::size_t before = choreo::testing::allocation_count.bytes;
  auto model = loaded->kind->make(loaded->config);
  EXPECT_TRUE(model.ok()) << model.error().message;
  sim::Simulation simulation(1);
  (*model)->build(simulation);
  return {choreo::testing::allocation_count.bytes - before, (*model)->footprint()};
}

// Builds at two sizes of `key`; the difference in bytes allocated is the
// footprint's bytes_each times the difference in count, exactly.
void expect_exact_growth(const std::string& scenario, const std::string& key, int small, int large,
                         std::uint64_t count_per_unit) {
  const Built a = build(scenario, {key + "=" + std::to_string(small)});
  const Built b = build(scenario, {key + "=" + std::to_string(large)});
  ASSERT_EQ(a.footprint.size(), 1u);
  ASSERT_EQ(b.footprint.size(), 1u);
  EXPECT_EQ(b.footprint[0].key, a.footprint[0].key);
  EXPECT_EQ(b.footprint[0].count - a.footprint[0].count, std::uint64_t(large - small) * count_per_unit);
  EXPECT_EQ(b.bytes - a.bytes, (b.footprint[0].count - a.footprint[0].count) * b.footprint[0].bytes_each)
      << scenario << ": " << key << " " << small << " -> " << large;
  EXPECT_GE(a.bytes, a.footprint[0].count * a.footprint[0].bytes_each) << "a lower bound";
}

TEST(Footprint, CommentsUsersGrowExactlyAsDeclared) {
  // default.ini has mirrors with register and mv-register strategies.
  expect_exact_growth("default.ini", "workload.users", 1000, 21000, 1);
}

// The comment ledger reserves rows for the keys the run's comments can
// reach, at most 2^18 rows of shard totals (4 MiB), not for the key space:
// with 1,024 shards, 4 million stories and 4 billion allocate the same in
// build(). (Rows for every one of 4 million stories, 64 GB, were refused
// as out of memory.)
TEST(Footprint, CommentsReserveFollowsTheCommentsNotTheKeySpace) {
  const std::vector<std::string> vast = {"workload.shards=1024", "run.duration=1s"};
  auto with = [&](const std::string& stories) {
    std::vector<std::string> o = vast;
    o.push_back("workload.stories=" + stories);
    return build("default.ini", o).bytes;
  };
  const std::size_t thousand = with("4000000"), million = with("4000000000");
  EXPECT_EQ(million, thousand);
  EXPECT_LT(thousand, std::size_t{64} << 20);
}

TEST(Footprint, CommentsFootprintCountsEveryMirror) {
  const Built two = build("default.ini", {"workload.users=1000"});  // mirror-overwrite and mirror-lww
  ASSERT_EQ(two.footprint.size(), 1u);
  EXPECT_EQ(two.footprint[0].key, "workload.users");
  EXPECT_EQ(two.footprint[0].what, "users (a profile and 2 mirror entries)");
  EXPECT_EQ(two.footprint[0].count, 1000u);
  const Built three = build(
      "default.ini", {"workload.users=1000", "replica.mv.kind=mirror", "replica.mv.strategy=mv-register"});
  ASSERT_EQ(three.footprint.size(), 1u);
  EXPECT_EQ(three.footprint[0].what, "users (a profile and 3 mirror entries)");
  EXPECT_GT(three.footprint[0].bytes_each, two.footprint[0].bytes_each);
}

TEST(Footprint, MvRegisterMirrorGrowsExactlyAsDeclared) {
  const std::vector<std::string> mv = {"replica.mv.kind=mirror", "replica.mv.strategy=mv-register"};
  auto with = [&](int users) {
    auto o = mv;
    o.push_back("workload.users=" + std::to_string(users));
    return build("default.ini", o);
  };
  const Built a = with(1000), b = with(21000);
  EXPECT_EQ(b.bytes - a.bytes, 20000 * b.footprint[0].bytes_each);
}

TEST(Footprint, PholdPendingEventsGrowExactlyAsDeclared) {
  expect_exact_growth("phold.ini", "phold.events_per_process", 1, 41, 1000);  // phold.ini: 1000 processes
}

}  // namespace
}  // namespace choreo::cli
