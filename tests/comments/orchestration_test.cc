// The Wattpad pair through the CLI: orchestrated lookups are simulated
// requests, so the orchestrated run is a different run from the
// choreographed one (a different trace hash), and its summary reports the
// requests' fate and the capacity they met.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli/command.h"

namespace choreo {
namespace {

// `tag` names the output directory: ctest runs tests in parallel.
nlohmann::json run(const std::string& scenario, const std::string& tag, const std::string& sets = "") {
  const auto r = testing::choreo("run scenarios/" + scenario + ".ini --json --seed 1 --set run.duration=2s " +
                                 sets + " --out " + ::testing::TempDir() + "orch_" + tag);
  EXPECT_LE(r.exit_code, 1) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(Orchestration, IsADifferentRunFromChoreography) {
  const auto orchestrated = run("wattpad-orchestration", "pair_o");
  const auto choreographed = run("wattpad-choreography", "pair_c");
  EXPECT_NE(orchestrated.at("trace_hash"), choreographed.at("trace_hash"));
  // 4,000 reads in 2 s, each looking up the authors on its page (pages
  // fill as comments arrive, so fewer than 10 on average).
  EXPECT_GT(orchestrated.at("requests").at("user-service").at("count").get<int>(), 8'000);
  EXPECT_EQ(choreographed.at("requests").at("user-service").at("count").get<int>(), 0);
  // Below capacity: a read takes at least a round trip (2 x 250 us).
  EXPECT_GE(orchestrated.at("reads").at("latency_ms").at("p50").get<double>(), 0.5);
}

TEST(Orchestration, TheSummaryEchoesTheCapacity) {
  const auto s = run("wattpad-orchestration", "capacity",
                     "--set user_service.concurrency=5 --set workload.user_instances=3 "
                     "--set user_service.service_time=exp:2ms");
  const auto& u = s.at("requests").at("user-service").at("capacity");
  EXPECT_EQ(u.at("concurrency"), 5);
  EXPECT_EQ(u.at("instances"), 3);
  EXPECT_EQ(u.at("service_time"), "exp:2ms");
  EXPECT_EQ(u.at("per_s"), 7'500.0);  // 3 x 5 / 2 ms
}

}  // namespace
}  // namespace choreo
