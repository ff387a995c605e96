// Sweep CSV columns and rows; see sweep_row.h.
#include "cli/sweep_row.h"

#include <fmt/format.h>

#include <algorithm>

namespace choreo::cli {

namespace {

// Summary paths of the fixed columns after seed, holds, converged,
// failed_expectations, scenario and overrides; the column is named like its path.
const char* const kSummaryColumns[] = {
    "events_processed",
    "sim_time_s",
    "trace_hash",
    "delivery.published",
    "delivery.delivered",
    "delivery.lost",
    "delivery.duplicated",
    "delivery.redelivered",
    "delivery.reordered",
    "delivery.dead_lettered",
    "delivery.bytes",
    "delivery.latency_ms.mean",
    "delivery.latency_ms.p50",
    "delivery.latency_ms.p99",
    "delivery.latency_ms.max",
    "reads.total",
    "reads.stale",
    "reads.failed",
    "reads.stale_fraction",
    "reads.latency_ms.mean",
    "reads.latency_ms.p50",
    "reads.latency_ms.p99",
    "reads.latency_ms.max",
};
const char* const kAggregateColumns[] = {"replicas_total", "replicas_converged", "divergent_keys_total",
                                         "abs_error_total", "abs_error_max"};
const char* const kReplicaFields[] = {"strategy", "converged", "converged_at_s", "divergent_keys",
                                      "abs_error"};
const char* const kServiceFields[] = {"count", "per_s"};

std::vector<std::string> fixed_columns() {
  std::vector<std::string> c = {"seed", "holds", "converged", "failed_expectations", "scenario", "overrides"};
  c.insert(c.end(), std::begin(kSummaryColumns), std::begin(kSummaryColumns) + 3);
  c.insert(c.end(), std::begin(kAggregateColumns), std::end(kAggregateColumns));
  c.insert(c.end(), std::begin(kSummaryColumns) + 3, std::end(kSummaryColumns));
  return c;
}

// The value at a dotted path, or nullptr.
const nlohmann::json* at_path(const nlohmann::json& j, const std::string& path) {
  const nlohmann::json* node = &j;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = std::min(path.find('.', start), path.size());
    if (!node->is_object()) return nullptr;
    const auto it = node->find(path.substr(start, end - start));
    if (it == node->end()) return nullptr;
    node = &*it;
    start = end + 1;
  }
  return node;
}

std::string scalar_text(const nlohmann::json* v) {
  if (v == nullptr) return "";
  if (v->is_boolean()) return v->get<bool>() ? "1" : "0";
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number()) return v->dump();
  return "";
}

const nlohmann::json* find_replica(const nlohmann::json& summary, const std::string& name) {
  const auto* replicas = at_path(summary, "replicas");
  if (replicas == nullptr || !replicas->is_array()) return nullptr;
  for (const auto& r : *replicas) {
    if (r.is_object() && r.value("name", "") == name) return &r;
  }
  return nullptr;
}

double number_or_zero(const nlohmann::json& r, const char* key) {
  const auto it = r.find(key);
  return it != r.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::vector<std::string> aggregate_fields(const nlohmann::json& summary) {
  const auto* replicas = at_path(summary, "replicas");
  if (replicas == nullptr || !replicas->is_array())
    return std::vector<std::string>(std::size(kAggregateColumns));
  int converged = 0;
  double keys = 0, error_total = 0, error_max = 0;
  for (const auto& r : *replicas) {
    converged += r.value("converged", false) ? 1 : 0;
    keys += number_or_zero(r, "divergent_keys");
    error_total += number_or_zero(r, "abs_error");
    error_max = std::max(error_max, number_or_zero(r, "abs_error"));
  }
  // Whole numbers print as integers, like the per-replica fields they sum.
  const auto num = [](double x) {
    const bool whole = x == static_cast<double>(static_cast<std::int64_t>(x)) && x > -9e15 && x < 9e15;
    return whole ? std::to_string(static_cast<std::int64_t>(x)) : nlohmann::json(x).dump();
  };
  return {std::to_string(replicas->size()), std::to_string(converged), num(keys), num(error_total),
          num(error_max)};
}

std::string failed_expectations(const nlohmann::json& summary) {
  std::string names;
  const auto* ex = at_path(summary, "expectations");
  if (ex == nullptr || !ex->is_array()) return names;
  for (const auto& e : *ex) {
    if (e.value("holds", true)) continue;
    names += names.empty() ? "" : ";";
    names += e.value("name", "?");
  }
  return names;
}

}  // namespace

std::vector<std::string> RowSchema::columns() const {
  std::vector<std::string> c = vary_keys;
  const auto fixed = fixed_columns();
  c.insert(c.end(), fixed.begin(), fixed.end());
  for (const auto& r : replicas) {
    for (const char* f : kReplicaFields) c.push_back(fmt::format("replicas.{}.{}", r, f));
  }
  for (const auto& s : services) {
    for (const char* f : kServiceFields) c.push_back(fmt::format("requests.{}.{}", s, f));
  }
  for (const auto& k : swarm_keys) c.push_back("swarm." + k);
  if (wall_time) c.emplace_back("wall_time_s");
  c.emplace_back("fingerprint");
  return c;
}

