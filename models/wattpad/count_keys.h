// The keys comment counts are kept under: a comment counts once on its
// story, once on its chapter and, when it is an inline comment, once on its
// paragraph. A location travels in events packed into one word:
//
//   story (32 bits) | chapter + 1 (16 bits) | paragraph + 1 (16 bits)
//
// with 0 in a field meaning "the whole level above": (s, 0, 0) is story s,
// (s, c + 1, 0) its chapter c. Keys get dense ids in the order they are first
// met, so counters are flat vectors, divergence is a scan, and memory follows
// the keys in use, not every possible paragraph.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace choreo::wattpad {

inline constexpr std::uint32_t kNoParagraph = UINT32_MAX;
// The largest workload sizes the packing holds (schema.cc's bounds).
inline constexpr std::uint64_t kMaxChapters = 65'534, kMaxParagraphs = 65'534;  // 16-bit fields, + 1
inline constexpr std::uint64_t kMaxStories = UINT32_MAX;                        // 32-bit field

struct Location {
  std::uint64_t story = 0;
  std::uint32_t chapter = 0;
  std::uint32_t paragraph = kNoParagraph;  // kNoParagraph: a chapter comment

  std::uint64_t pack() const {
    return story << 32 | std::uint64_t{chapter + 1} << 16 | (paragraph == kNoParagraph ? 0 : paragraph + 1);
  }
  static Location unpack(std::uint64_t word) {
    const auto paragraph = static_cast<std::uint32_t>(word & 0xffff);
    return {word >> 32, static_cast<std::uint32_t>((word >> 16 & 0xffff) - 1),
            paragraph == 0 ? kNoParagraph : paragraph - 1};
  }
  // The packed keys this location counts on: story, chapter[, paragraph].
  std::array<std::uint64_t, 3> keys() const {
    return {story << 32, story << 32 | std::uint64_t{chapter + 1} << 16, pack()};
  }
  std::size_t levels() const { return paragraph == kNoParagraph ? 2 : 3; }
};

// Dense ids for packed keys, and their names for reports.
class KeyIndex {
 public:
  std::uint32_t intern(std::uint64_t packed) {
    const auto [it, added] = ids_.try_emplace(packed, static_cast<std::uint32_t>(keys_.size()));
    if (added) keys_.push_back(packed);
    return it->second;
  }
  std::size_t size() const { return keys_.size(); }
  // "story 3", "story 3 chapter 0", "story 3 chapter 0 paragraph 12".
  std::string name(std::uint32_t id) const {
    const std::uint64_t k = keys_[id];
    std::string out = "story " + std::to_string(k >> 32);
    if ((k >> 16 & 0xffff) != 0) out += " chapter " + std::to_string((k >> 16 & 0xffff) - 1);
    if ((k & 0xffff) != 0) out += " paragraph " + std::to_string((k & 0xffff) - 1);
    return out;
  }

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> ids_;  // looked up only, never iterated
  std::vector<std::uint64_t> keys_;
};

}  // namespace choreo::wattpad
