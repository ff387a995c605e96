// What a page read shows; see page_comments.h.
#include "models/wattpad/page_comments.h"

#include <algorithm>

namespace choreo::wattpad {

void PageComments::post(std::uint32_t page, std::uint64_t comment, std::uint32_t author) {
  if (page >= block_.size()) block_.resize(page + 1, kNone);
  if (block_[page] == kNone) {
    block_[page] = static_cast<std::uint32_t>(sizes_.size());
    sizes_.push_back(0);
    comments_.resize(comments_.size() + per_page_);
    authors_.resize(authors_.size() + per_page_);
  }
  const std::uint32_t b = block_[page];
  const std::size_t at = static_cast<std::size_t>(b) * per_page_;
  std::uint64_t* comments = comments_.data() + at;
  std::uint32_t* authors = authors_.data() + at;
  std::uint32_t& size = sizes_[b];
  if (size == per_page_) {  // the oldest scrolls off
    std::copy(comments + 1, comments + size, comments);
    std::copy(authors + 1, authors + size, authors);
    --size;
  }
  comments[size] = comment;
  authors[size] = author;
  ++size;
}

void PageComments::remove(std::uint32_t page, std::uint64_t comment) {
  if (page >= block_.size() || block_[page] == kNone) return;
  const std::uint32_t b = block_[page];
  const std::size_t at = static_cast<std::size_t>(b) * per_page_;
  std::uint64_t* comments = comments_.data() + at;
  std::uint32_t* authors = authors_.data() + at;
  const std::uint32_t size = sizes_[b];
  const auto i = static_cast<std::uint32_t>(std::find(comments, comments + size, comment) - comments);
  if (i == size) return;
  std::copy(comments + i + 1, comments + size, comments + i);
  std::copy(authors + i + 1, authors + size, authors + i);
  --sizes_[b];
}

void PageComments::authors(std::uint32_t page, std::vector<std::uint64_t>& out) const {
  out.clear();
  for_each_author(page, [&out](std::uint32_t author) { out.push_back(author); });
}

}  // namespace choreo::wattpad
