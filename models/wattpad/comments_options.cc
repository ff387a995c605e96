// A comments scenario's options, checked once; see comments_options.h.
#include "models/wattpad/comments_options.h"

#include <algorithm>
#include <string>

namespace choreo::wattpad {

namespace {

std::string services_of(const std::vector<ReplicaSpec>& specs, std::string_view topic = {}) {
  std::string out;
  for (const ReplicaSpec& s : specs) {
    if (topic.empty() || s.topic() == topic) out += (out.empty() ? "" : ", ") + s.service;
  }
  return out.empty() ? "none" : out;
}

// The most workers any subscription of `service` has (0: no such service).
std::uint32_t workers_of(const std::vector<ReplicaSpec>& specs, std::string_view service) {
  std::uint32_t most = 0;
  for (const ReplicaSpec& s : specs) {
    if (s.service == service) most = std::max(most, s.workers);
  }
  return most;
}

// Faults act on subscriptions: one aimed at a service, worker or topic the
// scenario does not have would silently do nothing.
sim::Status check_fault_targets(const sim::Config& c, const std::vector<ReplicaSpec>& specs) {
  for (const std::string& name : c.instances("fault")) {
    const std::string k = "fault." + name + ".";
    const std::string& service = c.text(k + "service");
    if (c.text(k + "kind") == "drop") {
      const std::string& topic = c.text(k + "topic");
      if (topic != "users" && topic != "comments") {
        return c.error(k + "topic", "the comments model has topics users and comments");
      }
      if (!service.empty() && std::none_of(specs.begin(), specs.end(), [&](const ReplicaSpec& s) {
            return s.topic() == topic && s.service == service;
          })) {
        return c.error(k + "service", "no replica consumes topic " + topic +
                                          " as this service (services: " + services_of(specs, topic) + ")");
      }
      continue;
    }
    const std::uint32_t workers = workers_of(specs, service);
    if (workers == 0) {
      return c.error(k + "service",
                     "no replica consumes as this service (services: " + services_of(specs) + ")");
    }
    if (c.text(k + "kind") == "crash" && c.integer(k + "worker") >= workers) {
      return c.error(k + "worker", "service " + service + " has workers 0.." + std::to_string(workers - 1));
    }
  }
  return sim::Ok{};
}

}  // namespace

void declare_comments_keys(sim::ConfigSchema& schema) {
  brokers::declare(schema);
  declare_workload(schema);
  declare_user_api(schema);
  declare_replicas(schema);
}

sim::Result<CommentsOptions> comments_options(const sim::Config& config) {
  auto workload = workload_options(config);
  if (!workload) return workload.error();
  auto broker = brokers::broker_settings(config);
  if (!broker) return broker.error();
  auto replicas = replica_specs(config, *workload, broker->kind->name);
  if (!replicas) return replicas.error();
  if (auto ok = check_fault_targets(config, *replicas); !ok) return ok.error();
  return CommentsOptions{.workload = std::move(*workload),
                         .user_api = user_api_options(config),
                         .replicas = std::move(*replicas),
                         .duration = config.duration("run.duration"),
                         .settle = config.duration("run.settle"),
                         .sample_period = config.duration("run.sample_period"),
                         .broker = std::move(*broker)};
}

}  // namespace choreo::wattpad
