// Fault coverage: how often each fault family and broker mechanism that can
// change a replica's inputs fired in a run, and summary.json's `coverage`
// object built from it (README.md, "Fault coverage").
//
// A convergence result means little if the faults it was meant to survive
// never happened; these counts say which did. Counting never draws a random
// number, sends an event or writes a note, so it leaves the trace hash as it
// was.
//
// What FaultCoverage counts beyond DeliveryCounts (which already counts
// losses by reason, reordered, redelivered, dead-lettered, handler errors and
// FIFO deduplications): duplicates by why they were made, each scripted
// fault of the plan by index, rate crashes, Kafka offset resets and the
// Kafka segments retention deleted (read or not).
// Invariants: sum of duplicated_by == DeliveryCounts::duplicated; the sum of
// drop_hits == lost(kScripted).
//
// Not here: the workload's own faults (a user-service outage, clock skew),
// which change reads and stamps but not what a broker delivers.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "models/brokers/delivery_stats.h"
#include "models/brokers/options.h"

namespace choreo::brokers {

// Why an extra copy exists.
enum class DuplicateReason : std::uint8_t { kInjected, kAfterDelete, kProducerRetry, kCount };

struct FaultCoverage {
  std::array<std::uint64_t, static_cast<std::size_t>(DuplicateReason::kCount)> duplicated_by{};
  // Per partition or disconnect the broker was given, in order: how many
  // subscriptions it cut (0: its window never began in the run, or no
  // subscription belongs to its service).
  std::vector<std::uint64_t> partition_cuts;
  // Per crash fault, in order: how many running workers it crashed.
  std::vector<std::uint64_t> crash_hits;
  // Per drop fault, in order: how many copies it dropped.
  std::vector<std::uint64_t> drop_hits;
  std::uint64_t partitioned = 0;       // subscriptions cut by a partition, in all
  std::uint64_t disconnected = 0;      // subscriptions cut by a disconnect, in all
  std::uint64_t scripted_crashes = 0;  // running workers a crash fault crashed, in all
  std::uint64_t rate_crashes = 0;      // broker.crash_rate crashes of running workers
  std::uint64_t offset_resets = 0;     // Kafka auto.offset.reset applications
  std::uint64_t segments_deleted = 0;  // Kafka log segments retention deleted

  std::uint64_t duplicated(DuplicateReason r) const { return duplicated_by[static_cast<std::size_t>(r)]; }
};

// The [fault.NAME] instance names of a FaultPlan's entries, index by index.
struct FaultNames {
  std::vector<std::string> partitions;
  std::vector<std::string> drops;
  std::vector<std::string> crashes;
};

// The knobs a scenario set that are meant to fire, and the number of times
// each did: `broker.loss` (copies lost by it), `broker.duplicate` (copies it
// made), `broker.delay` when it is not constant (deliveries it reordered),
// `broker.handler_error`, `broker.crash_rate`, and every `fault.NAME`.
struct ConfiguredFault {
  std::string key;      // "broker.loss", "fault.cut"
  std::string counter;  // the coverage counter it is read from ("injected_loss")
  std::uint64_t fired = 0;
};

// `names` name the broker's scripted faults (the first of each kind it was
// given, in order); `common` are its common knobs.
std::vector<ConfiguredFault> configured_faults(const CommonOptions& common, const FaultNames& names,
                                               const FaultCoverage& coverage, const DeliveryCounts& total);

// summary.json's `coverage`: one count per mechanism (injected_loss,
// scripted_drop, injected_duplicate, reordered, partition, disconnect, crash,
// disconnected_loss, slow_consumer_drop, crash_loss, handler_error,
// redelivered, dead_lettered, segment_deleted, retention_loss,
// offset_reset, reset_loss,
// after_delete_duplicate, producer_retry_duplicate, fifo_deduplicated) and
// `configured`: {key: fired} for configured_faults().
nlohmann::json coverage_json(const CommonOptions& common, const FaultNames& names,
                             const FaultCoverage& coverage, const DeliveryCounts& total);

}  // namespace choreo::brokers
