// The broker table: every broker a scenario can name in `broker.kind`, one
// row each, in the order `choreo keys` and error messages list them.
//
//   const BrokerKind* kind = find_broker_kind("sqs");   // nullptr if unknown
//   for (const BrokerKind& k : broker_kinds()) ...       // nats, sqs, sqs-fifo, kafka
//
// A row says what the broker is called, what it models in one line, which
// scenario keys it adds, how it reads them into its options struct, and how
// it is built. `broker.kind`'s allowed values come from here, so a kind
// without a row cannot be named. The first row is the default kind.
//
// Adding a broker: its files (the broker, its options struct with sourced
// defaults, its keys), its options struct in BrokerOptions below, one row in
// broker_table.cc, its tests (the conformance suite in tests/brokers runs
// over every row by itself) and a scenario. See docs/architecture.md.
//
// Not the place for the common keys ([broker], [fault.*]): broker_settings.h.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <variant>

#include "models/brokers/broker.h"
#include "models/brokers/kafka_broker.h"
#include "models/brokers/nats_broker.h"
#include "models/brokers/sqs_broker.h"
#include "sim/config.h"
#include "sim/config_schema.h"
#include "sim/simulation.h"

namespace choreo::brokers {

// The options struct of one broker kind; which alternative is the row's
// business (sqs and sqs-fifo share SqsOptions).
using BrokerOptions = std::variant<NatsOptions, SqsOptions, KafkaOptions>;

struct BrokerSettings;  // broker_settings.h

// What the broker promises a subscription on delivery, stated by its row and
// held to by the conformance tests (tests/brokers/conformance_test.cc).
enum class Guarantee {
  // Never a second delivery of a published copy; what a fault takes is lost
  // (and counted as lost).
  kAtMostOnce,
  // Every published copy reaches the subscription's handler, if need be again
  // after a crash or a partition, unless retention, a dead-letter move or
  // injected loss takes it (counted).
  kAtLeastOnce,
};

struct BrokerKind {
  std::string_view name;     // the value of broker.kind, and Broker::kind() of what make() builds
  std::string_view summary;  // a few words: guarantee and order (`choreo keys` shows it)
  Guarantee guarantee;
  // Adds the kind's own section ([nats], [sqs], [kafka]). Rows sharing a
  // section share this function; declare() calls it once.
  void (*declare)(sim::ConfigSchema& schema);
  // Reads that section from a checked Config into the kind's options.
  BrokerOptions (*options)(const sim::Config& config);
  // Builds the broker, adding its nodes to `sim`.
  // REQUIRES: settings.kind is this row; settings.options holds its type.
  std::unique_ptr<Broker> (*make)(const BrokerSettings& settings, sim::Simulation& sim);
};

// Every row, in table order.
std::span<const BrokerKind> broker_kinds();
// The row named `name`, or nullptr.
const BrokerKind* find_broker_kind(std::string_view name);

}  // namespace choreo::brokers
