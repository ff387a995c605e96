// The machinery all brokers share; see broker_core.h.
#include "models/brokers/broker_core.h"

#include <cassert>
#include <iterator>
#include <string>

#include "sim/pack.h"

namespace choreo::brokers {

namespace {

// The broker's own node: it never crashes; the events of the broker's
// machinery (arrivals, appends, timeouts, faults) run here.
class ServerNode final : public sim::Node {
 public:
  ServerNode(std::string name, BrokerCore& core) : Node(std::move(name)), core_(core) {}
  void on_event(const sim::Event& e) override { core_.dispatch_server(e); }
  std::string_view kind_name(std::uint16_t kind) const override { return core_.server_event_name(kind); }

 private:
  BrokerCore& core_;
};

// The workers of one subscription, one group member each.
class WorkerGroup final : public sim::Node {
 public:
  WorkerGroup(std::string name, BrokerCore& core, SubscriptionId sub)
      : Node(std::move(name)), core_(core), sub_(sub) {}
  void on_event(const sim::Event& e) override { core_.dispatch_worker(sub_, e.node - id(), e); }
  void on_member_crash(sim::NodeId member) override { core_.worker_crashed(sub_, member - id()); }
  void on_member_restart(sim::NodeId member) override { core_.worker_restarted(sub_, member - id()); }
  std::string_view kind_name(std::uint16_t kind) const override { return core_.worker_event_name(kind); }

