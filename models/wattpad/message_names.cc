// Trace names of the comments system's messages; see message_names.h.
#include "models/wattpad/message_names.h"

#include "models/wattpad/codec.h"

namespace choreo::wattpad {

std::string_view MessageNames::type_name(std::uint32_t type) const {
  switch (type) {
    case kUserUpdated:
      return "UserUpdated";
    case kCommentCreated:
      return "CommentCreated";
    case kCommentDeleted:
      return "CommentDeleted";
    default:
      return {};
  }
}

void MessageNames::add_keys(const brokers::Message& message, sim::TraceLine& line) const {
  if (message.type == kUserUpdated) {
    const UserUpdated e = decode_user_updated(message);
    line.add("user", static_cast<std::int64_t>(e.user)).add("version", static_cast<std::int64_t>(e.version));
    if (line.kind() == "publish") line.add("clock", static_cast<std::int64_t>(e.clock));
    return;
  }
  if (message.type != kCommentCreated && message.type != kCommentDeleted) return;
  const CommentChange e = message.type == kCommentCreated ? CommentChange(decode_comment_created(message))
                                                          : CommentChange(decode_comment_deleted(message));
  line.add("comment", static_cast<std::int64_t>(e.comment))
      .add("story", static_cast<std::int64_t>(e.where.story))
      .add("chapter", e.where.chapter);
  if (e.where.paragraph != kNoParagraph) line.add("paragraph", e.where.paragraph);
  if (line.kind() != "publish") return;
  line.add("shard", shard_of(e.comment, shards_))
      .add("total_story", static_cast<std::int64_t>(e.totals[0]))
      .add("total_chapter", static_cast<std::int64_t>(e.totals[1]));
  if (e.where.paragraph != kNoParagraph) line.add("total_paragraph", static_cast<std::int64_t>(e.totals[2]));
}

}  // namespace choreo::wattpad
