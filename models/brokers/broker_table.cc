// The broker table; see broker_table.h.
#include "models/brokers/broker_table.h"

#include <array>

#include "models/brokers/broker_settings.h"

namespace choreo::brokers {

namespace {

template <class BrokerType, class Options>
std::unique_ptr<Broker> make(const BrokerSettings& s, sim::Simulation& sim) {
  return std::make_unique<BrokerType>(sim, std::get<Options>(s.options), s.common, s.faults);
}

BrokerOptions nats(const sim::Config& c) { return nats_options(c); }
BrokerOptions sqs(const sim::Config& c) { return sqs_options(c); }
BrokerOptions sqs_fifo(const sim::Config& c) {
  SqsOptions o = sqs_options(c);
  o.fifo = true;
  return o;
}
BrokerOptions kafka(const sim::Config& c) { return kafka_options(c); }

const std::array<BrokerKind, 4> kBrokers = {{
    {"nats", "core NATS, at most once, in order per publisher", Guarantee::kAtMostOnce, &declare_nats_keys,
     &nats, &make<NatsBroker, NatsOptions>},
    {"sqs", "SQS standard, at least once, best-effort order", Guarantee::kAtLeastOnce, &declare_sqs_keys,
     &sqs, &make<SqsBroker, SqsOptions>},
    {"sqs-fifo", "SQS FIFO, in order per message group, deduplicated", Guarantee::kAtLeastOnce,
     &declare_sqs_keys, &sqs_fifo, &make<SqsBroker, SqsOptions>},
    {"kafka", "Kafka, in order per partition, replays from the last commit", Guarantee::kAtLeastOnce,
     &declare_kafka_keys, &kafka, &make<KafkaBroker, KafkaOptions>},
}};

}  // namespace

std::span<const BrokerKind> broker_kinds() { return kBrokers; }

const BrokerKind* find_broker_kind(std::string_view name) {
  for (const BrokerKind& k : kBrokers) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace choreo::brokers