RowSchema row_schema(const Grid& grid, bool wall_time, const nlohmann::json& first) {
  RowSchema schema;
  for (const auto& v : grid.varies) schema.vary_keys.push_back(v.key);
  schema.wall_time = wall_time;
  if (const auto* replicas = at_path(first, "replicas"); replicas != nullptr && replicas->is_array()) {
    for (const auto& r : *replicas) {
      if (r.is_object() && r.contains("name")) schema.replicas.push_back(r.value("name", ""));
    }
  }
  if (const auto* requests = at_path(first, "requests"); requests != nullptr && requests->is_object()) {
    for (const auto& [name, _] : requests->items()) schema.services.push_back(name);
  }
  if (const auto swarm = first.find("swarm"); swarm != first.end() && swarm->is_object()) {
    for (const auto& [key, _] : swarm->items()) schema.swarm_keys.push_back(key);
  }
  return schema;
}

sim::Result<RowSchema> schema_from_header(const Grid& grid, bool wall_time,
                                          const std::vector<std::string>& header) {
  RowSchema schema = row_schema(grid, wall_time, nlohmann::json::object());
  const auto expected = schema.columns();
  const auto mismatch = [&] {
    const auto seed = std::find(header.begin(), header.end(), "seed");
    const std::vector<std::string> theirs(header.begin(), seed);
    if (seed == header.end() || theirs != schema.vary_keys) {
      const auto join = [](const std::vector<std::string>& keys) {
        std::string text;
        for (const auto& k : keys) text += (text.empty() ? "" : ",") + k;
        return text.empty() ? std::string("none") : text;
      };
      return sim::Error{
          fmt::format("its header is not this sweep's (its varied keys: {}; this command's: {})",
                      join(theirs), join(schema.vary_keys))};
    }
    const bool has_wall = std::find(header.begin(), header.end(), "wall_time_s") != header.end();
    if (has_wall != wall_time) {
      return sim::Error{fmt::format("its header is not this sweep's (it was written {} --wall-time)",
                                    has_wall ? "with" : "without")};
    }
    return sim::Error{
        "its header is not this sweep's (its fixed columns differ: written by another choreo?)"};
  };
  if (header.empty() || header.back() != "fingerprint") {
    return sim::Error{"it has no fingerprint column (written by an older choreo, or not by choreo sweep)"};
  }
  const std::size_t prefix = expected.size() - (wall_time ? 2 : 1);
  if (header.size() < expected.size() ||
      !std::equal(expected.begin(), expected.begin() + prefix, header.begin())) {
    return mismatch();
  }
  const std::string tail = fmt::format(".{}", kReplicaFields[0]);
  for (std::size_t i = prefix; i < header.size(); ++i) {
    const auto& c = header[i];
    if (c.starts_with("replicas.") && c.ends_with(tail) && schema.services.empty()) {
      schema.replicas.push_back(c.substr(9, c.size() - 9 - tail.size()));
    } else if (c.starts_with("requests.") && c.ends_with(".count")) {
      schema.services.push_back(c.substr(9, c.size() - 9 - 6));
    } else if (c.starts_with("swarm.")) {
      schema.swarm_keys.push_back(c.substr(6));
    }
  }
  if (schema.columns() != header) return mismatch();
  return schema;
}

std::vector<std::string> row_fields(const RowSchema& schema, const std::vector<std::string>& vary_values,
                                    const nlohmann::json& summary, bool holds,
                                    const SweepIdentity& identity) {
  std::vector<std::string> f = vary_values;
  f.push_back(scalar_text(at_path(summary, "seed")));
  f.emplace_back(holds ? "1" : "0");
  f.push_back(scalar_text(at_path(summary, "converged")));
  f.push_back(failed_expectations(summary));
  f.push_back(scalar_text(at_path(summary, "scenario")));
  f.push_back(identity.overrides);
  for (std::size_t i = 0; i < 3; ++i) f.push_back(scalar_text(at_path(summary, kSummaryColumns[i])));
  const auto aggregates = aggregate_fields(summary);
  f.insert(f.end(), aggregates.begin(), aggregates.end());
  for (std::size_t i = 3; i < std::size(kSummaryColumns); ++i) {
    f.push_back(scalar_text(at_path(summary, kSummaryColumns[i])));
  }
  for (const auto& name : schema.replicas) {
    const auto* r = find_replica(summary, name);
    for (const char* field : kReplicaFields) f.push_back(r == nullptr ? "" : scalar_text(at_path(*r, field)));
  }
  for (const auto& s : schema.services) {
    const auto* service = at_path(summary, "requests");
    service = service != nullptr && service->contains(s) ? &service->at(s) : nullptr;
    for (const char* field : kServiceFields)
      f.push_back(service == nullptr ? "" : scalar_text(at_path(*service, field)));
  }
  const auto swarm = summary.find("swarm");
  for (const auto& k : schema.swarm_keys) {
    const bool has = swarm != summary.end() && swarm->is_object() && swarm->contains(k);
    f.push_back(has ? scalar_text(&swarm->at(k)) : "");
  }
  if (schema.wall_time) f.push_back(scalar_text(at_path(summary, "wall_time_s")));
  f.push_back(identity.fingerprint);
  return f;
}

std::vector<std::string> unlisted_replicas(const RowSchema& schema, const nlohmann::json& summary) {
  std::vector<std::string> out;
  const auto* replicas = at_path(summary, "replicas");
  if (replicas == nullptr || !replicas->is_array()) return out;
  for (const auto& r : *replicas) {
    const std::string name = r.is_object() ? r.value("name", "") : "";
    if (std::find(schema.replicas.begin(), schema.replicas.end(), name) == schema.replicas.end())
      out.push_back(name);
  }
  return out;
}

}  // namespace choreo::cli
