// The state checker compares from outside: owner ledgers against read-only
// views, with exact counts of differing keys, absolute error and named
// examples in key order.
#include "models/wattpad/checker.h"

#include <gtest/gtest.h>

#include <map>

namespace choreo::wattpad {
namespace {

// A view that shows whatever the test sets.
struct FixedCounts final : CountsView {
  std::map<std::uint32_t, std::int64_t> counts;
  std::int64_t count(std::uint32_t key) const override {
    const auto it = counts.find(key);
    return it == counts.end() ? 0 : it->second;
  }
};

struct FixedProfiles final : ProfilesView {
  explicit FixedProfiles(std::uint64_t users) : ProfilesView(users) {}
  void set(std::uint64_t user, std::uint64_t version) { shown_[user] = version; }
};

TEST(Checker, AMissingInlineCommentCountsOnItsParagraphChapterAndStory) {
  KeyIndex keys;
  CommentLedger owner(2, keys);
  owner.create(0, {.story = 4, .chapter = 1});
  owner.create(1, {.story = 4, .chapter = 1, .paragraph = 2});
  FixedCounts replica;
  replica.counts = {{0, 1}, {1, 1}};  // comment 1 never arrived
  const sim::Divergence d = compare_counts(owner, replica);
  EXPECT_EQ(d.keys, 3u);
  EXPECT_EQ(d.abs_error, 3u);
  ASSERT_EQ(d.examples.size(), 3u);
  EXPECT_EQ(d.examples[0].key, "story 4");
  EXPECT_EQ(d.examples[0].owner, 2);
  EXPECT_EQ(d.examples[0].replica, 1);
  EXPECT_EQ(d.examples[1].key, "story 4 chapter 1");
  EXPECT_EQ(d.examples[2].key, "story 4 chapter 1 paragraph 2");
  EXPECT_EQ(d.examples[2].owner, 1);
  EXPECT_EQ(d.examples[2].replica, 0);

  replica.counts = {{0, 2}, {1, 2}, {2, 1}};
  EXPECT_EQ(compare_counts(owner, replica).keys, 0u);
  replica.counts[1] = 5;  // an overcount is an error too
  EXPECT_EQ(compare_counts(owner, replica).abs_error, 3u);
}

TEST(Checker, AMirrorIsComparedUserByUserOnVersions) {
  ProfileLedger owner(3);
  owner.write(1, 0, 10, 0);
  owner.write(1, 1, 20, 0);
  owner.write(2, 0, 30, 0);
  FixedProfiles mirror(3);
  mirror.set(1, 1);
  mirror.set(2, 1);
  sim::Divergence d = compare_profiles(owner, mirror);
  EXPECT_EQ(d.keys, 1u);
  EXPECT_EQ(d.abs_error, 1u);
  ASSERT_EQ(d.examples.size(), 1u);
  EXPECT_EQ(d.examples[0].key, "user 1");
  EXPECT_EQ(d.examples[0].owner, 2);
  mirror.set(1, 2);
  EXPECT_EQ(compare_profiles(owner, mirror).keys, 0u);
}

TEST(Checker, NamesOnlyTheFirstFiveDifferingKeys) {
  ProfileLedger owner(8);
  for (std::uint64_t u = 0; u < 8; ++u) owner.write(u, 0, 1, 0);
  const sim::Divergence d = compare_profiles(owner, FixedProfiles(8));
  EXPECT_EQ(d.keys, 8u);
  ASSERT_EQ(d.examples.size(), 5u);
  EXPECT_EQ(d.examples[4].key, "user 4");
}

}  // namespace
}  // namespace choreo::wattpad
