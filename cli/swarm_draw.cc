// Drawing a seed's fault mix; see swarm_draw.h.
#include "cli/swarm_draw.h"

#include <fmt/format.h>

#include <algorithm>

#include "sim/random.h"
#include "sim/rng.h"

namespace choreo::cli {

namespace {

constexpr const char* kCut = "fault.swarm-cut.";

// A magnitude in (0, max]: max * k / 1000 for k uniform in 1..1000, so a
// draw is never 0 and is written in few digits.
double scaled(sim::Rng& rng, double max) {
  return max * static_cast<double>(sim::uniform_int(rng, 1, 1000)) / 1000.0;
}

// A probability as a percentage the parser reads back: "1.234%".
std::string percent(double p) { return fmt::format("{:.6g}%", p * 100.0); }

}  // namespace

sim::Result<SwarmRanges> swarm_ranges(const sim::Config& config, const std::string& model) {
  const auto effective = config.effective();
  const bool declared = std::any_of(effective.begin(), effective.end(),
                                    [](const sim::EffectiveValue& v) { return v.key == "swarm.on"; });
  if (!declared) {
    return sim::Error{fmt::format(
        "--swarm: model {} has no fault families to draw (no broker; [swarm] is the comments model's)",
        model)};
  }
  SwarmRanges r;
  r.on = config.probability("swarm.on");
  r.loss = config.probability("swarm.loss");
  r.duplicate = config.probability("swarm.duplicate");
  r.delay = config.duration("swarm.delay");
  r.handler_error = config.probability("swarm.handler_error");
  r.crash_rate = config.rate("swarm.crash_rate");
  r.partition = config.duration("swarm.partition");
  r.duration = config.duration("run.duration");
  for (const auto& name : config.instances("replica")) {
    const std::string& service = config.text("replica." + name + ".service");
    r.services.push_back(service.empty() ? name : service);
  }
  std::sort(r.services.begin(), r.services.end());
  r.services.erase(std::unique(r.services.begin(), r.services.end()), r.services.end());
  return r;
}

std::vector<std::string> swarm_keys() {
  std::vector<std::string> keys = {"broker.loss", "broker.duplicate", "broker.delay", "broker.handler_error",
                                   "broker.crash_rate"};
  for (const char* k : {"kind", "service", "from", "to"}) keys.push_back(std::string(kCut) + k);
  return keys;
}

SwarmDraw draw_swarm(const SwarmRanges& r, std::uint64_t seed) {
  sim::Rng rng = sim::Rng::stream(seed, "cli/swarm");
  // Every family draws the same number of values whether on or not, so one
  // family's range never shifts another's draws.
  const auto family = [&](double max) {
    const bool on = sim::bernoulli(rng, r.on) && max > 0;
    const double x = scaled(rng, max);
    return on ? x : 0.0;
  };
  SwarmDraw d;
  const double loss = family(r.loss);
  d.emplace_back("broker.loss", loss > 0 ? percent(loss) : "0");
  const double dup = family(r.duplicate);
  d.emplace_back("broker.duplicate", dup > 0 ? percent(dup) : "0");
  const double delay = family(static_cast<double>(r.delay));
  const auto delay_us = static_cast<sim::Time>(delay);
  d.emplace_back("broker.delay", delay_us > 0 ? fmt::format("exp:{}us", delay_us) : "0");
  const double errors = family(r.handler_error);
  d.emplace_back("broker.handler_error", errors > 0 ? percent(errors) : "0");
  const double crashes = family(r.crash_rate);
  d.emplace_back("broker.crash_rate", crashes > 0 ? fmt::format("{:.6g}/s", crashes) : "0");
  const double cut = r.services.empty() || r.duration <= 0 ? 0.0 : family(static_cast<double>(r.partition));
  const std::uint64_t which = sim::uniform_int(rng, std::max<std::uint64_t>(1, r.services.size()));
  const bool disconnect = sim::bernoulli(rng, 0.5);
  const auto from = static_cast<sim::Time>(sim::uniform_int(rng, std::max<std::uint64_t>(1, r.duration)));
  const auto length = std::max<sim::Time>(1, static_cast<sim::Time>(cut));
  const bool on = cut > 0;
  d.emplace_back(std::string(kCut) + "kind", on ? (disconnect ? "disconnect" : "partition") : "");
  d.emplace_back(std::string(kCut) + "service", on ? r.services[which] : "");
  d.emplace_back(std::string(kCut) + "from", on ? fmt::format("{}us", from) : "");
  d.emplace_back(std::string(kCut) + "to", on ? fmt::format("{}us", from + length) : "");
  return d;
}

std::vector<std::string> swarm_overrides(const SwarmDraw& draw) {
  std::vector<std::string> out;
  for (const auto& [key, value] : draw) {
    if (!value.empty()) out.push_back(key + "=" + value);
  }
  return out;
}

sim::Status check_not_drawn(const std::vector<std::string>& sets,
                            const std::vector<std::string>& varied_keys) {
  for (const std::string& key : swarm_keys()) {
    const std::string family = swarm_family(key);
    for (const auto& set : sets) {
      if (set.starts_with(family + ".") || set.starts_with(key + "=")) {
        return sim::Error{fmt::format(
            "--set {}: --swarm draws {} in every run; set its range in [swarm] instead", set, family)};
      }
    }
    for (const auto& varied : varied_keys) {
      if (varied == key || varied.starts_with(family + ".")) {
        return sim::Error{fmt::format(
            "--vary {}: --swarm draws {} in every run; vary its range in [swarm] instead", varied, family)};
      }
    }
  }
  return sim::Ok{};
}

std::string swarm_family(const std::string& key) {
  return key.starts_with(kCut) ? std::string(kCut, std::string_view(kCut).size() - 1) : key;
}

bool swarm_on(const std::string& value) { return !value.empty() && value != "0"; }

}  // namespace choreo::cli
