// G-Set; see g_set.h.
#include "models/replicas/g_set.h"

#include <algorithm>
#include <bit>
#include <span>

namespace choreo::replicas {

void GSet::add(ElementId e) {
  const ElementId w = e >> 6;
  if (w >= words_.size()) {
    const std::size_t limit = std::max(kMinWords, kWordsPerElement * (size_ + 1));
    if (w >= limit) {
      size_ += sparse_.insert(e).second ? 1 : 0;
      return;
    }
    grow(std::min(limit, std::max(static_cast<std::size_t>(w) + 1, 2 * words_.size())));
  }
  std::uint64_t& word = words_[w];
  const std::uint64_t bit = std::uint64_t{1} << (e & 63);
  size_ += (word & bit) == 0 ? 1 : 0;
  word |= bit;
}

void GSet::grow(std::size_t words) {
  words_.resize(words, 0);
  const ElementId end = static_cast<ElementId>(words) * 64;
  auto it = sparse_.begin();
  for (; it != sparse_.end() && *it < end; ++it) words_[*it >> 6] |= std::uint64_t{1} << (*it & 63);
  sparse_.erase(sparse_.begin(), it);  // size_ unchanged: the ids moved
}

// Words both bitmaps hold are ORed in; the rest of other's ids are added.
void GSet::merge(const GSet& other) {
  const std::size_t common = std::min(words_.size(), other.words_.size());
  for (std::size_t w = 0; w < common; ++w) {
    const std::uint64_t fresh = other.words_[w] & ~words_[w];
    size_ += static_cast<std::size_t>(std::popcount(fresh));
    words_[w] |= fresh;
  }
  sim::for_each_set_bit(std::span(other.words_).subspan(common), common * 64,
                        [this](std::size_t e) { add(static_cast<ElementId>(e)); });
  for (const ElementId e : other.sparse_) add(e);
}

bool GSet::leq(const GSet& other) const {
  if (size_ > other.size_) return false;
  bool all = true;
  for_each([&](ElementId e) { all = all && other.contains(e); });
  return all;
}

}  // namespace choreo::replicas
