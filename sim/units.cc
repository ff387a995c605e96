// Parsing of values with units; see units.h.
#include "sim/units.h"

#include <fmt/format.h>

#include <cassert>
#include <charconv>
#include <cmath>
#include <string>

namespace choreo::sim {

namespace {

constexpr const char* kDurationHelp =
    "expected a duration such as 30s or 250ms (units: us, ms, s, min, h, d)";
constexpr const char* kRateHelp = "expected a rate such as 200/s or 12/min (per: ms, s, min, h, d)";

// Splits "1.5min" into the number 1.5 and the unit "min". Locale-free.
bool split_number(std::string_view text, double& number, std::string_view& unit) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, number);
  if (ec != std::errc() || !std::isfinite(number)) return false;
  unit = std::string_view(ptr, static_cast<std::size_t>(end - ptr));
  return true;
}

// Microseconds in one `unit`, or 0 if the unit is unknown.
double duration_unit(std::string_view unit) {
  if (unit == "us") return 1;
  if (unit == "ms") return 1e3;
  if (unit == "s") return 1e6;
  if (unit == "min") return 60e6;
  if (unit == "h") return 3600e6;
  if (unit == "d") return 86400e6;
  return 0;
}

std::string strip_underscores(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != '_') out += c;
  }
  return out;
}

// The shortest fixed-point text that reads back as exactly `x`.
std::string format_decimal(double x) {
  for (int digits = 0; digits <= 40; ++digits) {
    std::string text = fmt::format("{:.{}f}", x, digits);
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    if (back == x) return text;
  }
  return fmt::format("{}", x);  // below ~1e-24: shortest form with an exponent, which parses too
}

}  // namespace

Result<Time> parse_duration(std::string_view text) {
  double number = 0;
  std::string_view unit;
  if (!split_number(text, number, unit) || number < 0) return Error{kDurationHelp};
  if (unit.empty()) {
    if (number == 0) return Time{0};
    return Error{kDurationHelp};
  }
  const double scale = duration_unit(unit);
  if (scale == 0) return Error{kDurationHelp};
  const double us = number * scale;
  if (us > 9.2e18) return Error{kDurationHelp};
  if (us != std::floor(us)) {
    return Error{"a duration must be a whole number of microseconds (1us is the finest unit)"};
  }
  return static_cast<Time>(us);
}

Result<double> parse_rate(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    double number = 0;
    std::string_view unit;
    if (split_number(text, number, unit) && unit.empty() && number == 0) return 0.0;
    return Error{kRateHelp};
  }
  double number = 0;
  std::string_view rest;
  if (!split_number(text.substr(0, slash), number, rest) || !rest.empty() || number < 0) {
    return Error{kRateHelp};
  }
  const double per_us = duration_unit(text.substr(slash + 1));
  if (per_us == 0) return Error{kRateHelp};
  const double per_s = number * 1e6 / per_us;
  if (!std::isfinite(per_s)) return Error{kRateHelp};
  // A gap longer than the longest run means nothing, and would overflow time.
  if (per_s > 0 && per_s * to_seconds(kMaxDuration) < 1) {
    return Error{"a rate must be 0 or at least one per 3650d (one event in the longest run)"};
  }
  return per_s;
}

Result<double> parse_probability(std::string_view text) {
  constexpr const char* kHelp = "expected a probability such as 0.01 or 1%";
  double number = 0;
  std::string_view unit;
  if (!split_number(text, number, unit)) return Error{kHelp};
  if (unit == "%")
    number /= 100;
  else if (!unit.empty())
    return Error{kHelp};
  if (number < 0 || number > 1) return Error{"out of range (allowed: 0..1 or 0%..100%)"};
  return number;
}

Result<std::int64_t> parse_integer(std::string_view text) {
  constexpr const char* kHelp = "expected a whole number such as 65536, 65_536 or 1e6";
  const std::string digits = strip_underscores(text);
  std::int64_t value = 0;
  const char* end = digits.data() + digits.size();
  auto [ptr, ec] = std::from_chars(digits.data(), end, value);
  if (!digits.empty() && ec == std::errc() && ptr == end) return value;
  double number = 0;
  std::string_view unit;
  if (split_number(digits, number, unit) && unit.empty() && number == std::floor(number) &&
      std::fabs(number) < 9.2e18) {
    return static_cast<std::int64_t>(number);
  }
  return Error{kHelp};
}

Result<double> parse_number(std::string_view text) {
  double number = 0;
  std::string_view unit;
  if (!split_number(text, number, unit) || !unit.empty()) return Error{"expected a number such as 0.5 or 2"};
  return number;
}

Result<bool> parse_bool(std::string_view text) {
  if (text == "true" || text == "yes" || text == "on" || text == "1") return true;
  if (text == "false" || text == "no" || text == "off" || text == "0") return false;
  return Error{"expected true or false (also yes/no, on/off, 1/0)"};
}

Result<std::uint64_t> parse_bytes(std::string_view text) {
  constexpr const char* kHelp =
      "expected a size such as 512B, 64KiB or 1MB (units: B, KB, KiB, MB, MiB, GB, GiB)";
  double number = 0;
  std::string_view unit;
  if (!split_number(text, number, unit) || number < 0) return Error{kHelp};
  double scale = 0;
  if (unit == "B" || (unit.empty() && number == 0))
    scale = 1;
  else if (unit == "KB")
    scale = 1e3;
  else if (unit == "KiB")
    scale = 1024.0;
  else if (unit == "MB")
    scale = 1e6;
  else if (unit == "MiB")
    scale = 1024.0 * 1024;
  else if (unit == "GB")
    scale = 1e9;
  else if (unit == "GiB")
    scale = 1024.0 * 1024 * 1024;
  const double bytes = number * scale;
  if (scale == 0 || bytes != std::floor(bytes) || bytes > 1.8e19) return Error{kHelp};
  return static_cast<std::uint64_t>(bytes);
}

std::string format_duration(Time t) {
  if (t == 0) return "0";
  struct Unit {
    Time size;
    const char* name;
  };
  constexpr Unit kUnits[] = {
      {kDay, "d"}, {kHour, "h"}, {kMinute, "min"}, {kSecond, "s"}, {kMillisecond, "ms"}};
  for (const auto& u : kUnits) {
    if (t % u.size == 0) return fmt::format("{}{}", t / u.size, u.name);
  }
  return fmt::format("{}us", t);
}

std::string format_probability(double p) {
  assert(p >= 0 && p <= 1);
  return format_decimal(p);
}

std::string format_rate(double per_s) { return format_decimal(per_s) + "/s"; }

std::string format_bytes(std::uint64_t bytes) {
  if (bytes == 0) return "0B";
  struct Unit {
    std::uint64_t size;
    const char* name;
  };
  constexpr Unit kUnits[] = {{std::uint64_t{1} << 30, "GiB"},
                             {std::uint64_t{1} << 20, "MiB"},
                             {std::uint64_t{1} << 10, "KiB"},
                             {1'000'000'000, "GB"},
                             {1'000'000, "MB"},
                             {1'000, "KB"}};
  for (const auto& u : kUnits) {
    if (bytes % u.size == 0) return fmt::format("{}{}", bytes / u.size, u.name);
  }
  return fmt::format("{}B", bytes);
}

}  // namespace choreo::sim
