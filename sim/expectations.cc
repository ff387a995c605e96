// Checking [expect] entries; see expectations.h.
#include "sim/expectations.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace choreo::sim {

namespace {

constexpr const char* kConditionHelp = "expected true, false, a number, >N, >=N, <N, <=N, !=N or A..B";

struct Condition {
  enum class Op { kEq, kNe, kLt, kLe, kGt, kGe, kRange, kBool } op = Op::kEq;
  double a = 0;
  double b = 0;
  bool flag = false;
};

bool to_double(std::string_view s, double& out) {
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && ec == std::errc() && ptr == s.data() + s.size();
}

Result<Condition> parse_condition(std::string_view text) {
  Condition c;
  if (text == "true" || text == "false") {
    c.op = Condition::Op::kBool;
    c.flag = text == "true";
    return c;
  }
  struct Prefix {
    const char* text;
    Condition::Op op;
  };
  constexpr Prefix kPrefixes[] = {{">=", Condition::Op::kGe},
                                  {"<=", Condition::Op::kLe},
                                  {"!=", Condition::Op::kNe},
                                  {">", Condition::Op::kGt},
                                  {"<", Condition::Op::kLt}};
  for (const auto& p : kPrefixes) {
    const std::string_view prefix = p.text;
    if (text.substr(0, prefix.size()) == prefix) {
      c.op = p.op;
      if (!to_double(text.substr(prefix.size()), c.a)) return Error{kConditionHelp};
      return c;
    }
  }
  if (const auto dots = text.find(".."); dots != std::string_view::npos) {
    c.op = Condition::Op::kRange;
    if (!to_double(text.substr(0, dots), c.a) || !to_double(text.substr(dots + 2), c.b) || c.b < c.a) {
      return Error{kConditionHelp};
    }
    return c;
  }
  if (!to_double(text, c.a)) return Error{kConditionHelp};
  return c;
}

// Follows `path` into `root`; on failure says what exists where it stopped.
Result<const nlohmann::json*> resolve_path(const nlohmann::json& root, std::string_view path) {
  std::vector<std::string> segments;
  for (std::size_t start = 0;;) {
    const auto dot = path.find('.', start);
    segments.emplace_back(path.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  const nlohmann::json* node = &root;
  std::string walked;
  for (std::size_t i = 0; i < segments.size();) {
    const nlohmann::json* next = nullptr;
    std::size_t used = 0;
    std::vector<std::string> have;
    if (node->is_object()) {
      // The longest run of segments that is a key (keys may contain dots).
      for (std::size_t j = segments.size(); j > i && next == nullptr; --j) {
        std::string key = segments[i];
        for (std::size_t k = i + 1; k < j; ++k) key += "." + segments[k];
        if (node->contains(key)) next = &(*node)[key], used = j - i;
      }
      for (const auto& [k, v] : node->items()) have.push_back(k);
    } else if (node->is_array()) {
      for (const auto& element : *node) {
        if (!element.is_object() || !element.contains("name")) continue;
        have.push_back(element["name"].get<std::string>());
        if (have.back() == segments[i]) next = &element, used = 1;
      }
    }
    if (next == nullptr) {
      const std::string guess = did_you_mean(segments[i], have);
      std::string listed;
      for (const auto& h : have) listed += (listed.empty() ? "" : ", ") + h;
      return Error{fmt::format(
          "no '{}' in {}{}", segments[i], walked.empty() ? "the summary" : walked,
          guess.empty() ? fmt::format(" (have: {})", listed) : fmt::format(" (did you mean '{}'?)", guess))};
    }
    for (std::size_t k = 0; k < used; ++k) walked += (walked.empty() ? "" : ".") + segments[i + k];
    i += used;
    node = next;
  }
  return node;
}

bool evaluate(const Condition& c, double x) {
  switch (c.op) {
    case Condition::Op::kEq:
      return std::fabs(x - c.a) <= 1e-9 * std::max(1.0, std::fabs(c.a));
    case Condition::Op::kNe:
      return std::fabs(x - c.a) > 1e-9 * std::max(1.0, std::fabs(c.a));
    case Condition::Op::kLt:
      return x < c.a;
    case Condition::Op::kLe:
      return x <= c.a;
    case Condition::Op::kGt:
      return x > c.a;
    case Condition::Op::kGe:
      return x >= c.a;
    case Condition::Op::kRange:
      return x >= c.a && x <= c.b;
    case Condition::Op::kBool:
      return false;
  }
  return false;
}

std::string located(const RawEntry& e, std::string_view message) {
  if (e.origin.from_override) return fmt::format("--set {}: '{}': {}", e.key, e.value, message);
  return fmt::format("{}: {} = '{}': {}", e.origin.describe(e.key), e.key, e.value, message);
}

}  // namespace

namespace {

// The condition and the value `path` names, or the error located at the entry.
struct Checked {
  std::string path;
  Condition condition;
  const nlohmann::json* actual = nullptr;
};

Result<Checked> check_entry(const nlohmann::json& summary, const RawEntry& e) {
  Checked c;
  c.path = e.key.substr(e.key.find('.') + 1);
  auto condition = parse_condition(e.value);
  if (!condition) return Error{located(e, condition.error().message)};
  c.condition = *condition;
  auto node = resolve_path(summary, c.path);
  if (!node) return Error{located(e, node.error().message)};
  c.actual = *node;
  const bool want_bool = c.condition.op == Condition::Op::kBool;
  if (c.actual->is_null()) return c;  // a value the run has not produced yet
  if (want_bool && !c.actual->is_boolean())
    return Error{located(e, fmt::format("'{}' is {}, not true/false", c.path, c.actual->dump()))};
  if (!want_bool && !c.actual->is_number())
    return Error{located(e, fmt::format("'{}' is {}, not a number", c.path, c.actual->dump()))};
  return c;
}

}  // namespace

Status check_expectation_paths(const nlohmann::json& shape, const std::vector<RawEntry>& entries) {
  for (const auto& e : entries) {
    if (auto checked = check_entry(shape, e); !checked) return checked.error();
  }
  return Ok{};
}

Result<std::vector<ExpectationResult>> check_expectations(const nlohmann::json& summary,
                                                          const std::vector<RawEntry>& entries) {
  std::vector<ExpectationResult> out;
  for (const auto& e : entries) {
    auto checked = check_entry(summary, e);
    if (!checked) return checked.error();
    const nlohmann::json& actual = *checked->actual;
    ExpectationResult r;
    r.name = fmt::format("{} = {}", checked->path, e.value);
    if (checked->condition.op == Condition::Op::kBool) {
      r.holds = actual.is_boolean() && actual.get<bool>() == checked->condition.flag;
    } else {
      r.holds = actual.is_number() && evaluate(checked->condition, actual.get<double>());
    }
    r.detail = fmt::format("actual {}, expected {}", actual.dump(), e.value);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace choreo::sim
