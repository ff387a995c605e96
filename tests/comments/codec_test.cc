// The codec: every event survives encode/decode, the message layout is the
// one brokers and traces rely on (exact words), and count keys are packed,
// interned and named as the reports show them.
#include "models/wattpad/codec.h"

#include <gtest/gtest.h>

#include "models/wattpad/count_keys.h"

namespace choreo::wattpad {
namespace {

TEST(Codec, UserUpdatedLayoutAndRoundTrip) {
  const UserUpdated e{.event = user_event_id(5),
                      .user = 17,
                      .version = 3,
                      .clock = 86'400'000'000,
                      .writes = {1, 2, 0xffff'ffff, 4}};
  const brokers::Message m = encode(e);
  EXPECT_EQ(m.id, 0x4000'0000'0000'0005u);
  EXPECT_EQ(m.key, 17u);
  EXPECT_EQ(m.a, 3u);
  EXPECT_EQ(m.b, 86'400'000'000u);
  EXPECT_EQ(m.c, 0x0000'0002'0000'0001u);
  EXPECT_EQ(m.d, 0x0000'0004'ffff'ffffu);
  EXPECT_EQ(m.type, kUserUpdated);
  EXPECT_EQ(m.bytes, 160u);
  const UserUpdated back = decode_user_updated(m);
  EXPECT_EQ(back.event, e.event);
  EXPECT_EQ(back.user, e.user);
  EXPECT_EQ(back.version, e.version);
  EXPECT_EQ(back.clock, e.clock);
  EXPECT_EQ(back.writes, e.writes);
}

TEST(Codec, CommentEventsLayoutAndRoundTrip) {
  const CommentChange change{.event = comment_event_id(9),
                             .comment = 41,
                             .where = {.story = 3, .chapter = 0, .paragraph = 12},
                             .totals = {70'000'000'000, 6, 5}};
  const brokers::Message created = encode(CommentCreated{change});
  EXPECT_EQ(created.id, 0x8000'0000'0000'0009u);
  EXPECT_EQ(created.key, 3u);  // the story: Kafka partition key, FIFO group
  EXPECT_EQ(created.a, 41u);
  EXPECT_EQ(created.b, 0x0000'0003'0001'000du);
  EXPECT_EQ(created.c, 0x0000'0006'0000'0005u);
  EXPECT_EQ(created.d, 70'000'000'000u);
  EXPECT_EQ(created.type, kCommentCreated);
  EXPECT_EQ(created.bytes, 200u);
  const brokers::Message deleted = encode(CommentDeleted{change});
  EXPECT_EQ(deleted.type, kCommentDeleted);
  for (const CommentChange& back :
       {CommentChange(decode_comment_created(created)), CommentChange(decode_comment_deleted(deleted))}) {
    EXPECT_EQ(back.event, change.event);
    EXPECT_EQ(back.comment, change.comment);
    EXPECT_EQ(back.where, change.where);
    EXPECT_EQ(back.totals, change.totals);
  }
}

TEST(Codec, LocationsAtTheWorkloadBounds) {
  for (const Location& where :
       {Location{.story = kMaxStories - 1, .chapter = kMaxChapters - 1, .paragraph = kMaxParagraphs - 1},
        Location{.story = kMaxStories - 1, .chapter = kMaxChapters - 1}, Location{}}) {
    EXPECT_EQ(unpack_location(pack_location(where)), where);
    for (std::size_t level = 0; level < where.levels(); ++level) {
      const CountKey key = unpack_key(pack_key(where, level));
      EXPECT_EQ(key.level, level);
      EXPECT_EQ(key.where.story, where.story);
      if (level >= 1) {
        EXPECT_EQ(key.where.chapter, where.chapter);
      }
      if (level >= 2) {
        EXPECT_EQ(key.where.paragraph, where.paragraph);
      }
    }
  }
  EXPECT_EQ(pack_location({.story = kMaxStories - 1, .chapter = kMaxChapters - 1}), 0xffff'fffe'fffe'0000u);
}

TEST(Codec, KeysAreInternedInTheOrderFirstMetAndNamed) {
  KeyIndex keys;
  const KeyIds a = keys.intern({.story = 3, .chapter = 0, .paragraph = 12});
  const KeyIds b = keys.intern({.story = 3, .chapter = 1});
  EXPECT_EQ(a.levels, 3u);
  EXPECT_EQ(a.id, (std::array<std::uint32_t, 3>{0, 1, 2}));
  EXPECT_EQ(b.levels, 2u);
  EXPECT_EQ(b.id[0], 0u);  // the same story
  EXPECT_EQ(b.id[1], 3u);
  EXPECT_EQ(keys.size(), 4u);
  EXPECT_EQ(keys.ids({.story = 3, .chapter = 1}).id[1], 3u);
  EXPECT_EQ(keys.name(0), "story 3");
  EXPECT_EQ(keys.name(1), "story 3 chapter 0");
  EXPECT_EQ(keys.name(2), "story 3 chapter 0 paragraph 12");
  EXPECT_EQ(keys.name(3), "story 3 chapter 1");
}

}  // namespace
}  // namespace choreo::wattpad
