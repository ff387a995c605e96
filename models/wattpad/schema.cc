// Scenario keys of the comments system; see schema.h.
#include "models/wattpad/schema.h"

#include <string>

#include "models/brokers/broker_settings.h"
#include "models/wattpad/count_keys.h"

namespace choreo::wattpad {

using sim::ValueType;

namespace {

void declare_workload(sim::ConfigSchema& s) {
  s.add({.key = "workload.users",
         .type = ValueType::kInteger,
         .default_value = "1000",
         .min = "1",
         .max = "100000000",
         .help = "users owned by the user service"});
  s.add({.key = "workload.stories",
         .type = ValueType::kInteger,
         .default_value = "100",
         .min = "1",
         .max = std::to_string(kMaxStories),
         .help = "stories comments are posted on (counted per story, chapter, paragraph)"});
  s.add({.key = "workload.chapters",
         .type = ValueType::kInteger,
         .default_value = "10",
         .min = "1",
         .max = std::to_string(kMaxChapters),
         .help = "chapters per story; a comment is on a uniform one"});
  s.add({.key = "workload.paragraphs",
         .type = ValueType::kInteger,
         .default_value = "20",
         .min = "1",
         .max = std::to_string(kMaxParagraphs),
         .help = "paragraphs per chapter; an inline comment is on a uniform one"});
  s.add({.key = "workload.inline_fraction",
         .type = ValueType::kProbability,
         .default_value = "50%",
         .help = "share of comments on a paragraph (inline); the rest are on the chapter"});
  s.add({.key = "workload.popularity",
         .type = ValueType::kZipf,
         .default_value = "zipf:1.1",
         .help = "story popularity for posts and reads"});
  s.add({.key = "workload.comment_rate",
         .type = ValueType::kRate,
         .default_value = "200/s",
         .min = "0/s",
         .help = "comments posted (Poisson)"});
  s.add({.key = "workload.delete_fraction",
         .type = ValueType::kProbability,
         .default_value = "10%",
         .help = "share of posted comments deleted later"});
  s.add({.key = "workload.delete_after",
         .type = ValueType::kDistribution,
         .default_value = "exp:5s",
         .help = "time from a post to its delete"});
  s.add({.key = "workload.profile_rate",
         .type = ValueType::kRate,
         .default_value = "20/s",
         .min = "0/s",
         .help = "profile changes (username/avatar) (Poisson)"});
  s.add({.key = "workload.read_rate",
         .type = ValueType::kRate,
         .default_value = "2000/s",
         .min = "0/s",
         .help = "page reads (Wattpad: about 2,000 pages/s)"});
  s.add({.key = "workload.comments_per_page",
         .type = ValueType::kInteger,
         .default_value = "10",
         .min = "1",
         .max = "1000",
         .help = "comments (authors) per page read (Wattpad: 10)"});
  s.add({.key = "workload.reads",
         .type = ValueType::kEnum,
         .default_value = "choreography",
         .allowed = {"choreography", "orchestration"},
         .help = "authors from the user mirror, or a request to the user service each"});
  s.add({.key = "workload.lookups",
         .type = ValueType::kEnum,
         .default_value = "per-comment",
         .allowed = {"per-comment", "per-author"},
         .help = "orchestration: requests per comment or per distinct author"});
  s.add({.key = "workload.request_latency",
         .type = ValueType::kDuration,
         .default_value = "2ms",
         .help = "orchestration: one user-service round trip"});
  s.add({.key = "workload.shards",
         .type = ValueType::kInteger,
         .default_value = "4",
         .min = "1",
         .max = "1024",
         .help = "comment-service shards (one G-Counter entry each)"});
  s.add({.key = "workload.user_instances",
         .type = ValueType::kInteger,
         .default_value = "2",
         .min = "1",
         .max = "64",
         .help = "user-service hosts; host i's clock runs i * clock_skew behind"});
  s.add({.key = "workload.clock_skew",
         .type = ValueType::kDuration,
         .default_value = "0",
         .help = "clock offset between consecutive user-service hosts (breaks lww-clock)"});
  s.add({.key = "workload.outage_from",
         .type = ValueType::kDuration,
         .default_value = "0",
         .help = "user-service outage start (no changes, lookups fail)"});
  s.add({.key = "workload.outage_to",
         .type = ValueType::kDuration,
         .default_value = "0",
         .help = "user-service outage end (exclusive); equal to outage_from: none"});
}

void declare_replicas(sim::ConfigSchema& s) {
  s.add({.key = "replica.*.kind",
         .type = ValueType::kEnum,
         .default_value = "counter",
         .allowed = {"mirror", "counter"},
         .help = "a user mirror (users topic) or comment counters (comments topic)"});
  s.add({.key = "replica.*.strategy",
         .type = ValueType::kEnum,
         .default_value = "naive",
         .allowed = {"overwrite", "lww-version", "lww-clock", "mv-register", "naive", "dedup-id", "2p-set",
                     "or-set", "g-counter", "pn-counter"},
         .help = "mirror: overwrite|lww-version|lww-clock|mv-register; "
                 "counter: naive|dedup-id|2p-set|or-set|g-counter|pn-counter"});
  s.add({.key = "replica.*.service",
         .type = ValueType::kString,
         .default_value = "",
         .help = "the consuming service's name (default: the replica's name)"});
  s.add({.key = "replica.*.workers",
         .type = ValueType::kInteger,
         .default_value = "1",
         .min = "1",
         .max = "1024",
         .help = "competing consumer workers writing the one store"});
  s.add({.key = "replica.*.recovery",
         .type = ValueType::kEnum,
         .default_value = "none",
         .allowed = {"none", "anti-entropy", "bootstrap"},
         .help = "anti-entropy: pull the owner's full state every sync_interval; "
                 "bootstrap: on a worker's restart, replay the Kafka log from its earliest retained offset"});
  s.add({.key = "replica.*.sync_interval",
         .type = ValueType::kDuration,
         .default_value = "10s",
         .min = "1ms",
         .help = "anti-entropy period"});
  s.add({.key = "replica.*.store",
         .type = ValueType::kEnum,
         .default_value = "durable",
         .allowed = {"durable", "memory"},
         .help = "memory: the store is lost when a worker crashes"});
}

}  // namespace

void declare_wattpad(sim::ConfigSchema& schema) {
  brokers::declare(schema);
  declare_workload(schema);
  declare_replicas(schema);
}

WorkloadOptions workload_options(const sim::Config& c) {
  WorkloadOptions w;
  w.users = static_cast<std::uint64_t>(c.integer("workload.users"));
  w.stories = static_cast<std::uint64_t>(c.integer("workload.stories"));
  w.chapters = static_cast<std::uint32_t>(c.integer("workload.chapters"));
  w.paragraphs = static_cast<std::uint32_t>(c.integer("workload.paragraphs"));
  w.inline_fraction = c.probability("workload.inline_fraction");
  w.popularity = c.distribution("workload.popularity");
  w.comment_rate = c.rate("workload.comment_rate");
  w.delete_fraction = c.probability("workload.delete_fraction");
  w.delete_after = c.distribution("workload.delete_after");
  w.profile_rate = c.rate("workload.profile_rate");
  w.read_rate = c.rate("workload.read_rate");
  w.comments_per_page = static_cast<std::uint32_t>(c.integer("workload.comments_per_page"));
  w.orchestration = c.text("workload.reads") == "orchestration";
  w.per_author = c.text("workload.lookups") == "per-author";
  w.request_latency = c.duration("workload.request_latency");
  w.shards = static_cast<std::uint32_t>(c.integer("workload.shards"));
  w.user_instances = static_cast<std::uint32_t>(c.integer("workload.user_instances"));
  w.clock_skew = c.duration("workload.clock_skew");
  w.outage_from = c.duration("workload.outage_from");
  w.outage_to = c.duration("workload.outage_to");
  return w;
}

}  // namespace choreo::wattpad
