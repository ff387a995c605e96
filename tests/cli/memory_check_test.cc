// The up-front memory check (cli/memory_check.h): a scenario whose model
// would allocate more than the limit before its first event is refused in
// one line naming the key, the estimate and the limit; one that fits passes.
#include "cli/memory_check.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace choreo::cli {
namespace {

constexpr std::uint64_t kGiB = std::uint64_t{1} << 30;

Scenario scenario(const std::string& file, const std::vector<std::string>& overrides) {
  auto loaded = load_scenario(std::string(CHOREO_SOURCE_DIR) + "/scenarios/" + file, overrides, "1");
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
  return std::move(*loaded);
}

sim::Status check(const Scenario& s, std::uint64_t limit_bytes) {
  auto model = s.kind->make(s.config);
  EXPECT_TRUE(model.ok());
  return check_footprint(s, **model, {limit_bytes, "this machine's memory"});
}

TEST(MemoryCheck, AHundredMillionUsersDoNotFitInFourGiB) {
  const auto s = scenario("default.ini", {"workload.users=1e8"});
  auto model = s.kind->make(s.config);
  ASSERT_TRUE(model.ok());
  const auto part = (*model)->footprint().at(0);
  const auto fits = check(s, 4 * kGiB);
  ASSERT_FALSE(fits.ok());
  EXPECT_EQ(fits.error().message,
            "--set workload.users: '1e8': the run needs at least " +
                fmt::format("{:.1f}", 1e8 * static_cast<double>(part.bytes_each) / kGiB) +
                " GiB before its first event (100000000 users (a profile and 2 mirror entries) x " +
                std::to_string(part.bytes_each) +
                " B), more than this machine's memory (4.0 GiB); lower it (see README.md, \"Limits\")");
}

TEST(MemoryCheck, TheSameScenarioFitsInMoreMemory) {
  EXPECT_TRUE(check(scenario("default.ini", {"workload.users=1e8"}), 64 * kGiB).ok());
}

TEST(MemoryCheck, PholdNamesItsPendingEventsFromTheFile) {
  const auto s = scenario("phold.ini", {"phold.processes=10000000", "phold.events_per_process=10"});
  const auto fits = check(s, 2 * kGiB);
  ASSERT_FALSE(fits.ok());
  EXPECT_EQ(fits.error().message,
            "--set phold.events_per_process: '10': the run needs at least 3.0 GiB before its first event "
            "(100000000 pending events x 32 B), more than this machine's memory (2.0 GiB); lower it (see "
            "README.md, \"Limits\")");
}

}  // namespace
}  // namespace choreo::cli
