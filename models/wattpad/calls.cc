// The slabs of orchestrated reads; see calls.h.
#include "models/wattpad/calls.h"

#include <cassert>

namespace choreo::wattpad {

std::uint32_t CallPool::acquire(std::uint32_t read, std::uint16_t attempt, std::uint8_t holders) {
  std::uint32_t slot = free_;
  if (slot == kNoSlot) {
    slot = static_cast<std::uint32_t>(calls_.size());
    calls_.emplace_back();
  } else {
    free_ = calls_[slot].next;
  }
  Call& c = calls_[slot];
  c = Call{
      .read = read, .next = kNoSlot, .generation = c.generation + 1, .attempt = attempt, .holders = holders};
  return slot;
}

void CallPool::release(std::uint32_t slot, std::uint8_t holder) {
  Call& c = calls_[slot];
  assert((c.holders & holder) != 0 && "a holder releases a call once");
  c.holders = static_cast<std::uint8_t>(c.holders & ~holder);
  if (c.holders != 0) return;
  c.next = free_;
  free_ = slot;
}

bool CallPool::current(std::uint64_t ref, std::uint8_t holder) const {
  const Call& c = calls_[ref_slot(ref)];
  return c.generation == ref_generation(ref) && (c.holders & holder) != 0;
}

std::uint32_t PageReads::acquire(sim::Time start, std::uint32_t lookups) {
  std::uint32_t slot;
  if (free_.empty()) {
    slot = static_cast<std::uint32_t>(reads_.size());
    reads_.emplace_back();
  } else {
    slot = free_.back();
    free_.pop_back();
  }
  reads_[slot] = PageRead{.start = start, .pending = lookups, .failed = false};
  return slot;
}

void PageReads::release(std::uint32_t slot) { free_.push_back(slot); }

}  // namespace choreo::wattpad