 private:
  BrokerCore& core_;
  SubscriptionId sub_;
};

bool is_zero(const sim::Distribution& d) { return d.kind == sim::Distribution::Kind::kConstant && d.a == 0; }

}  // namespace

BrokerCore::BrokerCore(sim::Simulation& sim, std::string kind, const CommonOptions& common,
                       const FaultPlan& plan)
    : sim_(sim), common_(common), kind_(std::move(kind)) {
  processing_zero_ = is_zero(common.processing);
  delay_zero_ = is_zero(common.delay);
  server_ = sim.add<ServerNode>("broker", *this).id();
  for (const auto& p : plan.partitions) add_partition(p);
  for (const auto& c : plan.crashes) crash(c.service, c.worker, c.at, c.restart_after);
  for (const auto& d : plan.drops) drop_nth(d.topic, d.nth, d.service);
}

TopicId BrokerCore::topic(std::string_view name) {
  for (std::size_t i = 0; i < topics_.size(); ++i) {
    if (topics_[i].name == name) return static_cast<TopicId>(i);
  }
  TopicCore t;
  t.name = std::string(name);
  t.rng = sim_.rng("broker/topic/" + t.name);
  topics_.push_back(std::move(t));
  stats_.add_topic(std::string(name));
  return static_cast<TopicId>(topics_.size() - 1);
}

SubscriptionId BrokerCore::subscribe(std::string_view topic_name, std::string_view service, Handler& handler,
                                     const SubscribeOptions& options) {
  assert(options.workers >= 1);
  const TopicId t = topic(topic_name);
  for (SubscriptionId s : topics_[t].subs)
    assert(subs_[s].service != service && "one subscription per service");
  const auto id = static_cast<SubscriptionId>(subs_.size());
  SubCore sub;
  sub.service = std::string(service);
  sub.topic = t;
  sub.handler = &handler;
  sub.workers = options.workers;
  sub.rewind_on_restart = options.rewind_on_restart;
  const std::string name = sub.service + "@" + topics_[t].name;
  sub.rng = sim_.rng("broker/sub/" + name);
  sub.crash_rng = sim_.rng("broker/crash/" + name);
  sub.first = sim_.add_group<WorkerGroup>(options.workers, name, *this, id).id();
  subs_.push_back(std::move(sub));
  topics_[t].subs.push_back(id);
  on_subscribe(id);
  for (std::size_t r = 0; r < rates_.size(); ++r) {
    if (rates_[r].service == service) start_rate_crashes(id, static_cast<std::uint32_t>(r));
  }
  if (common_.crash_rate_per_s > 0 && subs_[id].rate < 0) {
    rates_.push_back({std::string(service), common_.crash_rate_per_s, common_.restart_after});
    start_rate_crashes(id, static_cast<std::uint32_t>(rates_.size() - 1));
  }
  return id;
}

sim::NodeId BrokerCore::worker_node(SubscriptionId sub, std::uint32_t worker) const {
  assert(sub < subs_.size() && worker < subs_[sub].workers);
  return subs_[sub].first + worker;
}

void BrokerCore::partition(std::string_view service, sim::Time from, sim::Time to) {
  add_partition({std::string(service), from, to, false});
}

void BrokerCore::disconnect(std::string_view service, sim::Time from, sim::Time to) {
  add_partition({std::string(service), from, to, true});
}

void BrokerCore::add_partition(PartitionFault fault) {
  assert(fault.from <= fault.to);
  partitions_.push_back(std::move(fault));
  coverage_.partition_cuts.push_back(0);
  const auto i = partitions_.size() - 1;
  sim_.send_at(partitions_[i].from, server_, kPartitionStart, i);
  sim_.send_at(partitions_[i].to, server_, kPartitionEnd, i);
}

void BrokerCore::crash(std::string_view service, std::uint32_t worker, sim::Time at,
                       sim::Time restart_after) {
  crashes_.push_back({std::string(service), worker, at, restart_after});
  coverage_.crash_hits.push_back(0);
  sim_.send_at(at, server_, kCrash, crashes_.size() - 1);
}

void BrokerCore::crash_at_rate(std::string_view service, double per_s, sim::Time restart_after) {
  assert(per_s > 0);
  rates_.push_back({std::string(service), per_s, restart_after});
  for (SubscriptionId s = 0; s < subs_.size(); ++s) {
    if (subs_[s].service == service) start_rate_crashes(s, static_cast<std::uint32_t>(rates_.size() - 1));
  }
}

void BrokerCore::drop_nth(std::string_view topic_name, std::uint64_t nth, std::string_view service) {
  assert(nth >= 1);
  drops_.push_back({topic(topic_name), nth, std::string(service)});
  coverage_.drop_hits.push_back(0);
}

void BrokerCore::start_rate_crashes(SubscriptionId sub, std::uint32_t rate) {
  subs_[sub].rate = static_cast<int>(rate);
  for (std::uint32_t w = 0; w < subs_[sub].workers; ++w) schedule_rate_crash(sub, w);
}

void BrokerCore::schedule_rate_crash(SubscriptionId sub, std::uint32_t worker) {
  SubCore& s = subs_[sub];
  const double mean_us = 1e6 / rates_[static_cast<std::size_t>(s.rate)].per_s;
  const auto gap = static_cast<sim::Time>(sim::exponential(s.crash_rng, mean_us));
  sim_.send(server_, gap, kRateCrash, sim::pack_halves(sub, worker));
}

std::string_view BrokerCore::server_event_name(std::uint16_t kind) const {
  static constexpr std::string_view kCore[] = {"partition-start", "partition-end", "crash",
                                               "restart",         "rate-crash",    "rate-restart"};
  if (kind < std::size(kCore)) return kCore[kind];
  return kind < kFirstKind ? "core" : broker_event_name(kind);
}

void BrokerCore::dispatch_server(const sim::Event& e) {
  if (e.kind < kFirstKind) {
    on_core_event(e);
  } else {
    on_server_event(e);
  }
}

void BrokerCore::on_core_event(const sim::Event& e) {
  const auto [sub, worker] = sim::unpack_halves(e.arg);  // rate crashes only
  switch (e.kind) {
    case kPartitionStart:
      set_partition(e.arg, true);
      break;
    case kPartitionEnd:
      set_partition(e.arg, false);
      break;
    case kCrash:
    case kRestart: {
      const CrashFault& c = crashes_[e.arg];
      for (SubscriptionId s = 0; s < subs_.size(); ++s) {
        if (subs_[s].service != c.service || c.worker >= subs_[s].workers) continue;
        if (e.kind == kCrash) {
          if (up(s, c.worker)) {
            ++coverage_.crash_hits[e.arg];
            ++coverage_.scripted_crashes;
          }
          sim_.crash(subs_[s].first + c.worker, "fault");
        } else {
          sim_.restart(subs_[s].first + c.worker);
        }
      }
      if (e.kind == kCrash && c.restart_after != sim::kForever)
        sim_.send(server_, c.restart_after, kRestart, e.arg);
      break;
    }
    case kRateCrash:
      if (up(sub, worker)) ++coverage_.rate_crashes;
      sim_.crash(subs_[sub].first + worker, "crash-rate");
      sim_.send(server_, rates_[static_cast<std::size_t>(subs_[sub].rate)].restart_after, kRateRestart,
                e.arg);
      break;
    case kRateRestart:
      sim_.restart(subs_[sub].first + worker);
      schedule_rate_crash(sub, worker);
      break;
    default:
      assert(false && "unknown core event");
  }
}

void BrokerCore::set_partition(std::size_t index, bool start) {
  const PartitionFault& fault = partitions_[index];
  for (SubscriptionId s = 0; s < subs_.size(); ++s) {
    SubCore& sub = subs_[s];
    if (sub.service != fault.service) continue;
    if (start) {
      ++coverage_.partition_cuts[index];
      ++(fault.disconnect ? coverage_.disconnected : coverage_.partitioned);
    }
    if (fault.disconnect) {
      sim_.note(sub.first, start ? "disconnect-start" : "disconnect-end");
      sub.disconnected += start ? 1 : -1;
    } else {
      sim_.note(sub.first, start ? "partition-start" : "partition-end");
    }
    if (start && sub.partitioned++ == 0) on_partition(s, true);
    if (start && fault.disconnect && sub.disconnected == 1) on_disconnect(s);
    if (!start && --sub.partitioned == 0) on_partition(s, false);
  }
}

void BrokerCore::worker_crashed(SubscriptionId sub, std::uint32_t worker) {
  on_worker_crash(sub, worker);
  subs_[sub].handler->on_worker_crash(worker);
}

void BrokerCore::worker_restarted(SubscriptionId sub, std::uint32_t worker) {
  subs_[sub].handler->on_worker_restart(worker);
  on_worker_restart(sub, worker);
}

Envelope BrokerCore::stamp(TopicId t, sim::NodeId publisher, Message m) {
  TopicCore& topic = topics_[t];
  DeliveryCounts& c = stats_.topic(t);
  ++c.published;
  c.bytes += m.bytes;
  m.published_at = sim_.now();
  Envelope env;
  env.msg = m;
  env.seq = ++published_total_;
  env.topic_seq = ++topic.published;
  env.publisher = publisher;
  env.topic = t;
  if (tracing()) trace_copy("publish", publisher, env, {});
  return env;
}

bool BrokerCore::scripted_or_lost(SubscriptionId sub, const Envelope& env) {
  const SubCore& s = subs_[sub];
  for (std::size_t i = 0; i < drops_.size(); ++i) {
    const Drop& d = drops_[i];
    if (d.topic == env.topic && d.nth == env.topic_seq && (d.service.empty() || d.service == s.service)) {
      ++coverage_.drop_hits[i];
      lose(s.topic, env, LossReason::kScripted, s.first);
      return true;
    }
  }
  if (common_.loss > 0 && sim::bernoulli(subs_[sub].rng, common_.loss)) {
    lose(s.topic, env, LossReason::kInjected, s.first);
    return true;
  }
  return false;
}

void BrokerCore::count_duplicate(const Envelope& env, DuplicateReason why, SubscriptionId sub) {
  ++stats_.topic(env.topic).duplicated;
  ++coverage_.duplicated_by[static_cast<std::size_t>(why)];
  sim_.fold_note(server_, "duplicate", {{"seq", static_cast<std::int64_t>(env.seq)}});
  if (!tracing()) return;
  static constexpr std::string_view kWhy[] = {"injected", "after-delete", "producer-retry"};
  trace_copy("duplicate", server_, env, {.sub = sub, .reason = kWhy[static_cast<std::size_t>(why)]});
}

void BrokerCore::lose(TopicId t, const Envelope& env, LossReason reason, sim::NodeId where,
                      SubscriptionId sub) {
  ++stats_.topic(t).lost_by[static_cast<std::size_t>(reason)];
  sim_.fold_note(
      where, "lost",
      {{"reason", static_cast<std::int64_t>(reason)}, {"seq", static_cast<std::int64_t>(env.seq)}});
  if (!tracing()) return;
  trace_copy("lost", where, env,
             {.sub = sub != kNoSub ? sub : sub_of(where), .reason = loss_reason_name(reason)});
}

void BrokerCore::lose_many(TopicId t, std::uint64_t n, LossReason reason, sim::NodeId where) {
  if (n == 0) return;
  stats_.topic(t).lost_by[static_cast<std::size_t>(reason)] += n;
  sim_.fold_note(where, "lost",
                 {{"reason", static_cast<std::int64_t>(reason)}, {"count", static_cast<std::int64_t>(n)}});
  if (tracing()) trace_lost_many(sub_of(where), n, reason);
}

bool BrokerCore::process(SubscriptionId sub, std::uint32_t worker, const Envelope& env, DeliveryInfo info) {
  SubCore& s = subs_[sub];
  DeliveryCounts& c = stats_.topic(s.topic);
  info.worker = worker;
  info.publisher = env.publisher;
  info.delivered_at = sim_.now();
  info.duplicate = info.duplicate || env.duplicate;
  ++c.delivered;
  c.bytes += env.msg.bytes;
  stats_.record_latency(s.topic, sim_.now() - env.msg.published_at);
  std::uint64_t overtaken_by = 0;  // the later-published seq delivered first
  if (info.redelivered) {
    ++c.redelivered;
    sim_.fold_note(s.first + worker, "redelivered", {{"seq", static_cast<std::int64_t>(env.seq)}});
  } else if (!info.duplicate) {
    const std::size_t path = env.publisher == sim::kNoNode ? 0 : std::size_t{env.publisher} + 1;
    if (path >= s.path_max.size()) s.path_max.resize(path + 1, 0);
    if (env.seq < s.path_max[path]) {
      ++c.reordered;
      overtaken_by = s.path_max[path];
    } else {
      s.path_max[path] = env.seq;
    }
  }
  const bool ok = !(common_.handler_error > 0 && sim::bernoulli(s.rng, common_.handler_error)) &&
                  s.handler->handle(env.msg, info);
  if (!ok) ++c.handler_errors;
  if (tracing()) trace_process(sub, worker, env, info, ok, overtaken_by);
  return ok;
}

}  // namespace choreo::brokers
