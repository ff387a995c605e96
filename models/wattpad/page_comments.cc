// What a page read shows; see page_comments.h.
#include "models/wattpad/page_comments.h"

#include <algorithm>

namespace choreo::wattpad {

void PageComments::post(std::uint32_t page, std::uint64_t comment, std::uint32_t author) {
  if (page >= block_.size()) block_.resize(page + 1, kNone);
  if (block_[page] == kNone) {
    block_[page] = static_cast<std::uint32_t>(sizes_.size());
    sizes_.push_back(0);
    entries_.resize(entries_.size() + per_page_);
  }
  const std::uint32_t b = block_[page];
  Entry* first = entries_.data() + static_cast<std::size_t>(b) * per_page_;
  std::uint32_t& size = sizes_[b];
  if (size == per_page_) {
    std::copy(first + 1, first + size, first);  // the oldest scrolls off
    --size;
  }
  first[size++] = Entry{comment, author};
}

void PageComments::remove(std::uint32_t page, std::uint64_t comment) {
  if (page >= block_.size() || block_[page] == kNone) return;
  const std::uint32_t b = block_[page];
  Entry* first = entries_.data() + static_cast<std::size_t>(b) * per_page_;
  Entry* last = first + sizes_[b];
  Entry* it = std::find_if(first, last, [comment](const Entry& e) { return e.comment == comment; });
  if (it == last) return;
  std::copy(it + 1, last, it);
  --sizes_[b];
}

void PageComments::authors(std::uint32_t page, std::vector<std::uint64_t>& out) const {
  out.clear();
  for_each_author(page, [&out](std::uint32_t author) { out.push_back(author); });
}

}  // namespace choreo::wattpad
