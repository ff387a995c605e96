// Trace line filters; see trace_filter.h.
#include "cli/trace_filter.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include "sim/units.h"

namespace choreo::cli {

namespace {

constexpr std::array<std::string_view, 5> kKeyFields = {"user", "comment", "story", "chapter", "paragraph"};

sim::Error bad(std::string_view term, std::string_view why) {
  return sim::Error{fmt::format("--trace-filter '{}': {}", term, why)};
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    out.push_back(text.substr(start, comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

sim::Status add_key(TraceFilter& f, std::string_view term, std::string_view value) {
  const std::size_t colon = value.find(':');
  const std::string_view field = value.substr(0, colon);
  if (colon == std::string_view::npos ||
      std::find(kKeyFields.begin(), kKeyFields.end(), field) == kKeyFields.end()) {
    return bad(term, "expected key=FIELD:N with FIELD one of user, comment, story, chapter, paragraph");
  }
  auto n = sim::parse_integer(value.substr(colon + 1));
  if (!n || *n < 0) return bad(term, "expected a non-negative integer after ':'");
  f.keys.emplace_back(std::string(field), *n);
  return sim::Ok{};
}

sim::Status add_replica(TraceFilter& f, std::string_view term, std::string_view name,
                        const sim::Config& config) {
  const auto replicas = config.instances("replica");
  if (std::find(replicas.begin(), replicas.end(), name) == replicas.end()) {
    std::string all;
    for (const auto& r : replicas) all += (all.empty() ? "" : ", ") + r;
    return bad(term, fmt::format("no replica '{}' in the scenario (replicas: {})", name,
                                 all.empty() ? "none" : all));
  }
  const std::string& service = config.text("replica." + std::string(name) + ".service");
  f.services.push_back(service.empty() ? std::string(name) : service);
  return sim::Ok{};
}

sim::Status add_term(TraceFilter& f, std::string_view term, const sim::Config& config) {
  const std::size_t eq = term.find('=');
  const std::string_view name = term.substr(0, eq);
  const std::string_view value = eq == std::string_view::npos ? std::string_view{} : term.substr(eq + 1);
  if (eq == std::string_view::npos || value.empty()) {
    return bad(term, "expected NAME=VALUE with NAME one of key, replica, from, to, kind");
  }
  if (name == "key") return add_key(f, term, value);
  if (name == "replica") return add_replica(f, term, value, config);
  if (name == "kind") {
    f.kinds.emplace_back(value);
    return sim::Ok{};
  }
  if (name == "from" || name == "to") {
    auto t = sim::parse_duration(value);
    if (!t) return bad(term, t.error().message);
    (name == "from" ? f.from : f.to) = *t;
    return sim::Ok{};
  }
  return bad(term, fmt::format("unknown filter '{}' (allowed: key, replica, from, to, kind)", name));
}

}  // namespace

bool TraceFilter::empty() const {
  return keys.empty() && services.empty() && kinds.empty() && from == 0 && to == sim::kForever;
}

bool TraceFilter::keep(const sim::TraceLine& line) const {
  if (line.t() < from || line.t() >= to) return false;
  if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), line.kind()) == kinds.end()) return false;
  const bool about_message = line.find("msg") != nullptr;
  for (const auto& [field, value] : keys) {
    const sim::TraceLine::Value* v = line.find(field);
    if (v == nullptr ? about_message : (v->is_text || v->number != value)) return false;
  }
  if (services.empty()) return true;
  const sim::TraceLine::Value* service = line.find("service");
  for (const std::string& s : services) {
    if (service != nullptr && service->is_text && service->text == s) return true;
    // The service's own notes, on its nodes "<service>@<topic>[/worker]".
    if (service == nullptr && !about_message && line.node().size() > s.size() &&
        line.node().substr(0, s.size()) == s && line.node()[s.size()] == '@') {
      return true;
    }
  }
  return false;
}

sim::Result<TraceFilter> parse_trace_filter(const std::vector<std::string>& values,
                                            const sim::Config& config) {
  TraceFilter f;
  for (const std::string& value : values) {
    for (const std::string& term : split(value)) {
      if (auto added = add_term(f, term, config); !added) return added.error();
    }
  }
  if (f.from >= f.to) {
    return sim::Error{fmt::format("--trace-filter: from={} is not before to={}", sim::format_duration(f.from),
                                  sim::format_duration(f.to))};
  }
  return f;
}

}  // namespace choreo::cli
