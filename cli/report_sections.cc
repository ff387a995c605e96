// The delivery and reads sections of the run report; see report_sections.h.
#include "cli/report_sections.h"

#include <fmt/format.h>

#include <optional>
#include <set>
#include <vector>

namespace choreo::cli {

namespace {

constexpr const char* kRow = "  {:<16} {}\n";

// A counter, or nullopt when the summary does not have it (printed "-", so
// an absent counter never reads as a zero).
std::optional<std::int64_t> count(const nlohmann::json& obj, const char* key) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return std::nullopt;
  if (it->is_number_float()) return static_cast<std::int64_t>(it->get<double>());
  return it->get<std::int64_t>();
}

std::string text(std::optional<std::int64_t> n) { return n ? std::to_string(*n) : "-"; }

// A counter at the top level, else summed over by_topic (where the broker
// keeps handler_errors and deduplicated).
std::optional<std::int64_t> total(const nlohmann::json& delivery, const char* key) {
  if (delivery.contains(key)) return count(delivery, key);
  std::optional<std::int64_t> sum;
  if (const auto it = delivery.find("by_topic"); it != delivery.end() && it->is_object()) {
    for (const auto& [_, topic] : it->items()) {
      if (const auto n = count(topic, key)) sum = sum.value_or(0) + *n;
    }
  }
  return sum;
}

// "mean 1.5  p50 1  p99 9  max 12"
std::string stats_text(const nlohmann::json& stats) {
  std::string text;
  for (const char* k : {"mean", "p50", "p99", "max"}) {
    if (stats.contains(k))
      text += fmt::format("{}{} {}", text.empty() ? "" : "  ", k, number_text(stats.at(k)));
  }
  return text;
}

std::string reasons_text(const nlohmann::json& reasons) {
  std::string text;
  for (const auto& [reason, n] : reasons.items()) {
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", reason, number_text(n));
  }
  return text;
}

// What each loss reason means, for the legend (the broker's LossReason names).
std::string reason_meaning(const std::string& reason) {
  if (reason == "no-subscriber")
    return "published on a topic that no replica consumes: not a fault, nobody waited for it";
  if (reason == "disconnected")
    return "NATS: the subscriber was cut off (partition) or down when the message was sent";
  if (reason == "slow-consumer") return "NATS: the subscriber held more than nats.pending_limit messages";
  if (reason == "crash") return "NATS: pending in a worker when it crashed";
  if (reason == "injected") return "dropped by broker.loss";
  if (reason == "scripted") return "dropped by a [fault.NAME] kind = drop";
  if (reason == "retention") return "deleted by retention before it was consumed";
  if (reason == "reset") return "Kafka: skipped when auto.offset.reset = latest moved a group past it";
  return "see README: Reading the report";
}

std::string handler_error_meaning(const std::string& broker_kind) {
  if (broker_kind == "sqs" || broker_kind == "sqs-fifo")
    return "the handler failed; SQS leaves the message undeleted and redelivers it after the visibility "
           "timeout";
  if (broker_kind == "nats")
    return "the handler failed; NATS forgets the message, so its replica never applies it";
  if (broker_kind == "kafka")
    return "the handler failed; Kafka moves on to the next record, so its replica never applies it";
  return "the handler failed";
}

// The topics on which every copy was lost for want of a subscriber.
std::string unsubscribed_topics(const nlohmann::json& delivery) {
  std::string names;
  if (const auto it = delivery.find("by_topic"); it != delivery.end() && it->is_object()) {
    for (const auto& [name, topic] : it->items()) {
      const auto reasons = topic.find("lost_by_reason");
      if (reasons == topic.end() || count(*reasons, "no-subscriber").value_or(0) == 0) continue;
      names += fmt::format("{}'{}'", names.empty() ? "" : ", ", name);
    }
  }
  return names;
}

void print_topics(const nlohmann::json& by_topic, std::ostream& out) {
  static const char* const kColumns[] = {"published",  "delivered",   "lost",      "handler_errors",
                                         "duplicated", "redelivered", "reordered", "dead_lettered"};
  std::vector<std::vector<std::string>> rows = {{"by topic"}};
  for (const char* c : kColumns) rows[0].emplace_back(c);
  for (const auto& [name, topic] : by_topic.items()) {
    rows.push_back({"  " + name});
    for (const char* c : kColumns) rows.back().push_back(text(count(topic, c)));
  }
  std::vector<std::size_t> width(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  }
  width[0] = std::max<std::size_t>(width[0], 16);
  for (const auto& row : rows) {
    std::string line = "  ";
    for (std::size_t i = 0; i < row.size(); ++i) line += fmt::format("{:<{}} ", row[i], width[i]);
    while (line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

void print_legend(const nlohmann::json& delivery, const std::string& broker_kind, std::ostream& out) {
  out << "  legend\n";
  const auto line = [&](const std::string& term, const std::string& meaning) {
    out << fmt::format("    {:<15} {}\n", term, meaning);
  };
  line("counted", "per subscribing service: a message to two services counts twice (published: once)");
  line("lost", "copies a service never processed, by reason");
  if (const auto it = delivery.find("lost_by_reason"); it != delivery.end() && it->is_object()) {
    for (const auto& [reason, n] : it->items()) {
      if (!n.is_number() || n == 0) continue;
      std::string meaning = reason_meaning(reason);
      if (reason == "no-subscriber") meaning += fmt::format(" (here: {})", unsubscribed_topics(delivery));
      line("  " + reason, meaning);
    }
  }
  line("handler_errors", handler_error_meaning(broker_kind));
  line("redelivered", "deliveries of a message already delivered once (SQS receive count > 1, Kafka replay)");
  line("reordered",
       "first deliveries that came after a message its publisher published later on the same topic");
}

}  // namespace

std::string number_text(const nlohmann::json& v) {
  if (v.is_number_float()) return fmt::format("{:.6g}", v.get<double>());
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

void print_delivery(const nlohmann::json& delivery, const std::string& broker_kind, std::ostream& out) {
  out << "delivery\n";
  std::set<std::string> done = {"by_topic", "lost_by_reason", "latency_ms"};
  const auto row = [&](const char* key, const std::string& value) {
    out << fmt::format(kRow, key, value);
    done.insert(key);
  };
  row("published", text(count(delivery, "published")));
  row("delivered", text(count(delivery, "delivered")));
  std::string lost = text(count(delivery, "lost"));
  if (const auto it = delivery.find("lost_by_reason"); it != delivery.end() && it->is_object())
    lost += "  (" + reasons_text(*it) + ")";
  row("lost", lost);
  row("handler_errors", text(total(delivery, "handler_errors")));
  for (const char* key : {"duplicated", "redelivered", "reordered", "dead_lettered"}) {
    row(key, text(count(delivery, key)));
  }
  row("deduplicated", text(total(delivery, "deduplicated")));
  for (const auto& [key, value] : delivery.items()) {
    if (done.contains(key)) continue;
    out << fmt::format(kRow, key, value.is_object() ? value.dump() : number_text(value));
  }
  if (const auto it = delivery.find("latency_ms"); it != delivery.end())
    out << fmt::format(kRow, "latency_ms", stats_text(*it) + "  (publish to processed)");
  if (const auto it = delivery.find("by_topic"); it != delivery.end() && it->is_object() && !it->empty())
    print_topics(*it, out);
  print_legend(delivery, broker_kind, out);
}

void print_reads(const nlohmann::json& reads, std::ostream& out) {
  out << "reads\n";
  std::set<std::string> done;
  const auto row = [&](const char* key, const std::string& value) {
    if (!reads.contains(key)) return;
    out << fmt::format(kRow, key, value);
    done.insert(key);
  };
  row("total", text(count(reads, "total")) + "  page reads");
  row("stale", text(count(reads, "stale")) + "  reads that missed some author's latest change");
  row("stale_fraction", reads.contains("stale_fraction") ? number_text(reads.at("stale_fraction")) : "");
  row("failed", text(count(reads, "failed")) +
                    "  reads that got no answer (orchestration: a lookup ran out of attempts)");
  if (reads.contains("latency_ms")) row("latency_ms", stats_text(reads.at("latency_ms")));
  if (reads.contains("staleness_ms"))
    row("staleness_ms", stats_text(reads.at("staleness_ms")) + "  (age of the change a stale read missed)");
  if (const auto it = reads.find("t_visibility"); it != reads.end() && it->is_array()) {
    double fresh = 0, lookups = 0;
    std::string points;
    for (const auto& p : *it) {
      if (!p.contains("t_s") || !p.contains("p_fresh") || !p.contains("lookups")) continue;
      lookups += p.at("lookups").get<double>();
      fresh += p.at("p_fresh").get<double>() * p.at("lookups").get<double>();
      points += fmt::format("{}<={}s {:.3f}", points.empty() ? "" : "  ", number_text(p.at("t_s")),
                            lookups > 0 ? fresh / lookups : 0.0);
    }
    out << fmt::format(kRow, "t_visibility",
                       "cumulative: of the lookups made at most t after the write they should see, the share "
                       "that saw it");
    out << fmt::format(kRow, "", points.empty() ? "(no lookups)" : points);
    done.insert("t_visibility");
  }
  for (const auto& [key, value] : reads.items()) {
    if (done.contains(key)) continue;
    out << fmt::format(kRow, key, value.is_object() ? value.dump() : number_text(value));
  }
}

void print_generic(const char* title, const nlohmann::json& section, std::ostream& out) {
  out << title << "\n";
  for (const auto& [key, value] : section.items()) {
    if (!value.is_object()) {
      out << fmt::format(kRow, key, number_text(value));
      continue;
    }
    // Scalars on the service's row; each nested object on a row of its own
    // below it ("user-service.capacity  instances 2  concurrency 16 ...").
    const auto fields = [](const nlohmann::json& object) {
      std::string text;
      for (const auto& [k, v] : object.items()) {
        if (!v.is_object()) text += fmt::format("{}{} {}", text.empty() ? "" : "  ", k, number_text(v));
      }
      return text;
    };
    out << fmt::format(kRow, key, fields(value));
    for (const auto& [k, v] : value.items()) {
      if (v.is_object()) out << fmt::format("    {}.{}  {}\n", key, k, fields(v));
    }
  }
}

}  // namespace choreo::cli
