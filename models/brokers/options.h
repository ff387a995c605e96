// Option structs shared by every broker: the common fault knobs and the
// scripted faults. Every field states its unit and default; the [broker] and
// [fault.*] scenario sections fill them (broker_settings.h).
//
// All common faults are off by default, so a broker with default options
// behaves as its real counterpart on a healthy network.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/distribution.h"
#include "sim/time.h"

namespace choreo::brokers {

struct CommonOptions {
  // Probability that a copy bound for one subscription is dropped. Default 0.
  double loss = 0;
  // Probability that a copy is doubled (NATS, Kafka: per subscription copy;
  // SQS: the publisher's send is repeated, as a retry would). Default 0.
  double duplicate = 0;
  // Network transit per copy, microseconds (NATS: broker to subscriber, kept
  // FIFO per publisher as TCP does; SQS: into the queue, which reorders;
  // Kafka: producer to partition leader). Default constant 0.
  sim::Distribution delay;
  // Probability that processing fails without applying the message (as if
  // the handler returned false). Default 0.
  double handler_error = 0;
  // Processing time per message, microseconds. Default constant 0.
  sim::Distribution processing;
  // Crashes per second per worker (exponential gaps); 0 = none. Default 0.
  double crash_rate_per_s = 0;
  // Downtime after a rate crash, microseconds. Default 5 s.
  sim::Time restart_after = 5 * sim::kSecond;
};

// Cut `service`'s connection to the broker over [from, to).
struct PartitionFault {
  std::string service;
  sim::Time from = 0;
  sim::Time to = 0;
};

// Drop the nth (1-based) message published on `topic`: for every subscriber,
// or only for `service` when it is not empty.
struct DropFault {
  std::string topic;
  std::uint64_t nth = 1;
  std::string service;
};

// Crash worker `worker` of `service` at `at`; restart it after
// `restart_after` (kForever: never).
struct CrashFault {
  std::string service;
  std::uint32_t worker = 0;
  sim::Time at = 0;
  sim::Time restart_after = 5 * sim::kSecond;
};

struct FaultPlan {
  std::vector<PartitionFault> partitions;
  std::vector<DropFault> drops;
  std::vector<CrashFault> crashes;
};

}  // namespace choreo::brokers
