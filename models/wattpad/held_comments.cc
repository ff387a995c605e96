// The comments a pending delete targets; see held_comments.h.
#include "models/wattpad/held_comments.h"

#include <bit>
#include <cassert>

namespace choreo::wattpad {

std::size_t HeldComments::find(std::uint64_t comment) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = home(comment);
  while (slots_[i].comment != kEmpty && slots_[i].comment != comment) i = (i + 1) & mask;
  return i;
}

bool HeldComments::holds(std::uint64_t comment) const {
  return !slots_.empty() && slots_[find(comment)].comment == comment;
}

void HeldComments::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
  shift_ = 64 - std::countr_zero(slots_.size());
  for (const Slot& s : old) {
    if (s.comment != kEmpty) slots_[find(s.comment)] = s;
  }
}

void HeldComments::put(std::uint64_t comment, const Location& where) {
  assert(comment != kEmpty && !holds(comment) && "a comment is held once");
  if (2 * (size_ + 1) > slots_.size()) grow();
  slots_[find(comment)] = Slot{comment, where};
  ++size_;
}

Location HeldComments::take(std::uint64_t comment) {
  assert(holds(comment) && "only a held comment is taken");
  const std::size_t mask = slots_.size() - 1;
  std::size_t hole = find(comment);
  const Location where = slots_[hole].where;
  // Backward shift: pull each later entry of the probe run into the hole
  // unless its home lies cyclically in (hole, j], where it must stay.
  for (std::size_t j = (hole + 1) & mask; slots_[j].comment != kEmpty; j = (j + 1) & mask) {
    const std::size_t k = home(slots_[j].comment);
    const bool stays = hole < j ? (hole < k && k <= j) : (hole < k || k <= j);
    if (stays) continue;
    slots_[hole] = slots_[j];
    hole = j;
  }
  slots_[hole].comment = kEmpty;
  --size_;
  return where;
}

}  // namespace choreo::wattpad
