// What `choreo sweep --swarm` draws for one seed (README.md, "Swarm
// sweeps"): which fault families are on and how strong, within the
// scenario's [swarm] ranges (models/brokers/swarm_keys.h), as concrete
// `--set` values, so a row's replay is a plain `choreo run`.
//
// Draws come from the stream "cli/swarm" of the seed, a name no part of a
// run uses, so they never change the run's own draws; they depend on the
// seed and the ranges alone, never on -j, the shard or the other seeds.
// Every drawn value is written as text that the key's parser reads back
// exactly (the run itself is loaded from that text).
//
// Families, in column order: broker.loss, broker.duplicate, broker.delay
// (exp:MEANus), broker.handler_error, broker.crash_rate, and a partition or
// disconnect of one replica's service (fault.swarm-cut.{kind,service,from,to},
// inside run.duration). An off family is "0" (the partition: empty, no
// section).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/config.h"
#include "sim/result.h"
#include "sim/time.h"

namespace choreo::cli {

struct SwarmRanges {
  double on = 0;
  double loss = 0, duplicate = 0, handler_error = 0;  // largest probabilities
  sim::Time delay = 0;                                // largest mean
  double crash_rate = 0;                              // largest, per second
  sim::Time partition = 0;                            // longest window
  sim::Time duration = 0;                             // run.duration
  std::vector<std::string> services;                  // the replicas' services, sorted
};

// (key, value) of every swarm column, in column order; value "" = not set.
using SwarmDraw = std::vector<std::pair<std::string, std::string>>;

// The ranges of a loaded scenario; an error when its model has no [swarm]
// keys (no broker: PHOLD).
sim::Result<SwarmRanges> swarm_ranges(const sim::Config& config, const std::string& model);
// The columns' keys, in order (for headers and checks).
std::vector<std::string> swarm_keys();
SwarmDraw draw_swarm(const SwarmRanges& ranges, std::uint64_t seed);
// "key=value" for every set value.
std::vector<std::string> swarm_overrides(const SwarmDraw& draw);

// An error naming the first of `sets` ("key=value") or `varied_keys` that
// sets a key --swarm draws (the draw would override it).
sim::Status check_not_drawn(const std::vector<std::string>& sets,
                            const std::vector<std::string>& varied_keys);

// The family a column key belongs to ("broker.loss", ..., "fault.swarm-cut").
std::string swarm_family(const std::string& key);
// Whether `value` of that key turns its family on.
bool swarm_on(const std::string& value);

}  // namespace choreo::cli
