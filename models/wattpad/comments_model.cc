// The comments-system scenario; see comments_model.h.
#include "models/wattpad/comments_model.h"

#include <string>
#include <vector>

#include "models/brokers/broker_settings.h"
#include "models/wattpad/counters.h"
#include "models/wattpad/mirror.h"
#include "models/wattpad/owners.h"
#include "models/wattpad/reads.h"
#include "models/wattpad/schema.h"
#include "sim/convergence.h"
#include "sim/time_series.h"

namespace choreo::wattpad {

namespace {

struct ReplicaSpec {
  std::string name, kind, strategy, service, recovery;
  std::uint32_t workers = 1;
  sim::Time sync_interval = 0;
  bool memory = false;
};

// Pulls the owner's state into each anti-entropy replica at its interval.
class Syncer final : public sim::Node {
 public:
  Syncer() : Node("anti-entropy") {}
  void add(Replica* r, sim::Time every) { replicas_.push_back({r, every}); }
  void start() {
    for (std::size_t i = 0; i < replicas_.size(); ++i) sim().timer(id(), replicas_[i].second, 0, i);
  }
  void on_event(const sim::Event& e) override {
    replicas_[e.arg].first->sync();
    ++pulls_;
    sim().timer(id(), replicas_[e.arg].second, 0, e.arg);
  }
  std::string_view kind_name(std::uint16_t) const override { return "sync"; }
  std::uint64_t pulls() const { return pulls_; }

 private:
  std::vector<std::pair<Replica*, sim::Time>> replicas_;
  std::uint64_t pulls_ = 0;
};

class CommentsModel final : public models::Model {
 public:
  CommentsModel(const sim::Config& config, brokers::BrokerSettings broker, std::vector<ReplicaSpec> specs)
      : config_(config),
        broker_settings_(std::move(broker)),
        w_(workload_options(config)),
        specs_(std::move(specs)),
        duration_(config.duration("run.duration")),
        settle_(config.duration("run.settle")),
        period_(config.duration("run.sample_period")) {}

  void build(sim::Simulation& sim) override;
  void run(sim::Simulation& sim) override {
    sim.run_until(duration_);
    sim.run_until(duration_ + settle_);
    sample(sim.now());
  }
  void report(const sim::Simulation& sim, nlohmann::json& summary) const override;
  bool write_time_series(std::ostream& out) const override {
    series_->write_csv(out);
    return true;
  }

 private:
  void sample(sim::Time t);

