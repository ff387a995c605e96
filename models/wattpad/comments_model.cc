// The comments-system scenario; see comments_model.h.
#include "models/wattpad/comments_model.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "models/wattpad/checker.h"
#include "models/wattpad/comments_options.h"
#include "models/wattpad/counter_replica.h"
#include "models/wattpad/counts_sampler.h"
#include "models/wattpad/message_names.h"
#include "models/wattpad/mirror_replica.h"
#include "models/wattpad/owners.h"
#include "models/wattpad/reads.h"
#include "models/wattpad/syncer.h"
#include "models/wattpad/user_api.h"
#include "models/wattpad/user_client.h"
#include "sim/convergence.h"
#include "sim/time_series.h"

namespace choreo::wattpad {

namespace {

class CommentsModel final : public models::Model {
 public:
  explicit CommentsModel(CommentsOptions options) : o_(std::move(options)) {}

  void build(sim::Simulation& sim) override;
  void run(sim::Simulation& sim) override {
    sim.run_until(o_.duration);
    sim.run_until(o_.duration + o_.settle);
    final_sample_ = true;  // the verdict compares every key
    sample(sim.now());
    std::vector<std::string> services;
    for (const ReplicaSpec& s : o_.replicas) services.push_back(s.service);
    checker_.trace_every_key(sim.trace(), sim.now(), services);
  }
  void report(const sim::Simulation& sim, nlohmann::json& summary) const override;
  std::vector<models::Footprint> footprint() const override;
  bool write_time_series(std::ostream& out) const override {
    series_->write_csv(out);
    return true;
  }

 private:
  // Builds the replica `s` describes, subscribes it and has the checker
  // track it. Returns its view if it is a mirror.
  const ProfilesView* add_replica(const ReplicaSpec& s);
  // Orchestration: the user service's instances and the reads' client.
  void add_user_api(sim::Simulation& sim);
  void sample(sim::Time t);
  // What the comment service's ledger records: every comment only when a
  // counter's anti-entropy pull replays them.
  CommentRecords comment_records() const;
  nlohmann::json faults_json() const;
  nlohmann::json user_service_json() const;

