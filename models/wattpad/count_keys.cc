// Dense key ids; see count_keys.h.
#include "models/wattpad/count_keys.h"

#include <cassert>

#include "models/wattpad/codec.h"

namespace choreo::wattpad {

std::size_t KeyIndex::find(std::uint64_t key) const {
  const std::size_t mask = slots_.size() - 1;
  // Fibonacci hashing: the top bits of key * 2^64 / phi.
  std::size_t at = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  while (slots_[at].id != kEmpty && slots_[at].key != key) at = (at + 1) & mask;
  return at;
}

void KeyIndex::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  for (const Slot& s : old) {
    if (s.id != kEmpty) slots_[find(s.key)] = s;
  }
}

KeyIds KeyIndex::intern(const Location& where) {
  KeyIds out{.levels = where.levels()};
  for (std::size_t level = 0; level < out.levels; ++level) {
    const std::uint64_t key = pack_key(where, level);
    std::size_t at = find(key);
    if (slots_[at].id == kEmpty) {
      if ((keys_.size() + 1) * 2 > slots_.size()) {
        grow();
        at = find(key);
      }
      slots_[at] = Slot{key, static_cast<std::uint32_t>(keys_.size())};
      keys_.push_back(key);
    }
    out.id[level] = slots_[at].id;
  }
  return out;
}

KeyIds KeyIndex::ids(const Location& where) const {
  KeyIds out{.levels = where.levels()};
  for (std::size_t level = 0; level < out.levels; ++level) {
    const Slot& s = slots_[find(pack_key(where, level))];
    assert(s.id != kEmpty && "the comment service interns a key before publishing it");
    out.id[level] = s.id;
  }
  return out;
}

std::uint32_t KeyIndex::find_id(const Location& where, std::size_t level) const {
  return slots_[find(pack_key(where, level))].id;  // kEmpty (= kNoKey) when absent
}

std::string KeyIndex::name(std::uint32_t id) const {
  const CountKey key = unpack_key(keys_[id]);
  std::string out = "story " + std::to_string(key.where.story);
  if (key.level >= 1) out += " chapter " + std::to_string(key.where.chapter);
  if (key.level >= 2) out += " paragraph " + std::to_string(key.where.paragraph);
  return out;
}

}  // namespace choreo::wattpad
