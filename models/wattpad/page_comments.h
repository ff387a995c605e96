// What a page read shows: for every page (a chapter, by its chapter key's
// id in the model's KeyIndex) the newest `per_page` comments posted on it,
// minus those deleted since, with their authors. Chapter and inline comments
// both count: the page shows the chapter with its comments.
//
// Bounded memory: `per_page` entries per page that ever had a comment (12
// bytes each: the comment ids and the authors in two arrays, so a read
// walks only the authors) and 4 bytes per key id, never a record per comment ever
// posted. The price: a page keeps no older comments, so when one of its
// newest is deleted the page shows one fewer until the next post, where a
// real page would show the next older comment.
//
// Invariants: a page's entries are distinct comments in posting order
// (oldest first), at most per_page of them.
#pragma once

#include <cstdint>
#include <vector>

namespace choreo::wattpad {

class PageComments {
 public:
  // REQUIRES: per_page >= 1
  explicit PageComments(std::uint32_t per_page) : per_page_(per_page) {}

  // `comment` by `author` was posted on page `page`.
  void post(std::uint32_t page, std::uint64_t comment, std::uint32_t author);
  // `comment` was deleted from page `page` (nothing if no longer shown).
  void remove(std::uint32_t page, std::uint64_t comment);
  // Replaces `out` by the authors the page shows, oldest comment first
  // (empty for a page with no comments).
  void authors(std::uint32_t page, std::vector<std::uint64_t>& out) const;
  // Calls fn(author) for the authors the page shows, oldest comment first,
  // without copying them (a read's hot path).
  template <class Fn>
  void for_each_author(std::uint32_t page, Fn&& fn) const {
    if (page >= block_.size() || block_[page] == kNone) return;
    const std::uint32_t b = block_[page];
    const std::uint32_t* first = authors_.data() + static_cast<std::size_t>(b) * per_page_;
    const std::uint32_t* const last = first + sizes_[b];  // read once: fn's stores may alias sizes_
    for (const std::uint32_t* a = first; a != last; ++a) fn(*a);
  }
  // Pages with a block of entries.
  std::size_t pages() const { return sizes_.size(); }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  std::uint32_t per_page_;
  std::vector<std::uint32_t> block_;  // page -> its block, or kNone
  std::vector<std::uint32_t> sizes_;  // block -> entries in use
  // Block b's entries: [b * per_page, (b + 1) * per_page) of each.
  std::vector<std::uint64_t> comments_;
  std::vector<std::uint32_t> authors_;
};

}  // namespace choreo::wattpad