  CommentsOptions o_;
  KeyIndex keys_;  // the count keys, shared by the comment service, the counters and the checker
  MessageNames names_{o_.workload.shards};  // the trace file's names for messages
  std::unique_ptr<brokers::Broker> broker_;
  UserService* users_ = nullptr;
  CommentService* comments_ = nullptr;
  Reads* reads_ = nullptr;
  CallPool calls_;  // orchestrated lookups in flight
  UserApi* api_ = nullptr;
  UserClient* client_ = nullptr;
  Syncer* syncer_ = nullptr;
  std::vector<std::unique_ptr<Replica>> replicas_;  // in o_.replicas order
  sim::ConvergenceChecker checker_;
  std::vector<std::unique_ptr<CountsSampler>> count_samplers_;  // one per counter replica
  bool final_sample_ = false;
  std::unique_ptr<sim::TimeSeries> series_;
};

// Per user: the owner's profile, and in each mirror its strategy's entry
// and the version it shows. Counters grow with comments, not up front.
std::vector<models::Footprint> CommentsModel::footprint() const {
  std::uint64_t bytes = ProfileLedger::kBytesPerUser;
  int mirrors = 0;
  for (const ReplicaSpec& s : o_.replicas) {
    if (s.kind() != ReplicaKind::kMirror) continue;
    bytes += MirrorReplica::kBytesPerUser + s.strategy->bytes_per_user;
    ++mirrors;
  }
  return {{"workload.users", fmt::format("users (a profile and {} mirror entries)", mirrors),
           o_.workload.users, bytes}};
}

void CommentsModel::build(sim::Simulation& sim) {
  broker_ = brokers::make_broker(o_.broker, sim);
  broker_->set_describer(&names_);
  const WorkloadOptions& w = o_.workload;
  users_ = &sim.add<UserService>(w, *broker_, sim.rng("wattpad/users"), o_.duration);
  comments_ = &sim.add<CommentService>(w, keys_, comment_records(), *broker_, sim.rng("wattpad/comments"),
                                       o_.duration);
  syncer_ = &sim.add<Syncer>();
  const ProfilesView* first_mirror = nullptr;
  for (const ReplicaSpec& s : o_.replicas) {
    const ProfilesView* mirror = add_replica(s);
    if (first_mirror == nullptr) first_mirror = mirror;
  }
  std::vector<std::string> columns = checker_.columns();
  for (const char* c : {"reads.total", "reads.stale", "reads.failed"}) columns.emplace_back(c);
  series_ = std::make_unique<sim::TimeSeries>(columns);
  reads_ = &sim.add<Reads>(w, *users_, *comments_, first_mirror, sim.rng("wattpad/reads"), o_.duration);
  if (w.orchestration) add_user_api(sim);
  users_->start();
  comments_->start();
  reads_->start();
  syncer_->start();
  sim.add_sampler(o_.sample_period, o_.sample_period, [this](sim::Time t) { sample(t); });
}

CommentRecords CommentsModel::comment_records() const {
  for (const ReplicaSpec& s : o_.replicas) {
    if (s.recovery == Recovery::kAntiEntropy && s.strategy->pull_replays_comments)
      return CommentRecords::kEvery;
  }
  return CommentRecords::kHeld;
}

void CommentsModel::add_user_api(sim::Simulation& sim) {
  const WorkloadOptions& w = o_.workload;
  const std::uint32_t instances = w.user_instances;
  api_ = &sim.add_group<UserApi>(instances, o_.user_api, instances, w.outage_from, w.outage_to, calls_,
                                 sim.rng("wattpad/user-service"));
  client_ =
      &sim.add<UserClient>(o_.user_api, api_->id(), instances, calls_, sim.rng("wattpad/user-client"),
                           [reads = reads_](sim::Time latency, bool ok) { reads->finished(latency, ok); });
  api_->set_client(client_->id());
  reads_->set_client(client_);
}

const ProfilesView* CommentsModel::add_replica(const ReplicaSpec& s) {
  const ProfilesView* mirror = nullptr;
  std::unique_ptr<Replica> replica;
  if (s.kind() == ReplicaKind::kMirror) {
    const ProfileLedger& owner = users_->ledger();
    auto m = std::make_unique<MirrorReplica>(s.memory_store, owner, s.strategy->make_mirror(owner.users()));
    mirror = m.get();
    checker_.track(s.name, [&owner, mirror](std::size_t n) { return compare_profiles(owner, *mirror, n); });
    replica = std::move(m);
  } else {
    const CommentLedger& owner = comments_->ledger();
    auto c = std::make_unique<CounterReplica>(s.memory_store, owner, s.strategy->make_counter());
    auto& sampler =
        count_samplers_.emplace_back(std::make_unique<CountsSampler>(owner, c->counts(), c->changes()));
    checker_.track(s.name, [this, &owner, &counts = c->counts(), &sampler = *sampler](std::size_t n) {
      // Naming every key (explain) compares every key and leaves the samples be.
      if (n == sim::DivergenceBuilder::kEveryKey) return compare_counts(owner, counts, n);
      return sampler.sample(n, final_sample_);
    });
    replica = std::move(c);
  }
  broker_->subscribe(s.topic(), s.service, *replica,
                     {.workers = s.workers, .rewind_on_restart = s.recovery == Recovery::kBootstrap});
  if (s.recovery == Recovery::kAntiEntropy) syncer_->add(*replica, s.sync_interval);
  replicas_.push_back(std::move(replica));
  return mirror;
}

void CommentsModel::sample(sim::Time t) {
  checker_.sample(t);
  comments_->forget_changes();
  std::vector<double> row;
  checker_.append_row(row);
  row.push_back(static_cast<double>(reads_->total()));
  row.push_back(static_cast<double>(reads_->stale()));
  row.push_back(static_cast<double>(reads_->failed()));
  series_->add_row(t, std::move(row));
}

nlohmann::json CommentsModel::faults_json() const {
  nlohmann::json faults = nlohmann::json::array();
  const WorkloadOptions& w = o_.workload;
  if (w.outage_to > w.outage_from) {
    faults.push_back({{"name", "user-service outage"},
                      {"from_s", sim::to_seconds(w.outage_from)},
                      {"to_s", sim::to_seconds(w.outage_to)}});
  }
  for (const auto& p : o_.broker.faults.partitions) {
    faults.push_back({{"name", "partition " + p.service},
                      {"from_s", sim::to_seconds(p.from)},
                      {"to_s", sim::to_seconds(p.to)}});
  }
  return faults;
}

void CommentsModel::report(const sim::Simulation&, nlohmann::json& summary) const {
  nlohmann::json replicas = nlohmann::json::array();
  for (std::size_t i = 0; i < o_.replicas.size(); ++i) {
    const ReplicaSpec& s = o_.replicas[i];
    nlohmann::json r = {{"name", s.name},
                        {"kind", kind_name(s.kind())},
                        {"strategy", s.strategy->name},
                        {"recovery", kRecoveryNames[static_cast<int>(s.recovery)]}};
    r.update(checker_.to_json(i));
    replicas.push_back(std::move(r));
  }
  summary["replicas"] = replicas;
  nlohmann::json delivery;
  broker_->write_json(delivery);
  summary["delivery"] = delivery;
  summary["coverage"] = brokers::coverage_json(o_.broker.common, o_.broker.fault_names, broker_->coverage(),
                                               broker_->stats().total());
  summary["reads"] = reads_->to_json();
  const double seconds = sim::to_seconds(o_.duration);
  summary["requests"] = {
      {"user-service", user_service_json()},
      {"anti-entropy",
       {{"count", syncer_->pulls()}, {"per_s", static_cast<double>(syncer_->pulls()) / seconds}}}};
  summary["faults"] = faults_json();
}

// Choreography sends nothing: count and per_s only. Orchestration adds the
// requests' fate and the capacity they met.
nlohmann::json CommentsModel::user_service_json() const {
  const double seconds = sim::to_seconds(o_.duration);
  if (client_ == nullptr) return {{"count", 0}, {"per_s", 0.0}};
  const UserApiOptions& u = o_.user_api;
  const std::uint32_t instances = o_.workload.user_instances;
  const sim::Histogram& latency = client_->attempt_latency();
  return {{"count", client_->requests()},
          {"per_s", static_cast<double>(client_->requests()) / seconds},
          {"timeouts", client_->timeouts()},
          {"refused", client_->refusals()},
          {"retries", client_->retries()},
          {"late_answers", client_->late()},
          {"served", api_->served()},
          {"peak_held", api_->peak_held()},
          {"latency_ms",
           {{"p50", sim::to_millis(latency.percentile(0.5))},
            {"p99", sim::to_millis(latency.percentile(0.99))},
            {"max", sim::to_millis(latency.max())}}},
          {"capacity",
           {{"instances", instances},
            {"concurrency", u.concurrency},
            {"max_connections", u.max_connections},
            {"service_time", u.service_time.text},
            {"per_s", u.capacity_per_s(instances)},
            {"timeout_ms", sim::to_millis(u.timeout)},
            {"retries", u.retries},
            {"backoff_ms", sim::to_millis(u.backoff)}}}};
}

}  // namespace

void declare_comments(sim::ConfigSchema& schema) { declare_comments_keys(schema); }

sim::Result<std::unique_ptr<models::Model>> make_comments_model(const sim::Config& config) {
  auto options = comments_options(config);
  if (!options) return options.error();
  return std::unique_ptr<models::Model>(std::make_unique<CommentsModel>(std::move(*options)));
}

}  // namespace choreo::wattpad
