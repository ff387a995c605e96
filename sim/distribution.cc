// Parsed distributions; see distribution.h.
#include "sim/distribution.h"

#include <cassert>
#include <cmath>
#include <limits>
#include <string>

#include "sim/exponential_int.h"
#include "sim/random.h"
#include "sim/units.h"

namespace choreo::sim {

namespace {

constexpr const char* kHelp =
    "expected a duration distribution: 20ms, uniform:1ms..5ms, exp:20ms, normal:20ms,5ms, "
    "lognormal:20ms,0.5 (median, sigma), pareto:1ms,1.5 (scale, shape)";

std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

// Splits "a<sep>b" into two parts; false when `sep` is absent.
bool split2(std::string_view text, std::string_view sep, std::string_view& a, std::string_view& b) {
  const auto at = text.find(sep);
  if (at == std::string_view::npos) return false;
  a = text.substr(0, at);
  b = text.substr(at + sep.size());
  return true;
}

Result<Distribution> parse_two(Distribution::Kind kind, std::string_view args, std::string_view sep,
                               bool second_is_duration) {
  std::string_view a, b;
  if (!split2(args, sep, a, b)) return Error{kHelp};
  const auto first = parse_duration(a);
  if (!first) return Error{kHelp};
  double second = 0;
  if (second_is_duration) {
    const auto d = parse_duration(b);
    if (!d) return Error{kHelp};
    second = static_cast<double>(*d);
  } else {
    const auto n = parse_number(b);
    if (!n || *n <= 0) return Error{kHelp};
    second = *n;
  }
  return Distribution{kind, static_cast<double>(*first), second, ""};
}

}  // namespace

Result<Distribution> parse_duration_distribution(std::string_view text) {
  const std::string s = without_spaces(text);
  std::string_view name, args;
  Result<Distribution> d = Error{kHelp};
  if (!split2(s, ":", name, args)) {
    const auto t = parse_duration(s);
    if (!t) return Error{kHelp};
    d = Distribution{Distribution::Kind::kConstant, static_cast<double>(*t), 0, ""};
  } else if (name == "const" || name == "exp") {
    const auto t = parse_duration(args);
    if (!t) return Error{kHelp};
    d = Distribution{name == "exp" ? Distribution::Kind::kExponential : Distribution::Kind::kConstant,
                     static_cast<double>(*t), 0, ""};
  } else if (name == "uniform") {
    d = parse_two(Distribution::Kind::kUniform, args, "..", true);
    if (d && d->b < d->a) return Error{"uniform:LOW..HIGH needs LOW <= HIGH"};
  } else if (name == "normal") {
    d = parse_two(Distribution::Kind::kNormal, args, ",", true);
  } else if (name == "lognormal") {
    d = parse_two(Distribution::Kind::kLognormal, args, ",", false);
    if (d && d->a <= 0) return Error{"lognormal:MEDIAN,SIGMA needs MEDIAN > 0"};
  } else if (name == "pareto") {
    d = parse_two(Distribution::Kind::kPareto, args, ",", false);
    if (d && d->a <= 0) return Error{"pareto:SCALE,SHAPE needs SCALE > 0"};
  }
  if (d) d->text = s;
  return d;
}

Distribution duration_distribution(std::string_view text) {
  auto d = parse_duration_distribution(text);
  assert(d && "a distribution written in code must parse");
  return *d;
}

Result<Distribution> parse_zipf(std::string_view text) {
  constexpr const char* kZipfHelp = "expected zipf:S with exponent 0 < S <= 10, such as zipf:1.1";
  const std::string s = without_spaces(text);
  std::string_view name, args;
  if (!split2(s, ":", name, args) || name != "zipf") return Error{kZipfHelp};
  const auto exponent = parse_number(args);
  if (!exponent || !(*exponent > 0 && *exponent <= kMaxZipfExponent)) return Error{kZipfHelp};
  return Distribution{Distribution::Kind::kZipf, *exponent, 0, s};
}

double Distribution::sample(Rng& rng) const {
  switch (kind) {
    case Kind::kConstant:
      return a;
    case Kind::kUniform:
      return uniform_real(rng, a, b);
    case Kind::kExponential:
      return exponential(rng, a);
    case Kind::kNormal:
      return normal(rng, a, b);
    case Kind::kLognormal:
      return lognormal(rng, std::log(a), b);
    case Kind::kPareto:
      return pareto(rng, a, b);
    case Kind::kZipf:
      break;
  }
  assert(false && "a Zipf distribution needs a population: use sim::Zipf");
  return 0;
}

Time Distribution::sample_time(Rng& rng) const {
  double x = 0;
  if (kind == Kind::kExponential) {
    const ExponentialInt d = exponential_round(rng, a);  // the draw of sample(), rounded as below
    if (d.known) return d.value;
    x = d.x;
  } else {
    x = sample(rng);
  }
  if (!(x > 0)) return 0;
  if (x >= static_cast<double>(kMaxDraw)) return kMaxDraw;
  // std::llround for 0 < x < 2^63: x - trunc(x) is exact.
  const auto whole = static_cast<Time>(x);
  return whole + (x - static_cast<double>(whole) >= 0.5 ? 1 : 0);
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::kConstant:
      return a;
    case Kind::kUniform:
      return (a + b) / 2;
    case Kind::kExponential:
      return a;
    case Kind::kNormal:
      return a;
    case Kind::kLognormal:
      return a * std::exp(b * b / 2);
    case Kind::kPareto:
      return b <= 1 ? std::numeric_limits<double>::infinity() : b * a / (b - 1);
    case Kind::kZipf:
      break;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

namespace {
constexpr double kZ99 = 2.3263478740408408;   // the standard normal's 99th percentile
constexpr double kLn100 = 4.605170185988092;  // ln(100): Exp(1)'s 99th percentile
}  // namespace

double Distribution::p99() const {
  switch (kind) {
    case Kind::kConstant:
      return a;
    case Kind::kUniform:
      return a + 0.99 * (b - a);
    case Kind::kExponential:
      return a * kLn100;
    case Kind::kNormal:
      return a + kZ99 * b;
    case Kind::kLognormal:
      return a * std::exp(kZ99 * b);
    case Kind::kPareto:
      return a * std::exp(kLn100 / b);
    case Kind::kZipf:
      break;
  }
  assert(false && "a Zipf distribution has no duration percentile");
  return 0;
}

const char* Distribution::p99_formula() const {
  switch (kind) {
    case Kind::kConstant:
      return "the value";
    case Kind::kUniform:
      return "LOW + 0.99 * (HIGH - LOW)";
    case Kind::kExponential:
      return "4.6 * MEAN";
    case Kind::kNormal:
      return "MEAN + 2.33 * STDDEV";
    case Kind::kLognormal:
      return "MEDIAN * e^(2.33 * SIGMA)";
    case Kind::kPareto:
      return "SCALE * 100^(1/SHAPE)";
    case Kind::kZipf:
      break;
  }
  return "";
}

}  // namespace choreo::sim
