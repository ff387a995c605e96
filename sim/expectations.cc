// Checking [expect] entries; see expectations.h.
#include "sim/expectations.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "sim/text.h"

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

// Whether `key` is a whole-segment prefix of `rest` ("a.b" of "a.b.c", not of "a.bc").
bool key_prefix(std::string_view rest, std::string_view key) {
  return rest.starts_with(key) && (rest.size() == key.size() || rest[key.size()] == '.');
}

// Follows `path` into `root`; on failure says what exists where it stopped.
// Time linear in the path's length: each step tries the keys of one object
// (or the names in one array) against the rest of the path.
Result<const nlohmann::json*> resolve_path(const nlohmann::json& root, std::string_view path) {
  const nlohmann::json* node = &root;
  std::string walked;
  std::string_view rest = path;
  for (;;) {
    const nlohmann::json* next = nullptr;
    std::string_view used;
    std::vector<std::string> have;
    const std::string_view segment = rest.substr(0, rest.find('.'));
    if (node->is_object()) {
      // The longest key that covers whole segments (keys may contain dots).
      for (const auto& [k, v] : node->items()) {
        have.push_back(k);
        if (key_prefix(rest, k) && (next == nullptr || k.size() > used.size())) {
          next = &v, used = rest.substr(0, k.size());
        }
      }
    } else if (node->is_array()) {
      for (const auto& element : *node) {
        if (!element.is_object() || !element.contains("name") || !element["name"].is_string()) continue;
        have.push_back(element["name"].get<std::string>());
        if (have.back() == segment) next = &element, used = segment;
      }
    }
    if (next == nullptr) {
      const std::string guess = did_you_mean(segment, have);
      std::string listed;
      for (const auto& h : have) listed += (listed.empty() ? "" : ", ") + h;
      return Error{fmt::format(
          "no '{}' in {}{}", printable(segment), walked.empty() ? "the summary" : printable(walked),
          guess.empty() ? fmt::format(" (have: {})", listed) : fmt::format(" (did you mean '{}'?)", guess))};
    }
    if (!walked.empty()) walked += '.';
    walked += used;
    node = next;
    if (used.size() == rest.size()) return node;
    rest.remove_prefix(used.size() + 1);
  }
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
  const std::string key = printable(e.key);
  const std::string value = printable(e.value);
  if (e.origin.from_override) return fmt::format("--set {}: '{}': {}", key, value, message);
  return fmt::format("{}: {} = '{}': {}", e.origin.describe(key), key, value, message);
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
    return Error{located(
        e, fmt::format("'{}' is {}, not true/false", printable(c.path), printable(c.actual->dump())))};
  if (!want_bool && !c.actual->is_number())
    return Error{
        located(e, fmt::format("'{}' is {}, not a number", printable(c.path), printable(c.actual->dump())))};
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
