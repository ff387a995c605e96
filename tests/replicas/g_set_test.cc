// GSet's storage (a bitmap for dense ids, a std::set beyond it) against a
// plain std::set: membership, size, ascending order, merge, leq and equality
// must not depend on which part holds an id or in what order ids came.
#include "models/replicas/g_set.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>
#include <vector>

namespace choreo::replicas {
namespace {

std::vector<ElementId> elements(const GSet& s) {
  std::vector<ElementId> out;
  s.for_each([&out](ElementId e) { out.push_back(e); });
  return out;
}

// Ids from three ranges: always in the bitmap (< 65,536), covered once the
// set holds enough elements, and huge (never covered).
ElementId pick(std::uint32_t range, std::uint32_t x) {
  switch (range % 3) {
    case 0:
      return x % 70'000;
    case 1:
      return x % 2'000'000;
    default:
      return (ElementId{1} << 60) + x;
  }
}

void expect_same(const GSet& s, const std::set<ElementId>& ref) {
  EXPECT_EQ(s.size(), ref.size());
  EXPECT_EQ(elements(s), std::vector<ElementId>(ref.begin(), ref.end()));
  for (const ElementId e : ref) EXPECT_TRUE(s.contains(e)) << e;
}

TEST(GSet, HugeIdsStaySparseAndMoveIntoTheBitmapWhenItGrowsOverThem) {
  GSet s;
  s.add(ElementId{1} << 62);
  s.add(100'000);  // beyond the first 65,536 ids while the set is small
  EXPECT_TRUE(s.contains(100'000));
  EXPECT_FALSE(s.contains(99'999));
  std::set<ElementId> ref{ElementId{1} << 62, 100'000};
  for (ElementId e = 0; e < 200'000; e += 3) {  // grows the bitmap past 100,000
    s.add(e);
    ref.insert(e);
  }
  s.add(100'000);  // again: no double count
  expect_same(s, ref);
}

TEST(GSet, EqualityAndLeqAreOfTheSetsNotTheStorage) {
  GSet dense, sparse_first;
  for (ElementId e = 0; e < 80'000; ++e) dense.add(e);
  for (ElementId e = 80'000; e-- > 0;) sparse_first.add(e);  // high ids first: some start sparse
  EXPECT_EQ(dense, sparse_first);
  EXPECT_TRUE(dense.leq(sparse_first));
  EXPECT_TRUE(sparse_first.leq(dense));
  sparse_first.add(5'000'000);
  EXPECT_NE(dense, sparse_first);
  EXPECT_TRUE(dense.leq(sparse_first));
  EXPECT_FALSE(sparse_first.leq(dense));
}

RC_GTEST_PROP(GSet, MatchesAStdSetUnderAddsAndMerges,
              (const std::vector<std::pair<std::uint32_t, std::uint32_t>>& a_ids,
               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& b_ids)) {
  GSet a, b;
  std::set<ElementId> ra, rb;
  for (const auto& [range, x] : a_ids) {
    a.add(pick(range, x));
    ra.insert(pick(range, x));
  }
  for (const auto& [range, x] : b_ids) {
    b.add(pick(range, x));
    rb.insert(pick(range, x));
  }
  RC_ASSERT(a.size() == ra.size());
  RC_ASSERT(elements(a) == std::vector<ElementId>(ra.begin(), ra.end()));
  const bool ref_leq = std::includes(rb.begin(), rb.end(), ra.begin(), ra.end());
  RC_ASSERT(a.leq(b) == ref_leq);
  RC_ASSERT((a == b) == (ra == rb));
  a.merge(b);
  ra.insert(rb.begin(), rb.end());
  RC_ASSERT(a.size() == ra.size());
  RC_ASSERT(elements(a) == std::vector<ElementId>(ra.begin(), ra.end()));
  for (const ElementId e : ra) RC_ASSERT(a.contains(e));
  RC_ASSERT(b.leq(a));
}

}  // namespace
}  // namespace choreo::replicas
