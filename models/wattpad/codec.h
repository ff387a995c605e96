// The one place where the comments system packs bits: a Location into one
// word, count keys into words, and each event into a brokers::Message and
// back. No shift or mask outside codec.h and codec.cc; every other file
// handles the typed values of events.h and count_keys.h.
//
// A location (and a count key) is one word:
//
//   story (32 bits) | chapter + 1 (16 bits) | paragraph + 1 (16 bits)
//
// with 0 in a field meaning "the whole level above": (s, 0, 0) is story s,
// (s, c + 1, 0) its chapter c, (s, c + 1, p + 1) paragraph p of it. The
// workload's bounds (schema) keep every field in range.
//
// Message layouts (brokers route on `key`: Kafka partition, SQS FIFO group):
//
//   UserUpdated     key = user; a = version; b = the host's clock (us);
//                   c, d = the version vector, 32 bits per host: hosts 0-1
//                   in c, hosts 2-3 in d (low half first)
//   CommentCreated  key = story; a = comment; b = the packed location;
//   CommentDeleted  c = chapter total (high 32 bits) | paragraph total (low
//                   32 bits); d = story total
//
// Limits: a shard's chapter and paragraph totals travel in 32 bits each (a
// shard counting more than 4,294,967,295 comments on one chapter would
// wrap; no scenario comes near). Event ids are numbered per publisher,
// the publisher in the top two bits.
#pragma once

#include <cassert>
#include <cstdint>

#include "models/brokers/message.h"
#include "models/wattpad/count_keys.h"
#include "models/wattpad/events.h"
#include "sim/pack.h"

namespace choreo::wattpad {

// The largest workload sizes the location word holds (the schema's bounds).
inline constexpr std::uint64_t kMaxStories = UINT32_MAX;                        // 32-bit field
inline constexpr std::uint64_t kMaxChapters = 65'534, kMaxParagraphs = 65'534;  // 16-bit fields, + 1

std::uint64_t pack_location(const Location& where);
Location unpack_location(std::uint64_t word);

// A count key: the location of its story, chapter or paragraph, and which
// (level 0, 1 or 2). Fields below the level are unused.
struct CountKey {
  Location where;
  std::size_t level = 0;
};
namespace codec_detail {
// A field's value + 1, so that 0 can mean "the whole level above".
inline std::uint32_t chapter_field(std::uint32_t chapter) { return chapter + 1; }
inline std::uint32_t paragraph_field(std::uint32_t paragraph) {
  return paragraph == kNoParagraph ? 0 : paragraph + 1;
}
inline std::uint64_t key_word(std::uint64_t story, std::uint32_t chapter_field,
                              std::uint32_t paragraph_field) {
  return sim::pack_halves(static_cast<std::uint32_t>(story),
                          sim::pack_shorts(chapter_field, paragraph_field));
}
}  // namespace codec_detail

// The packed key of `where`'s level. REQUIRES: level < where.levels().
// Inline: every page read and every count looks keys up by it.
inline std::uint64_t pack_key(const Location& where, std::size_t level) {
  using namespace codec_detail;
  assert(level < where.levels());
  return key_word(where.story, level >= 1 ? chapter_field(where.chapter) : 0,
                  level >= 2 ? paragraph_field(where.paragraph) : 0);
}
CountKey unpack_key(std::uint64_t word);

// Event ids: the `n`th event (from 1) of the user / comment service.
std::uint64_t user_event_id(std::uint64_t n);
std::uint64_t comment_event_id(std::uint64_t n);

brokers::Message encode(const UserUpdated& e);
brokers::Message encode(const CommentCreated& e);
brokers::Message encode(const CommentDeleted& e);

// REQUIRES: m.type is the event's type.
UserUpdated decode_user_updated(const brokers::Message& m);
CommentCreated decode_comment_created(const brokers::Message& m);
CommentDeleted decode_comment_deleted(const brokers::Message& m);

}  // namespace choreo::wattpad
