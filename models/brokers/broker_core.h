// What the three brokers share: topics, subscriptions and their worker
// nodes, the server node, the common fault knobs, scripted faults, and the
// bookkeeping of a delivery (handler call, stats, reorder detection).
//
// Not a broker by itself: NatsBroker, SqsBroker and KafkaBroker derive from
// it and supply the delivery semantics through the on_* hooks.
//
// Invariants: subscription ids and topic ids are dense, in creation order;
// worker w of subscription s is node subs_[s].first + w; every random draw
// comes from a per-topic or per-subscription stream named after it, so adding
// a subscription never changes another's draws.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/brokers/broker.h"
#include "models/brokers/fault_coverage.h"
#include "models/brokers/options.h"
#include "sim/random.h"
#include "sim/rng.h"
#include "sim/simulation.h"

namespace choreo::brokers {

// A published message as the broker keeps it.
struct Envelope {
  Message msg;
  std::uint64_t seq = 0;        // publish order in this broker, from 1
  std::uint64_t topic_seq = 0;  // publish order on its topic, from 1
  sim::NodeId publisher = sim::kNoNode;
  TopicId topic = 0;
  bool duplicate = false;  // an extra copy
};

struct SubCore {
  std::string service;
  TopicId topic = 0;
  Handler* handler = nullptr;
  std::uint32_t workers = 1;
  bool rewind_on_restart = false;    // SubscribeOptions::rewind_on_restart (Kafka only)
  sim::NodeId first = sim::kNoNode;  // node id of worker 0
  sim::Rng rng{0};                   // loss, duplication, handler errors, processing
  int partitioned = 0;               // how many partitions or disconnects cut it now
  int disconnected = 0;              // how many of them are disconnects
  // Highest seq first-delivered per publisher (index publisher + 1; 0 for
  // kNoNode): the reorder detector.
  std::vector<std::uint64_t> path_max;
  int rate = -1;  // index of its crash_at_rate() spec, or -1
  sim::Rng crash_rng{0};
};

struct TopicCore {
  std::string name;
  std::vector<SubscriptionId> subs;
  std::uint64_t published = 0;
  sim::Rng rng{0};  // topic-level draws (SQS duplication, Kafka produce path)
};

class BrokerCore : public Broker {
 public:
  BrokerCore(sim::Simulation& sim, std::string kind, const CommonOptions& common, const FaultPlan& plan);

  std::string_view kind() const override { return kind_; }
  TopicId topic(std::string_view name) override;
  SubscriptionId subscribe(std::string_view topic, std::string_view service, Handler& handler,
                           const SubscribeOptions& options = {}) override;
  void partition(std::string_view service, sim::Time from, sim::Time to) override;
  void disconnect(std::string_view service, sim::Time from, sim::Time to) override;
  void crash(std::string_view service, std::uint32_t worker, sim::Time at, sim::Time restart_after) override;
  void crash_at_rate(std::string_view service, double per_s, sim::Time restart_after) override;
  void drop_nth(std::string_view topic, std::uint64_t nth, std::string_view service = {}) override;
  void set_describer(const MessageDescriber* describer) override { describer_ = describer; }
  const DeliveryStats& stats() const override { return stats_; }
  const FaultCoverage& coverage() const override { return coverage_; }
  sim::NodeId worker_node(SubscriptionId sub, std::uint32_t worker) const override;

  // Called by the broker's nodes.
  void dispatch_server(const sim::Event& e);
  void dispatch_worker(SubscriptionId sub, std::uint32_t worker, const sim::Event& e) {
    on_worker_event(sub, worker, e);
  }
  void worker_crashed(SubscriptionId sub, std::uint32_t worker);
  // Event names for the trace file.
  std::string_view server_event_name(std::uint16_t kind) const;
  virtual std::string_view worker_event_name(std::uint16_t kind) const = 0;
  void worker_restarted(SubscriptionId sub, std::uint32_t worker);

 protected:
  // Server event kinds below this are the core's (faults).
  static constexpr std::uint16_t kFirstKind = 8;

  virtual void on_subscribe(SubscriptionId sub) = 0;
  virtual void on_server_event(const sim::Event& e) = 0;
  virtual void on_worker_event(SubscriptionId sub, std::uint32_t worker, const sim::Event& e) = 0;
  virtual void on_worker_crash(SubscriptionId sub, std::uint32_t worker) = 0;
  virtual void on_worker_restart(SubscriptionId sub, std::uint32_t worker) = 0;
  // cut: the first partition or disconnect over `sub` began; !cut: the last
  // one ended.
  virtual void on_partition(SubscriptionId sub, bool cut) = 0;
  // A disconnect over `sub` began (after on_partition(sub, true) when it is
  // the first cut). Default: nothing more than the partition.
  virtual void on_disconnect(SubscriptionId sub) { (void)sub; }
  // Name of a broker-specific server event kind (>= kFirstKind).
  virtual std::string_view broker_event_name(std::uint16_t kind) const = 0;

  static constexpr SubscriptionId kNoSub = UINT32_MAX;

