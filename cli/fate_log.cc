// Gathering message fates from trace lines; see fate_log.h.
#include "cli/fate_log.h"

namespace choreo::cli {

namespace {

std::int64_t number(const sim::TraceLine& line, std::string_view name, std::int64_t otherwise) {
  const sim::TraceLine::Value* v = line.find(name);
  return v != nullptr && !v->is_text ? v->number : otherwise;
}

std::string text(const sim::TraceLine& line, std::string_view name) {
  const sim::TraceLine::Value* v = line.find(name);
  return v != nullptr && v->is_text ? std::string(v->text) : std::string();
}

void fill_facts(MessageFacts& m, const sim::TraceLine& line) {
  m.topic = text(line, "topic");
  m.type = text(line, "type");
  m.user = number(line, "user", -1);
  m.version = number(line, "version", -1);
  m.comment = number(line, "comment", -1);
  m.story = number(line, "story", -1);
  m.chapter = number(line, "chapter", -1);
  m.paragraph = number(line, "paragraph", -1);
}

}  // namespace

void FateLog::record(const sim::TraceLine& line) {
  const sim::TraceLine::Value* msg = line.find("msg");
  if (msg == nullptr && line.kind() == "divergent") {
    divergent_[text(line, "replica")].push_back(
        {text(line, "key"), number(line, "owner", 0), number(line, "value", 0)});
    return;
  }
  if (msg == nullptr) {
    notes_.push_back(TraceNote{line.t(), std::string(line.node()), std::string(line.kind()),
                               text(line, "reason"), number(line, "count", 0)});
    return;
  }
  MessageFacts& m = messages_[msg->number];
  if (m.type.empty()) fill_facts(m, line);
  if (line.kind() == "publish") {
    m.published_at = line.t();
    m.clock = number(line, "clock", -1);
    m.shard = number(line, "shard", -1);
    m.totals = {number(line, "total_story", -1), number(line, "total_chapter", -1),
                number(line, "total_paragraph", -1)};
    return;
  }
  if (line.kind() == "duplicate") m.duplicate_reasons.push_back(text(line, "reason"));
  const std::string service = text(line, "service");
  if (service.empty()) return;
  CopyEvent e;
  e.t = line.t();
  e.kind = std::string(line.kind());
  e.worker = number(line, "worker", -1);
  e.attempt = number(line, "attempt", 0);
  e.overtaken_by = number(line, "overtaken_by", 0);
  e.duplicate = number(line, "duplicate", 0) != 0;
  e.result = text(line, "result");
  e.reason = text(line, "reason");
  e.redelivery = text(line, "redelivery");
  copies_[{service, msg->number}].push_back(std::move(e));
}

const std::vector<CopyEvent>& FateLog::copies(const std::string& service, std::int64_t msg) const {
  static const std::vector<CopyEvent> kNone;
  const auto it = copies_.find({service, msg});
  return it == copies_.end() ? kNone : it->second;
}

const std::vector<sim::KeyDiff>& FateLog::divergent(const std::string& replica) const {
  static const std::vector<sim::KeyDiff> kNone;
  const auto it = divergent_.find(replica);
  return it == divergent_.end() ? kNone : it->second;
}

std::vector<TraceNote> FateLog::notes_of(const std::string& service) const {
  std::vector<TraceNote> out;
  for (const TraceNote& n : notes_) {
    if (n.node.size() > service.size() && n.node.compare(0, service.size(), service) == 0 &&
        n.node[service.size()] == '@') {
      out.push_back(n);
    }
  }
  return out;
}

}  // namespace choreo::cli
