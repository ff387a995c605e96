// Random valid values for the swarm (swarm_test.cc), drawn from each key's
// declared range in its schema, so a key added to any model is covered
// without touching this file. Deterministic: every draw comes from the Rng.
//
// Draws favour the edges (min, max, 0, 1) and spread the rest
// log-uniformly, where heavy tails and huge or tiny durations live. Two
// kinds of key have no range that keeps a short run short, so the swarm
// narrows them, as stated here: integers, rates and sizes stay within 10x
// their default (a 10^8-user run is a limit test, not a swarm run; those
// limits have tests of their own), and texts are names of things the
// scenario has (or fresh ones).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "sim/config_schema.h"
#include "sim/distribution.h"
#include "sim/random.h"
#include "sim/rng.h"
#include "sim/units.h"

namespace choreo::swarm {

namespace detail {

using sim::ValueType;

inline double log_uniform(sim::Rng& rng, double lo, double hi) {
  return std::exp(sim::uniform_real(rng, std::log(lo), std::log(hi)));
}

// Picks one of the edges or, otherwise, a log-uniform draw in [lo, hi] (lo > 0).
inline double edgy(sim::Rng& rng, double min, double max, double fallback, double lo, double hi) {
  const auto roll = sim::uniform_int(rng, 10);
  if (roll == 0) return min;
  if (roll == 1) return max;
  if (roll == 2) return fallback;
  return lo >= hi ? lo : log_uniform(rng, lo, hi);
}

inline std::string draw_integer(const sim::KeySpec& spec, sim::Rng& rng) {
  const double min = spec.min.empty() ? 0 : static_cast<double>(*sim::parse_integer(spec.min));
  const double dflt = static_cast<double>(*sim::parse_integer(spec.default_value));
  double max = spec.max.empty() ? 1e18 : static_cast<double>(*sim::parse_integer(spec.max));
  if (spec.key == "run.seed") return fmt::format("{}", sim::uniform_int(rng, 0, INT64_MAX));
  max = std::min(max, std::max(min, 10 * std::max(dflt, 1.0)));
  return fmt::format("{}", std::llround(edgy(rng, min, max, dflt, std::max(min, 1.0), max)));
}

inline std::string draw_duration(const sim::KeySpec& spec, sim::Rng& rng) {
  const double min = static_cast<double>(*sim::parse_duration(spec.min));
  const double max = static_cast<double>(*sim::parse_duration(spec.max));
  const double dflt = static_cast<double>(*sim::parse_duration(spec.default_value));
  return sim::format_duration(std::llround(edgy(rng, min, max, dflt, std::max(min, 1.0), max)));
}

inline std::string draw_rate(const sim::KeySpec& spec, sim::Rng& rng) {
  const double dflt = *sim::parse_rate(spec.default_value);
  const double max = spec.max.empty() ? std::max(10 * dflt, 100.0) : *sim::parse_rate(spec.max);
  const double min = spec.min.empty() ? 0 : *sim::parse_rate(spec.min);
  return fmt::format("{}/s", edgy(rng, min, max, dflt, std::max(min, 1e-8), max));
}

inline std::string draw_probability(const sim::KeySpec& spec, sim::Rng& rng) {
  return fmt::format("{}", edgy(rng, 0, 1, *sim::parse_probability(spec.default_value), 1e-4, 1));
}

// A distribution of a random form whose 99th percentile is within the key's
// max (the schema's rule); rejection sampling, so this file does not repeat
// the percentile formulas.
inline std::string draw_distribution(const sim::KeySpec& spec, sim::Rng& rng) {
  const double max = static_cast<double>(*sim::parse_duration(spec.max));
  for (int attempt = 0; attempt < 100; ++attempt) {
    const auto us = [&](double lo) { return sim::format_duration(std::llround(log_uniform(rng, lo, max))); };
    std::string text;
    switch (sim::uniform_int(rng, 6)) {
      case 0:
        text = us(1);
        break;
      case 1: {
        const std::string a = us(1), b = us(1);
        text = *sim::parse_duration(a) <= *sim::parse_duration(b) ? "uniform:" + a + ".." + b
                                                                  : "uniform:" + b + ".." + a;
        break;
      }
      case 2:
        text = "exp:" + us(1);
        break;
      case 3:
        text = "normal:" + us(1) + "," + us(1);
        break;
      case 4:
        text = fmt::format("lognormal:{},{}", us(1), sim::uniform_real(rng, 0.01, 5));
        break;
      default:
        text = fmt::format("pareto:{},{}", us(1), log_uniform(rng, 0.05, 20));
        break;
    }
    const auto d = sim::parse_duration_distribution(text);
    if (d && d->p99() <= max) return text;
  }
  return spec.default_value;
}

inline std::string draw_text(const std::vector<std::string>& names, sim::Rng& rng) {
  const auto roll = sim::uniform_int(rng, names.size() + 3);
  if (roll < names.size()) return names[roll];
  const char* others[] = {"", "users", "comments"};
  return others[roll - names.size()];
}

}  // namespace detail

// `names`: the instance names of the scenario, for text keys (service, topic).
inline std::string draw_value(const sim::KeySpec& spec, const std::vector<std::string>& names,
                              sim::Rng& rng) {
  using sim::ValueType;
  switch (spec.type) {
    case ValueType::kInteger:
      return detail::draw_integer(spec, rng);
    case ValueType::kNumber: {
      const double dflt = *sim::parse_number(spec.default_value);
      const double min = spec.min.empty() ? 0 : *sim::parse_number(spec.min);
      const double max =
          spec.max.empty() ? std::max(min, 10 * std::max(dflt, 1.0)) : *sim::parse_number(spec.max);
      return fmt::format("{}", detail::edgy(rng, min, max, dflt, std::max(min, 1e-6), max));
    }
    case ValueType::kProbability:
      return detail::draw_probability(spec, rng);
    case ValueType::kDuration:
      return detail::draw_duration(spec, rng);
    case ValueType::kRate:
      return detail::draw_rate(spec, rng);
    case ValueType::kDistribution:
      return detail::draw_distribution(spec, rng);
    case ValueType::kZipf:
      return fmt::format("zipf:{}", detail::log_uniform(rng, 0.01, sim::kMaxZipfExponent));
    case ValueType::kBool:
      return sim::bernoulli(rng, 0.5) ? "true" : "false";
    case ValueType::kEnum:
      return spec.allowed[sim::uniform_int(rng, spec.allowed.size())];
    case ValueType::kString:
      return detail::draw_text(names, rng);
    case ValueType::kBytes: {
      const auto bytes = [](const std::string& text) { return static_cast<double>(*sim::parse_bytes(text)); };
      const double dflt = bytes(spec.default_value);
      const double min = spec.min.empty() ? 0 : bytes(spec.min);
      const double max = std::min(spec.max.empty() ? 1e18 : bytes(spec.max), std::max(10 * dflt, 1024.0));
      return fmt::format("{}B", std::llround(detail::edgy(rng, min, max, dflt, std::max(min, 1.0), max)));
    }
  }
  return spec.default_value;
}

}  // namespace choreo::swarm
