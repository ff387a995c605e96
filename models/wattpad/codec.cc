// Bit packing of locations, keys and events; see codec.h.
#include "models/wattpad/codec.h"

#include <cassert>

namespace choreo::wattpad {

namespace {

// Sizes on the wire: a JSON event of this shape is about this large.
constexpr std::uint32_t kUserEventBytes = 160;
constexpr std::uint32_t kCommentEventBytes = 200;

constexpr std::uint64_t kLow32 = 0xffff'ffff;
constexpr std::uint64_t kLow16 = 0xffff;

// A field's value + 1, so that 0 can mean "the whole level above".
std::uint64_t chapter_field(std::uint32_t chapter) { return std::uint64_t{chapter} + 1; }
std::uint64_t paragraph_field(std::uint32_t paragraph) {
  return paragraph == kNoParagraph ? 0 : std::uint64_t{paragraph} + 1;
}

brokers::Message encode_change(const CommentChange& e, EventType type) {
  return brokers::Message{.id = e.event,
                          .key = e.where.story,
                          .a = e.comment,
                          .b = pack_location(e.where),
                          .c = e.totals[1] << 32 | (e.totals[2] & kLow32),
                          .d = e.totals[0],
                          .type = type,
                          .bytes = kCommentEventBytes};
}

CommentChange decode_change(const brokers::Message& m) {
  return CommentChange{
      .event = m.id, .comment = m.a, .where = unpack_location(m.b), .totals = {m.d, m.c >> 32, m.c & kLow32}};
}

}  // namespace

std::uint64_t pack_location(const Location& where) {
  return where.story << 32 | chapter_field(where.chapter) << 16 | paragraph_field(where.paragraph);
}

Location unpack_location(std::uint64_t word) {
  const auto chapter = static_cast<std::uint32_t>(word >> 16 & kLow16);
  const auto paragraph = static_cast<std::uint32_t>(word & kLow16);
  return {word >> 32, chapter - 1, paragraph == 0 ? kNoParagraph : paragraph - 1};
}

std::uint64_t pack_key(const Location& where, std::size_t level) {
  assert(level < where.levels());
  const std::uint64_t word = pack_location(where);
  if (level == 0) return word & ~(kLow32);
  if (level == 1) return word & ~kLow16;
  return word;
}

CountKey unpack_key(std::uint64_t word) {
  const auto chapter = static_cast<std::uint32_t>(word >> 16 & kLow16);
  const auto paragraph = static_cast<std::uint32_t>(word & kLow16);
  const std::size_t level = paragraph != 0 ? 2 : chapter != 0 ? 1 : 0;
  return {Location{word >> 32, chapter == 0 ? 0 : chapter - 1, paragraph == 0 ? kNoParagraph : paragraph - 1},
          level};
}

std::uint64_t user_event_id(std::uint64_t n) { return std::uint64_t{1} << 62 | n; }
std::uint64_t comment_event_id(std::uint64_t n) { return std::uint64_t{2} << 62 | n; }

brokers::Message encode(const UserUpdated& e) {
  const HostWrites& w = e.writes;
  static_assert(kMaxVectorHosts == 4, "the layout carries four 32-bit hosts in c and d");
  return brokers::Message{.id = e.event,
                          .key = e.user,
                          .a = e.version,
                          .b = e.clock,
                          .c = std::uint64_t{w[0]} | std::uint64_t{w[1]} << 32,
                          .d = std::uint64_t{w[2]} | std::uint64_t{w[3]} << 32,
                          .type = kUserUpdated,
                          .bytes = kUserEventBytes};
}

brokers::Message encode(const CommentCreated& e) { return encode_change(e, kCommentCreated); }
brokers::Message encode(const CommentDeleted& e) { return encode_change(e, kCommentDeleted); }

UserUpdated decode_user_updated(const brokers::Message& m) {
  assert(m.type == kUserUpdated);
  return UserUpdated{.event = m.id,
                     .user = m.key,
                     .version = m.a,
                     .clock = m.b,
                     .writes = {static_cast<std::uint32_t>(m.c), static_cast<std::uint32_t>(m.c >> 32),
                                static_cast<std::uint32_t>(m.d), static_cast<std::uint32_t>(m.d >> 32)}};
}

CommentCreated decode_comment_created(const brokers::Message& m) {
  assert(m.type == kCommentCreated);
  return {decode_change(m)};
}

CommentDeleted decode_comment_deleted(const brokers::Message& m) {
  assert(m.type == kCommentDeleted);
  return {decode_change(m)};
}

}  // namespace choreo::wattpad
