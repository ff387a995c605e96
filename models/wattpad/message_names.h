// Names the comments system's messages in the trace file: the event type
// (UserUpdated, CommentCreated, CommentDeleted) and its keys (user and
// version; comment, story, chapter and, for an inline comment, paragraph).
// Chapters and paragraphs are numbered from 0, as in the summary.
//
// Only names: decoding goes through codec.h; nothing here changes a run.
#pragma once

#include "models/brokers/message_describer.h"

namespace choreo::wattpad {

class MessageNames final : public brokers::MessageDescriber {
 public:
  std::string_view type_name(std::uint32_t type) const override;
  void add_keys(const brokers::Message& message, sim::TraceLine& line) const override;
};

}  // namespace choreo::wattpad
