// Names the comments system's messages in the trace file: the event type
// (UserUpdated, CommentCreated, CommentDeleted) and its keys (user and
// version; comment, story, chapter and, for an inline comment, paragraph).
// Chapters and paragraphs are numbered from 0, as in the summary.
// A `publish` line also carries what the merge strategies stamp or merge,
// so `choreo explain` can replay them: a UserUpdated's host clock reading
// (`clock`, lww-clock) and a comment event's shard with that shard's
// created (or deleted) totals after it (`shard`, `total_story`,
// `total_chapter`, `total_paragraph`: g-counter, pn-counter). Other lines
// about the message leave them out, to keep the file small.
//
// Only names: decoding goes through codec.h; nothing here changes a run.
#pragma once

#include "models/brokers/message_describer.h"

namespace choreo::wattpad {

class MessageNames final : public brokers::MessageDescriber {
 public:
  // `shards`: the comment service's shards (a comment's shard is its id
  // modulo them).
  explicit MessageNames(std::uint32_t shards) : shards_(shards) {}
  std::string_view type_name(std::uint32_t type) const override;
  void add_keys(const brokers::Message& message, sim::TraceLine& line) const override;

 private:
  std::uint32_t shards_;
};

}  // namespace choreo::wattpad
