// Dense key ids; see count_keys.h.
#include "models/wattpad/count_keys.h"

#include <cassert>

#include "models/wattpad/codec.h"

namespace choreo::wattpad {

KeyIds KeyIndex::intern(const Location& where) {
  KeyIds out{.levels = where.levels()};
  for (std::size_t level = 0; level < out.levels; ++level) {
    const std::uint64_t key = pack_key(where, level);
    const auto [it, added] = ids_.try_emplace(key, static_cast<std::uint32_t>(keys_.size()));
    if (added) keys_.push_back(key);
    out.id[level] = it->second;
  }
  return out;
}

KeyIds KeyIndex::ids(const Location& where) const {
  KeyIds out{.levels = where.levels()};
  for (std::size_t level = 0; level < out.levels; ++level) {
    const auto it = ids_.find(pack_key(where, level));
    assert(it != ids_.end() && "the comment service interns a key before publishing it");
    out.id[level] = it->second;
  }
  return out;
}

std::string KeyIndex::name(std::uint32_t id) const {
  const CountKey key = unpack_key(keys_[id]);
  std::string out = "story " + std::to_string(key.where.story);
  if (key.level >= 1) out += " chapter " + std::to_string(key.where.chapter);
  if (key.level >= 2) out += " paragraph " + std::to_string(key.where.paragraph);
  return out;
}

}  // namespace choreo::wattpad
