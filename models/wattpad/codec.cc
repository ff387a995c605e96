// Bit packing of locations, keys and events; see codec.h.
#include "models/wattpad/codec.h"

#include <cassert>

#include "sim/pack.h"

namespace choreo::wattpad {

namespace {

// Sizes on the wire: a JSON event of this shape is about this large.
constexpr std::uint32_t kUserEventBytes = 160;
constexpr std::uint32_t kCommentEventBytes = 200;

std::uint32_t paragraph_of(std::uint32_t field) { return field == 0 ? kNoParagraph : field - 1; }

brokers::Message encode_change(const CommentChange& e, EventType type) {
  // The chapter and paragraph totals keep their low 32 bits (codec.h).
  return brokers::Message{
      .id = e.event,
      .key = e.where.story,
      .a = e.comment,
      .b = pack_location(e.where),
      .c = sim::pack_halves(static_cast<std::uint32_t>(e.totals[1]), static_cast<std::uint32_t>(e.totals[2])),
      .d = e.totals[0],
      .type = type,
      .bytes = kCommentEventBytes};
}

CommentChange decode_change(const brokers::Message& m) {
  const sim::Halves chapter_paragraph = sim::unpack_halves(m.c);
  return CommentChange{.event = m.id,
                       .comment = m.a,
                       .where = unpack_location(m.b),
                       .totals = {m.d, chapter_paragraph.hi, chapter_paragraph.lo}};
}

}  // namespace

std::uint64_t pack_location(const Location& where) {
  using namespace codec_detail;
  return key_word(where.story, chapter_field(where.chapter), paragraph_field(where.paragraph));
}

Location unpack_location(std::uint64_t word) {
  const CountKey key = unpack_key(word);
  return key.where;
}

CountKey unpack_key(std::uint64_t word) {
  const sim::Halves story_rest = sim::unpack_halves(word);
  const sim::Halves fields = sim::unpack_shorts(story_rest.lo);
  const std::size_t level = fields.lo != 0 ? 2 : fields.hi != 0 ? 1 : 0;
  // A story key has no chapter: its chapter field 0 unpacks as chapter 0.
  return {Location{story_rest.hi, fields.hi == 0 ? 0 : fields.hi - 1, paragraph_of(fields.lo)}, level};
}

std::uint64_t user_event_id(std::uint64_t n) { return sim::pack_halves(1u << 30, 0) | n; }
std::uint64_t comment_event_id(std::uint64_t n) { return sim::pack_halves(2u << 30, 0) | n; }

brokers::Message encode(const UserUpdated& e) {
  const HostWrites& w = e.writes;
  static_assert(kMaxVectorHosts == 4, "the layout carries four 32-bit hosts in c and d");
  return brokers::Message{.id = e.event,
                          .key = e.user,
                          .a = e.version,
                          .b = e.clock,
                          .c = sim::pack_halves(w[1], w[0]),
                          .d = sim::pack_halves(w[3], w[2]),
                          .type = kUserUpdated,
                          .bytes = kUserEventBytes};
}

brokers::Message encode(const CommentCreated& e) { return encode_change(e, kCommentCreated); }
brokers::Message encode(const CommentDeleted& e) { return encode_change(e, kCommentDeleted); }

UserUpdated decode_user_updated(const brokers::Message& m) {
  assert(m.type == kUserUpdated);
  const sim::Halves c = sim::unpack_halves(m.c), d = sim::unpack_halves(m.d);
  return UserUpdated{
      .event = m.id, .user = m.key, .version = m.a, .clock = m.b, .writes = {c.lo, c.hi, d.lo, d.hi}};
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
