// The [workload] section of a comments scenario, typed: what the owners do
// (users, stories, rates, shards, host clocks, the user-service outage) and
// how pages are read.
//
// The defaults live here and only here: each field's initializer is its
// default, and declare_workload() writes the schema's default texts from a
// default-constructed WorkloadOptions (tests/comments/options_test.cc checks
// that an empty scenario reads back as WorkloadOptions{}).
//
//   WorkloadOptions w;               // the defaults
//   w.comment_rate = 300;            // what a test changes
//   WorkloadOptions from_file = workload_options(config);   // a checked Config
#pragma once

#include <cstdint>
#include <string_view>

#include "sim/config.h"
#include "sim/config_schema.h"
#include "sim/distribution.h"
#include "sim/time.h"

namespace choreo::wattpad {

// A distribution from a literal in the scenario syntax (default values).
// REQUIRES: `text` parses.
sim::Distribution distribution_literal(std::string_view text);

struct WorkloadOptions {
  std::uint64_t users = 1'000;    // users owned by the user service
  std::uint64_t stories = 100;    // stories comments are posted on
  std::uint32_t chapters = 10;    // per story; a comment's chapter is uniform
  std::uint32_t paragraphs = 20;  // per chapter; an inline comment's paragraph is uniform
  double inline_fraction = 0.5;   // of comments, on a paragraph (the rest on the chapter)
  sim::Distribution popularity = distribution_literal("zipf:1.1");  // over stories, posts and reads
  sim::Distribution commenters = distribution_literal("zipf:1");    // who comments, over users (our choice)
  double comment_rate = 200;                                        // comments posted per second (Poisson)
  double delete_fraction = 0.1;                                     // of posted comments, later deleted
  sim::Distribution delete_after = distribution_literal("exp:5s");  // from a post to its delete, us
  double profile_rate = 20;                                         // profile changes per second (Poisson)
  double read_rate = 2'000;                  // page reads per second (Wattpad: about 2,000)
  std::uint32_t comments_per_page = 10;      // authors looked up per page (Wattpad: 10)
  bool orchestration = false;                // reads ask the user service (else the mirror)
  bool per_author = false;                   // orchestration: one request per distinct author
  std::uint32_t shards = 4;                  // comment-service shards (G-Counter entries)
  std::uint32_t user_instances = 2;          // user-service hosts, each with its own clock
  sim::Time clock_skew = 0;                  // host i's clock runs i * clock_skew behind
  sim::Time outage_from = 0, outage_to = 0;  // user-service outage [from, to); equal: none

  bool operator==(const WorkloadOptions&) const = default;
};

// Adds the [workload] keys, their defaults from WorkloadOptions{}.
void declare_workload(sim::ConfigSchema& schema);
// REQUIRES: `config` was checked against declare_workload()'s keys.
// An error names workload.outage_to when it is before outage_from.
sim::Result<WorkloadOptions> workload_options(const sim::Config& config);

}  // namespace choreo::wattpad
