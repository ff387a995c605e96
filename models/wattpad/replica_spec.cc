// The [replica.NAME] keys and their checks; see replica_spec.h.
#include "models/wattpad/replica_spec.h"

#include <algorithm>
#include <cassert>

#include "models/wattpad/events.h"
#include "sim/units.h"

namespace choreo::wattpad {

using sim::ValueType;

namespace {

// The values of replica.*.store: false (durable), then true (memory).
constexpr std::array<std::string_view, 2> kStores = {"durable", "memory"};

template <std::size_t N>
std::vector<std::string> texts(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

template <std::size_t N>
std::size_t index_of(const std::array<std::string_view, N>& names, std::string_view name) {
  const auto it = std::find(names.begin(), names.end(), name);
  assert(it != names.end() && "the schema allows only these values");
  return static_cast<std::size_t>(it - names.begin());
}

// "mirror: a|b; counter: c|d", from the table.
std::string strategy_help() {
  std::string help;
  for (const ReplicaKind kind : {ReplicaKind::kMirror, ReplicaKind::kCounter}) {
    if (!help.empty()) help.append("; ");
    help.append(kind_name(kind)).append(":");
    char sep = ' ';
    for (const Strategy& s : strategies()) {
      if (s.kind() != kind) continue;
      help.push_back(sep);
      help.append(s.name);
      sep = '|';
    }
  }
  return help;
}

// One instance's keys, typed; the service not yet defaulted to the name.
ReplicaSpec read_spec(const sim::Config& c, const std::string& name) {
  const std::string k = "replica." + name + ".";
  ReplicaSpec s;
  s.name = name;
  s.strategy = &strategy(c.text(k + "strategy"));
  s.service = c.text(k + "service");
  s.workers = static_cast<std::uint32_t>(c.integer(k + "workers"));
  s.recovery = static_cast<Recovery>(index_of(kRecoveryNames, c.text(k + "recovery")));
  s.sync_interval = c.duration(k + "sync_interval");
  s.memory_store = index_of(kStores, c.text(k + "store")) == 1;
  return s;
}

// What one replica's keys allow together.
sim::Status check_spec(const sim::Config& c, const ReplicaSpec& s, const WorkloadOptions& w,
                       std::string_view broker_kind) {
  const std::string k = "replica." + s.name + ".";
  const std::string& kind = c.text(k + "kind");
  if (kind != kind_name(s.kind())) {
    const ReplicaKind wanted =
        kind == kind_name(ReplicaKind::kMirror) ? ReplicaKind::kMirror : ReplicaKind::kCounter;
    return c.error(k + "strategy", "a " + kind + " takes " + strategy_list(wanted));
  }
  if (s.strategy == &strategy("mv-register") && w.user_instances > kMaxVectorHosts) {
    const std::string most = std::to_string(kMaxVectorHosts);
    return c.error(k + "strategy", "mv-register carries a version vector of at most " + most +
                                       " user-service hosts; set workload.user_instances to " + most +
                                       " or fewer");
  }
  if (s.recovery == Recovery::kBootstrap && broker_kind != "kafka") {
    return c.error(
        k + "recovery",
        "bootstrap replays the log from its earliest offset and needs broker.kind = kafka (here: " +
            std::string(broker_kind) + ")");
  }
  return sim::Ok{};
}

// A broker takes one subscription per (topic, service): two replicas that
// would share one are refused, at the `service` key that was written.
sim::Status check_services(const sim::Config& c, const std::vector<ReplicaSpec>& specs) {
  for (std::size_t i = 0; i < specs.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const ReplicaSpec &a = specs[j], &b = specs[i];
      if (a.topic() != b.topic() || a.service != b.service) continue;
      const std::string key = c.text("replica." + b.name + ".service").empty()
                                  ? "replica." + a.name + ".service"
                                  : "replica." + b.name + ".service";
      return c.error(key, "replicas " + a.name + " and " + b.name + " would both consume topic '" +
                              std::string(a.topic()) + "' as service '" + a.service +
                              "'; give each its own service");
    }
  }
  return sim::Ok{};
}

}  // namespace

void declare_replicas(sim::ConfigSchema& s) {
  const ReplicaSpec d;
  std::vector<std::string> names;
  for (const Strategy& st : strategies()) names.emplace_back(st.name);
  s.add({.key = "replica.*.kind",
         .type = ValueType::kEnum,
         .default_value = std::string(kind_name(d.kind())),
         .allowed = texts(kReplicaKindNames),
         .help = "a user mirror (users topic) or comment counters (comments topic)"});
  s.add({.key = "replica.*.strategy",
         .type = ValueType::kEnum,
         .default_value = std::string(d.strategy->name),
         .allowed = names,
         .help = strategy_help()});
  s.add({.key = "replica.*.service",
         .type = ValueType::kString,
         .default_value = d.service,
         .help = "the consuming service's name (default: the replica's name)"});
  s.add({.key = "replica.*.workers",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.workers),
         .min = "1",
         .max = "1024",
         .help = "competing consumer workers writing the one store"});
  s.add({.key = "replica.*.recovery",
         .type = ValueType::kEnum,
         .default_value = std::string(kRecoveryNames[static_cast<int>(d.recovery)]),
         .allowed = texts(kRecoveryNames),
         .help = "anti-entropy: pull the owner's full state every sync_interval; "
                 "bootstrap: on a worker's restart, replay the Kafka log from its earliest retained offset"});
  s.add({.key = "replica.*.sync_interval",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.sync_interval),
         .min = "1ms",
         .help = "anti-entropy period"});
  s.add({.key = "replica.*.store",
         .type = ValueType::kEnum,
         .default_value = std::string(kStores[d.memory_store]),
         .allowed = texts(kStores),
         .help = "memory: the store is lost when a worker crashes"});
}

sim::Result<std::vector<ReplicaSpec>> replica_specs(const sim::Config& c, const WorkloadOptions& w,
                                                    std::string_view broker_kind) {
  std::vector<ReplicaSpec> specs;
  for (const std::string& name : c.instances("replica")) {
    ReplicaSpec s = read_spec(c, name);
    if (auto ok = check_spec(c, s, w, broker_kind); !ok) return ok.error();
    if (s.service.empty()) s.service = name;
    specs.push_back(std::move(s));
  }
  if (auto ok = check_services(c, specs); !ok) return ok.error();
  return specs;
}

}  // namespace choreo::wattpad
