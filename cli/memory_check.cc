// The up-front memory check; see memory_check.h.
#include "cli/memory_check.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

namespace choreo::cli {

namespace {

// count * each, saturating: a footprint past 2^64 bytes is simply too large.
std::uint64_t product(std::uint64_t count, std::uint64_t each) {
  if (each != 0 && count > UINT64_MAX / each) return UINT64_MAX;
  return count * each;
}

}  // namespace

std::string format_gib(std::uint64_t bytes) {
  return fmt::format("{:.1f} GiB", static_cast<double>(bytes) / (1024.0 * 1024 * 1024));
}

MemoryLimit memory_limit() {
  const auto pages = static_cast<std::uint64_t>(std::max(0L, ::sysconf(_SC_PHYS_PAGES)));
  const auto page = static_cast<std::uint64_t>(std::max(0L, ::sysconf(_SC_PAGESIZE)));
  MemoryLimit limit{pages * page, "this machine's memory"};
  struct rlimit as {};
  if (::getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY && as.rlim_cur < limit.bytes) {
    limit = {static_cast<std::uint64_t>(as.rlim_cur), "ulimit -v"};
  }
  return limit;
}

sim::Status check_footprint(const Scenario& scenario, const models::Model& model, const MemoryLimit& limit) {
  const auto parts = model.footprint();
  std::uint64_t total = 0;
  const models::Footprint* largest = nullptr;
  for (const auto& p : parts) {
    const std::uint64_t bytes = product(p.count, p.bytes_each);
    total = bytes > UINT64_MAX - total ? UINT64_MAX : total + bytes;
    if (largest == nullptr || bytes > product(largest->count, largest->bytes_each)) largest = &p;
  }
  if (largest == nullptr || total <= limit.bytes) return sim::Ok{};
  return scenario.config.error(
      largest->key,
      fmt::format("the run needs at least {} before its first event ({} {} x {} B{}), more than "
                  "{} ({}); lower it (see README.md, \"Limits\")",
                  format_gib(total), largest->count, largest->what, largest->bytes_each,
                  parts.size() > 1 ? ", and more" : "", limit.source, format_gib(limit.bytes)));
}

}  // namespace choreo::cli
