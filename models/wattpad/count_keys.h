// The keys comment counts are kept under: a comment counts once on its
// story, once on its chapter and, when it is an inline comment, once on its
// paragraph. Keys get dense ids in the order they are first met (interned),
// so counters are flat vectors, a comparison is a scan in id order, and
// memory follows the keys in use, not every possible paragraph.
//
// The comments model owns one KeyIndex: the comment service interns a
// comment's keys when it counts the comment, before publishing it, so every
// key a replica or the checker meets has an id already (they only look up).
// How a key is packed into a word is codec.h's business.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace choreo::wattpad {

inline constexpr std::uint32_t kNoParagraph = UINT32_MAX;

struct Location {
  std::uint64_t story = 0;
  std::uint32_t chapter = 0;
  std::uint32_t paragraph = kNoParagraph;  // kNoParagraph: a chapter comment

  // The keys it counts on: story, chapter[, paragraph].
  std::size_t levels() const { return paragraph == kNoParagraph ? 2 : 3; }
  bool operator==(const Location&) const = default;
};

// The ids of the keys one location counts on, level by level.
struct KeyIds {
  std::array<std::uint32_t, 3> id{};
  std::size_t levels = 0;
};

class KeyIndex {
 public:
  // The ids of `where`'s keys, adding those not met before.
  KeyIds intern(const Location& where);
  // REQUIRES: `where`'s keys were interned.
  KeyIds ids(const Location& where) const;
  // The id of `where`'s key at `level` (0 story, 1 chapter, 2 paragraph),
  // or kNoKey if it was never interned. Never adds a key.
  static constexpr std::uint32_t kNoKey = UINT32_MAX;
  std::uint32_t find_id(const Location& where, std::size_t level) const;
  std::size_t size() const { return keys_.size(); }
  // "story 3", "story 3 chapter 0", "story 3 chapter 0 paragraph 12".
  std::string name(std::uint32_t id) const;

 private:
  // packed key -> id: open addressing with linear probing, at most half
  // full, so a lookup usually reads one slot (a node-based map read two or
  // three scattered cache lines). Looked up, never iterated.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t id = kEmpty;
  };
  static constexpr std::uint32_t kEmpty = kNoKey;
  // The slot holding `key`, or the empty slot where it would go.
  std::size_t find(std::uint64_t key) const;
  void grow();

  std::vector<Slot> slots_ = std::vector<Slot>(64);  // a power of two
  std::vector<std::uint64_t> keys_;                  // id -> packed key
};

}  // namespace choreo::wattpad
