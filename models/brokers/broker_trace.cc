// The brokers' lines in the trace file (README.md, "The trace file"): one
// per publish, delivery, processing, ack or commit, loss, duplicate,
// dead-letter move. Every function here only writes; none draws a random
// number, changes state or folds into the trace hash, so a run traced and a
// run untraced are the same run.
#include <string>

#include "models/brokers/broker_core.h"

namespace choreo::brokers {

namespace {

// The fields every line about a message carries, in this order.
void add_message(sim::TraceLine& line, const Envelope& env, std::string_view topic,
                 const MessageDescriber* describer, std::string_view publisher) {
  line.add("msg", static_cast<std::int64_t>(env.seq)).add_text("topic", topic);
  const std::string_view type =
      describer != nullptr ? describer->type_name(env.msg.type) : std::string_view{};
  if (type.empty()) {
    line.add("type", env.msg.type);
  } else {
    line.add_text("type", type);
  }
  if (describer != nullptr) {
    describer->add_keys(env.msg, line);
  } else {
    line.add("key", static_cast<std::int64_t>(env.msg.key));
  }
  line.add_text("publisher", publisher);
}

}  // namespace

SubscriptionId BrokerCore::sub_of(sim::NodeId node) const {
  for (SubscriptionId s = 0; s < subs_.size(); ++s) {
    if (node >= subs_[s].first && node - subs_[s].first < subs_[s].workers) return s;
  }
  return kNoSub;
}

void BrokerCore::trace_copy(std::string_view kind, sim::NodeId where, const Envelope& env,
                            const CopyNote& note) {
  const std::string node = sim_.node_name(where);
  const std::string publisher = sim_.node_name(env.publisher);
  sim::TraceLine line(sim_.now(), node, kind);
  add_message(line, env, topics_[env.topic].name, describer_, publisher);
  if (note.sub != kNoSub) line.add_text("service", subs_[note.sub].service);
  if (note.worker >= 0) line.add("worker", note.worker);
  if (note.attempt > 0) line.add("attempt", note.attempt);
  if (env.duplicate) line.add("duplicate", 1);
  if (!note.result.empty()) line.add_text("result", note.result);
  if (!note.reason.empty()) line.add_text("reason", note.reason);
  sim_.trace().write(line);
}

void BrokerCore::trace_process(SubscriptionId sub, std::uint32_t worker, const Envelope& env,
                               const DeliveryInfo& info, bool ok, std::uint64_t overtaken_by) {
  const std::string node = sim_.node_name(subs_[sub].first + worker);
  const std::string publisher = sim_.node_name(env.publisher);
  sim::TraceLine line(sim_.now(), node, "process");
  add_message(line, env, topics_[env.topic].name, describer_, publisher);
  line.add_text("service", subs_[sub].service).add("worker", worker).add("attempt", info.receive_count);
  if (info.duplicate) line.add("duplicate", 1);
  if (info.redelivered) {
    // SQS: back after its visibility timeout; Kafka: read again from an
    // offset below the group's high-water mark (a commit that never came,
    // or a rewind).
    line.add_text("redelivery", kind_ == "kafka" ? "replay" : "visibility-timeout");
  }
  if (overtaken_by != 0) line.add("overtaken_by", static_cast<std::int64_t>(overtaken_by));
  line.add("latency_us", sim_.now() - env.msg.published_at);
  line.add_text("result", ok ? "ok" : "handler-error");
  sim_.trace().write(line);
}

void BrokerCore::trace_commit(SubscriptionId sub, std::uint32_t worker, std::uint32_t partition,
                              std::uint64_t offset) {
  const std::string node = sim_.node_name(subs_[sub].first + worker);
  sim::TraceLine line(sim_.now(), node, "commit");
  line.add_text("topic", topics_[subs_[sub].topic].name)
      .add_text("service", subs_[sub].service)
      .add("worker", worker)
      .add("partition", partition)
      .add("offset", static_cast<std::int64_t>(offset));
  sim_.trace().write(line);
}

void BrokerCore::trace_lost_many(SubscriptionId sub, std::uint64_t n, LossReason reason) {
  const std::string node = sim_.node_name(sub != kNoSub ? subs_[sub].first : server_);
  sim::TraceLine line(sim_.now(), node, "lost");
  if (sub != kNoSub)
    line.add_text("topic", topics_[subs_[sub].topic].name).add_text("service", subs_[sub].service);
  line.add("count", static_cast<std::int64_t>(n)).add_text("reason", loss_reason_name(reason));
  sim_.trace().write(line);
}

}  // namespace choreo::brokers
