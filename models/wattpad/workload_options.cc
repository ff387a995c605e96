// The [workload] keys, their defaults written from WorkloadOptions{}; see
// workload_options.h.
#include "models/wattpad/workload_options.h"

#include <fmt/format.h>

#include <array>
#include <cassert>
#include <string>

#include "models/wattpad/codec.h"
#include "sim/units.h"

namespace choreo::wattpad {

using sim::ValueType;

namespace {

// Enum keys that set a bool: the text for false, then for true.
constexpr std::array<const char*, 2> kReads = {"choreography", "orchestration"};
constexpr std::array<const char*, 2> kLookups = {"per-comment", "per-author"};

// Default texts in the scenario syntax, read back exactly by the parsers
// (options_test.cc). The fractions have always been written as percentages.
std::string percent(double p) { return fmt::format("{}%", p * 100); }
std::string duration(sim::Time t) { return sim::format_duration(t); }
template <class N>
std::string integer(N n) {
  return std::to_string(n);
}

void declare_population(sim::ConfigSchema& s, const WorkloadOptions& d) {
  s.add({.key = "workload.users",
         .type = ValueType::kInteger,
         .default_value = integer(d.users),
         .min = "1",
         .max = "100000000",
         .help = "users owned by the user service"});
  s.add({.key = "workload.stories",
         .type = ValueType::kInteger,
         .default_value = integer(d.stories),
         .min = "1",
         .max = std::to_string(kMaxStories),
         .help = "stories comments are posted on (counted per story, chapter, paragraph)"});
  s.add({.key = "workload.chapters",
         .type = ValueType::kInteger,
         .default_value = integer(d.chapters),
         .min = "1",
         .max = std::to_string(kMaxChapters),
         .help = "chapters per story; a comment is on a uniform one"});
  s.add({.key = "workload.paragraphs",
         .type = ValueType::kInteger,
         .default_value = integer(d.paragraphs),
         .min = "1",
         .max = std::to_string(kMaxParagraphs),
         .help = "paragraphs per chapter; an inline comment is on a uniform one"});
  s.add({.key = "workload.inline_fraction",
         .type = ValueType::kProbability,
         .default_value = percent(d.inline_fraction),
         .help = "share of comments on a paragraph (inline); the rest are on the chapter"});
  s.add({.key = "workload.popularity",
         .type = ValueType::kZipf,
         .default_value = d.popularity.text,
         .help = "story popularity for posts and reads"});
  s.add({.key = "workload.commenters",
         .type = ValueType::kZipf,
         .default_value = d.commenters.text,
         .help =
             "how comments spread over users: the rank-k commenter posts about k^-S as often as the first"});
}

void declare_writes(sim::ConfigSchema& s, const WorkloadOptions& d) {
  s.add({.key = "workload.comment_rate",
         .type = ValueType::kRate,
         .default_value = sim::format_rate(d.comment_rate),
         .min = "0/s",
         .help = "comments posted (Poisson)"});
  s.add({.key = "workload.delete_fraction",
         .type = ValueType::kProbability,
         .default_value = percent(d.delete_fraction),
         .help = "share of posted comments deleted later"});
  s.add({.key = "workload.delete_after",
         .type = ValueType::kDistribution,
         .default_value = d.delete_after.text,
         .help = "time from a post to its delete"});
  s.add({.key = "workload.profile_rate",
         .type = ValueType::kRate,
         .default_value = sim::format_rate(d.profile_rate),
         .min = "0/s",
         .help = "profile changes (username/avatar) (Poisson)"});
  s.add({.key = "workload.shards",
         .type = ValueType::kInteger,
         .default_value = integer(d.shards),
         .min = "1",
         .max = "1024",
         .help = "comment-service shards (one G-Counter entry each)"});
}

void declare_reads(sim::ConfigSchema& s, const WorkloadOptions& d) {
  s.add({.key = "workload.read_rate",
         .type = ValueType::kRate,
         .default_value = sim::format_rate(d.read_rate),
         .min = "0/s",
         .help = "page reads (Wattpad: about 2,000 pages/s)"});
  s.add({.key = "workload.comments_per_page",
         .type = ValueType::kInteger,
         .default_value = integer(d.comments_per_page),
         .min = "1",
         .max = "1000",
         .help = "comments (authors) per page read (Wattpad: 10)"});
  s.add({.key = "workload.reads",
         .type = ValueType::kEnum,
         .default_value = kReads[d.orchestration],
         .allowed = {kReads.begin(), kReads.end()},
         .help = "authors from the user mirror, or a request to the user service each"});
  s.add({.key = "workload.lookups",
         .type = ValueType::kEnum,
         .default_value = kLookups[d.per_author],
         .allowed = {kLookups.begin(), kLookups.end()},
         .help = "orchestration: requests per comment or per distinct author"});
}

void declare_hosts(sim::ConfigSchema& s, const WorkloadOptions& d) {
  s.add({.key = "workload.user_instances",
         .type = ValueType::kInteger,
         .default_value = integer(d.user_instances),
         .min = "1",
         .max = "64",
         .help = "user-service hosts; host i's clock runs i * clock_skew behind"});
  // At most a day: 63 hosts a day apart stay within the clocks' 1,000-day
  // epoch (owners.cc), so no reading goes negative.
  s.add({.key = "workload.clock_skew",
         .type = ValueType::kDuration,
         .default_value = duration(d.clock_skew),
         .max = "1d",
         .help = "clock offset between consecutive user-service hosts (breaks lww-clock)"});
  s.add({.key = "workload.outage_from",
         .type = ValueType::kDuration,
         .default_value = duration(d.outage_from),
         .help = "user-service outage start (no changes, lookups fail)"});
  s.add({.key = "workload.outage_to",
         .type = ValueType::kDuration,
         .default_value = duration(d.outage_to),
         .help = "user-service outage end (exclusive); equal to outage_from: none"});
}

}  // namespace

sim::Distribution distribution_literal(std::string_view text) {
  if (text.rfind("zipf:", 0) != 0) return sim::duration_distribution(text);
  auto d = sim::parse_zipf(text);
  assert(d.ok() && "a default distribution must parse");
  return *d;
}

void declare_workload(sim::ConfigSchema& schema) {
  const WorkloadOptions defaults;
  declare_population(schema, defaults);
  declare_writes(schema, defaults);
  declare_reads(schema, defaults);
  declare_hosts(schema, defaults);
}

sim::Result<WorkloadOptions> workload_options(const sim::Config& c) {
  WorkloadOptions w;
  w.users = static_cast<std::uint64_t>(c.integer("workload.users"));
  w.stories = static_cast<std::uint64_t>(c.integer("workload.stories"));
  w.chapters = static_cast<std::uint32_t>(c.integer("workload.chapters"));
  w.paragraphs = static_cast<std::uint32_t>(c.integer("workload.paragraphs"));
  w.inline_fraction = c.probability("workload.inline_fraction");
  w.popularity = c.distribution("workload.popularity");
  w.commenters = c.distribution("workload.commenters");
  w.comment_rate = c.rate("workload.comment_rate");
  w.delete_fraction = c.probability("workload.delete_fraction");
  w.delete_after = c.distribution("workload.delete_after");
  w.profile_rate = c.rate("workload.profile_rate");
  w.read_rate = c.rate("workload.read_rate");
  w.comments_per_page = static_cast<std::uint32_t>(c.integer("workload.comments_per_page"));
  w.orchestration = c.text("workload.reads") == kReads[1];
  w.per_author = c.text("workload.lookups") == kLookups[1];
  w.shards = static_cast<std::uint32_t>(c.integer("workload.shards"));
  w.user_instances = static_cast<std::uint32_t>(c.integer("workload.user_instances"));
  w.clock_skew = c.duration("workload.clock_skew");
  w.outage_from = c.duration("workload.outage_from");
  w.outage_to = c.duration("workload.outage_to");
  if (w.outage_to < w.outage_from) {
    return c.error("workload.outage_to",
                   "must not be before workload.outage_from (" + sim::format_duration(w.outage_from) + ")");
  }
  return w;
}

}  // namespace choreo::wattpad