  // Counts a publish and wraps it.
  Envelope stamp(TopicId topic, sim::NodeId publisher, Message m);
  // A scripted drop or the injected loss takes this copy (counted, noted).
  bool dropped(SubscriptionId sub, const Envelope& env) {
    return (!drops_.empty() || common_.loss > 0) && scripted_or_lost(sub, env);
  }
  bool draw_duplicate(sim::Rng& rng) {
    return common_.duplicate > 0 && sim::bernoulli(rng, common_.duplicate);
  }
  void count_duplicate(const Envelope& env, DuplicateReason why, SubscriptionId sub = kNoSub);
  // `sub`: the subscription that lost it, when `where` is not one of its
  // workers (trace file only).
  void lose(TopicId topic, const Envelope& env, LossReason reason, sim::NodeId where,
            SubscriptionId sub = kNoSub);
  // `n` copies lost at once (Kafka retention and offset resets).
  void lose_many(TopicId topic, std::uint64_t n, LossReason reason, sim::NodeId where);
  // Runs the handler for a processed delivery and counts it; false on a
  // handler error. Fills worker, publisher, delivered_at in `info`.
  bool process(SubscriptionId sub, std::uint32_t worker, const Envelope& env, DeliveryInfo info);
  sim::Time processing_time(SubscriptionId sub) {
    return processing_zero_ ? 0 : common_.processing.sample_time(subs_[sub].rng);
  }
  sim::Time transit(sim::Rng& rng) const { return delay_zero_ ? 0 : common_.delay.sample_time(rng); }
  bool up(SubscriptionId sub, std::uint32_t worker) const { return sim_.is_up(subs_[sub].first + worker); }

  // Trace lines (broker_trace.cc; README "The trace file"): written only
  // while the trace file is, never folded into the hash.
  struct CopyNote {
    SubscriptionId sub = kNoSub;
    int worker = -1;            // < 0: no worker
    std::uint32_t attempt = 0;  // 0: not written
    std::string_view result;    // empty: not written
    std::string_view reason;    // empty: not written
  };
  bool tracing() const { return sim_.trace().writing(); }
  // A line about one message (copy) at node `where`.
  void trace_copy(std::string_view kind, sim::NodeId where, const Envelope& env, const CopyNote& note);
  // `worker` takes the copy on (NATS: starts it; SQS: receives it; Kafka: fetches it).
  // `reason`: why it came now (SQS: short-poll-sample), empty if nothing to say.
  void trace_deliver(SubscriptionId sub, std::uint32_t worker, const Envelope& env, std::uint32_t attempt = 1,
                     std::string_view reason = {}) {
    trace_copy("deliver", subs_[sub].first + worker, env,
               {.sub = sub, .worker = static_cast<int>(worker), .attempt = attempt, .reason = reason});
  }
  void trace_process(SubscriptionId sub, std::uint32_t worker, const Envelope& env, const DeliveryInfo& info,
                     bool ok, std::uint64_t overtaken_by);
  // Kafka: `worker` committed `offset` (the next to read) of `partition`.
  void trace_commit(SubscriptionId sub, std::uint32_t worker, std::uint32_t partition, std::uint64_t offset);
  // `n` records lost at once, without their messages (Kafka).
  void trace_lost_many(SubscriptionId sub, std::uint64_t n, LossReason reason);

  sim::Simulation& sim_;
  sim::NodeId server_ = sim::kNoNode;
  std::vector<SubCore> subs_;
  std::vector<TopicCore> topics_;
  DeliveryStats stats_;
  FaultCoverage coverage_;
  CommonOptions common_;
  bool processing_zero_ = true;  // processing is constant 0: skip the draw
  bool delay_zero_ = true;       // delay is constant 0: skip the draw

 private:
  enum CoreKind : std::uint16_t {
    kPartitionStart,
    kPartitionEnd,
    kCrash,
    kRestart,
    kRateCrash,
    kRateRestart
  };
  struct RateCrash {
    std::string service;
    double per_s;
    sim::Time restart_after;
  };
  void start_rate_crashes(SubscriptionId sub, std::uint32_t rate);
  void schedule_rate_crash(SubscriptionId sub, std::uint32_t worker);
  void on_core_event(const sim::Event& e);
  void add_partition(PartitionFault fault);
  void set_partition(std::size_t fault, bool start);

  // dropped() once some drop is scripted or loss is set.
  bool scripted_or_lost(SubscriptionId sub, const Envelope& env);
  // The subscription whose worker `node` is, or kNoSub.
  SubscriptionId sub_of(sim::NodeId node) const;

  std::string kind_;
  const MessageDescriber* describer_ = nullptr;
  std::uint64_t published_total_ = 0;
  std::vector<PartitionFault> partitions_;
  std::vector<CrashFault> crashes_;
  std::vector<RateCrash> rates_;
  struct Drop {
    TopicId topic;
    std::uint64_t nth;
    std::string service;
  };
  std::vector<Drop> drops_;
};

}  // namespace choreo::brokers