  sim::Config config_;
  brokers::BrokerSettings broker_settings_;
  WorkloadOptions w_;
  std::vector<ReplicaSpec> specs_;
  sim::Time duration_, settle_, period_;
  std::unique_ptr<brokers::Broker> broker_;
  UserService* users_ = nullptr;
  CommentService* comments_ = nullptr;
  Reads* reads_ = nullptr;
  Syncer* syncer_ = nullptr;
  std::vector<std::unique_ptr<Replica>> replicas_;
  sim::ConvergenceChecker checker_;
  std::unique_ptr<sim::TimeSeries> series_;
};

void CommentsModel::build(sim::Simulation& sim) {
  broker_ = brokers::make_broker(broker_settings_, sim);
  users_ = &sim.add<UserService>(w_, *broker_, sim.rng("wattpad/users"), duration_);
  comments_ = &sim.add<CommentService>(w_, *broker_, sim.rng("wattpad/comments"), duration_);
  syncer_ = &sim.add<Syncer>();
  const Mirror* first_mirror = nullptr;
  for (const auto& s : specs_) {
    std::unique_ptr<Replica> replica;
    if (s.kind == "mirror") {
      auto m = std::make_unique<Mirror>(s.name, s.strategy, s.memory, *users_);
      if (first_mirror == nullptr) first_mirror = m.get();
      replica = std::move(m);
    } else {
      replica = std::make_unique<Counters>(s.name, s.strategy, s.memory, *comments_);
    }
    broker_->subscribe(s.kind == "mirror" ? "users" : "comments", s.service, *replica,
                       {.workers = s.workers, .rewind_on_restart = s.recovery == "bootstrap"});
    if (s.recovery == "anti-entropy") syncer_->add(replica.get(), s.sync_interval);
    checker_.track(s.name, [r = replica.get()] { return r->divergence(); });
    replicas_.push_back(std::move(replica));
  }
  std::vector<std::string> columns = checker_.columns();
  for (const char* c : {"reads.total", "reads.stale", "reads.failed"}) columns.emplace_back(c);
  series_ = std::make_unique<sim::TimeSeries>(columns);
  reads_ = &sim.add<Reads>(w_, *users_, first_mirror, sim.rng("wattpad/reads"), duration_);
  users_->start();
  comments_->start();
  reads_->start();
  syncer_->start();
  sim.add_sampler(period_, period_, [this](sim::Time t) { sample(t); });
}

void CommentsModel::sample(sim::Time t) {
  checker_.sample(t);
  std::vector<double> row;
  checker_.append_row(row);
  row.push_back(static_cast<double>(reads_->total()));
  row.push_back(static_cast<double>(reads_->stale()));
  row.push_back(static_cast<double>(reads_->failed()));
  series_->add_row(t, std::move(row));
}

void CommentsModel::report(const sim::Simulation&, nlohmann::json& summary) const {
  nlohmann::json replicas = nlohmann::json::array();
  for (std::size_t i = 0; i < replicas_.size(); ++i) {
    nlohmann::json r = {{"name", replicas_[i]->name()},
                        {"kind", replicas_[i]->kind()},
                        {"strategy", replicas_[i]->strategy()},
                        {"recovery", specs_[i].recovery}};
    r.update(checker_.to_json(i));
    replicas.push_back(std::move(r));
  }
  summary["replicas"] = replicas;
  nlohmann::json delivery;
  broker_->write_json(delivery);
  summary["delivery"] = delivery;
  summary["reads"] = reads_->to_json();
  const double seconds = sim::to_seconds(duration_);
  summary["requests"] = {
      {"user-service",
       {{"count", reads_->requests()}, {"per_s", static_cast<double>(reads_->requests()) / seconds}}},
      {"anti-entropy",
       {{"count", syncer_->pulls()}, {"per_s", static_cast<double>(syncer_->pulls()) / seconds}}}};
  nlohmann::json faults = nlohmann::json::array();
  if (w_.outage_to > w_.outage_from) {
    faults.push_back({{"name", "user-service outage"},
                      {"from_s", sim::to_seconds(w_.outage_from)},
                      {"to_s", sim::to_seconds(w_.outage_to)}});
  }
  for (const auto& p : broker_settings_.faults.partitions) {
    faults.push_back({{"name", "partition " + p.service},
                      {"from_s", sim::to_seconds(p.from)},
                      {"to_s", sim::to_seconds(p.to)}});
  }
  summary["faults"] = faults;
}

}  // namespace

void declare_comments(sim::ConfigSchema& schema) { declare_wattpad(schema); }

sim::Result<std::unique_ptr<models::Model>> make_comments_model(const sim::Config& config) {
  std::vector<ReplicaSpec> specs;
  for (const auto& name : config.instances("replica")) {
    const std::string k = "replica." + name + ".";
    ReplicaSpec s{name,
                  config.text(k + "kind"),
                  config.text(k + "strategy"),
                  config.text(k + "service"),
                  config.text(k + "recovery"),
                  static_cast<std::uint32_t>(config.integer(k + "workers")),
                  config.duration(k + "sync_interval"),
                  config.text(k + "store") == "memory"};
    if (s.service.empty()) s.service = name;
    const bool mirror_strategy = s.strategy == "overwrite" || s.strategy == "lww-version" ||
                                 s.strategy == "lww-clock" || s.strategy == "mv-register";
    if (mirror_strategy != (s.kind == "mirror")) {
      return config.error(k + "strategy",
                          s.kind == "mirror"
                              ? "a mirror takes overwrite, lww-version, lww-clock or mv-register"
                              : "a counter takes naive, dedup-id, 2p-set, or-set, g-counter or pn-counter");
    }
    if (s.strategy == "mv-register" && config.integer("workload.user_instances") > kMaxVectorHosts) {
      const std::string most = std::to_string(kMaxVectorHosts);
      return config.error(k + "strategy", "mv-register carries a version vector of at most " + most +
                                              " user-service hosts; set workload.user_instances to " + most +
                                              " or fewer");
    }
    if (s.recovery == "bootstrap" && config.text("broker.kind") != "kafka") {
      return config.error(k + "recovery",
                          "bootstrap replays the log from its earliest offset and needs "
                          "broker.kind = kafka (here: " +
                              config.text("broker.kind") + ")");
    }
    specs.push_back(std::move(s));
  }
  // Check the broker and the fault plan now, so a bad key fails before the run.
  auto broker = brokers::broker_settings(config);
  if (!broker) return broker.error();
  return std::unique_ptr<models::Model>(
      std::make_unique<CommentsModel>(config, std::move(*broker), std::move(specs)));
}

}  // namespace choreo::wattpad
