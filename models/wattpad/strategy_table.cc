// The strategy table; see strategy.h. One row per strategy.
#include <cassert>

#include "models/wattpad/counter_foils.h"
#include "models/wattpad/counter_merges.h"
#include "models/wattpad/counter_sets.h"
#include "models/wattpad/mirror_mv.h"
#include "models/wattpad/mirror_registers.h"
#include "models/wattpad/strategy.h"

namespace choreo::wattpad {

namespace {

template <class S>
std::unique_ptr<MirrorStrategy> mirror(std::uint64_t users) {
  return std::make_unique<S>(users);
}

template <class S>
std::unique_ptr<CounterStrategy> counter() {
  return std::make_unique<S>();
}

const Strategy kStrategies[] = {
    {"overwrite", "last received wins (foil)", &mirror<OverwriteMirror>, OverwriteMirror::kBytesPerUser},
    {"lww-version", "LWW register stamped by the owner's version", &mirror<LwwVersionMirror>,
     LwwVersionMirror::kBytesPerUser},
    {"lww-clock", "LWW register stamped by the host's wall clock", &mirror<LwwClockMirror>,
     LwwClockMirror::kBytesPerUser},
    {"mv-register", "MV-Register merged with each event's version vector (≤ 4 hosts)",
     &mirror<MvRegisterMirror>, MvRegisterMirror::kBytesPerUser},
    {"naive", "+= 1 / -= 1 per event (foil)", &counter<NaiveCounts>},
    {"dedup-id", "a live set of comment ids, events deduplicated by event id", &counter<DedupIdCounts>, 0,
     true},
    {"2p-set", "a 2P-Set of comment ids", &counter<TwoPSetCounts>, 0, true},
    {"or-set", "an OR-Set of comment ids", &counter<OrSetCounts>, 0, true},
    {"g-counter", "per key, one entry per shard holding its created total", &counter<GCounterCounts>},
    {"pn-counter", "as g-counter, deletes in the N half", &counter<PNCounterCounts>},
    {"shard-delta-sum", "adds each shard's reported increments, per key (foil)",
     &counter<ShardDeltaSumCounts>},
};

}  // namespace

std::unique_ptr<MirrorStrategy> Strategy::make_mirror(std::uint64_t users) const {
  assert(kind() == ReplicaKind::kMirror);
  return std::get<MakeMirror>(make)(users);
}

std::unique_ptr<CounterStrategy> Strategy::make_counter() const {
  assert(kind() == ReplicaKind::kCounter);
  return std::get<MakeCounter>(make)();
}

std::span<const Strategy> strategies() { return kStrategies; }

const Strategy* find_strategy(std::string_view name) {
  for (const Strategy& s : kStrategies) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

const Strategy& strategy(std::string_view name) {
  const Strategy* s = find_strategy(name);
  assert(s != nullptr && "strategy names come from the table (the schema checks them)");
  return *s;
}

std::string strategy_list(ReplicaKind kind) {
  std::vector<std::string_view> names;
  for (const Strategy& s : kStrategies) {
    if (s.kind() == kind) names.push_back(s.name);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += i == 0 ? "" : i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace choreo::wattpad
