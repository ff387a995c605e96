// The strategy table: every way a replica can apply events, one row each,
// {name, one-line summary, make}. The row's make says its kind: a mirror
// strategy is made for a number of users, a counter strategy from nothing.
// Everything that names strategies reads this table: the schema's allowed
// values for replica.*.strategy and its help (`choreo keys`), the check
// that a strategy fits its replica's kind, the tests' strategy lists, and
// README's table (tests/comments/strategy_table_test.cc compares them).
//
// A name outside the table cannot reach a replica: the schema refuses it,
// and strategy(name) asserts it is a row.
//
// Adding a strategy: its class (mirror_strategy.h or counter_strategy.h is
// the interface), one row in strategy_table.cc, its tests
// (tests/comments/counter_strategies_test.cc or mirror_strategies_test.cc),
// and its row in README's table.
#pragma once

#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace choreo::wattpad {

class MirrorStrategy;
class CounterStrategy;

enum class ReplicaKind { kMirror, kCounter };
// "mirror", "counter": the values of replica.*.kind.
inline constexpr std::array<std::string_view, 2> kReplicaKindNames = {"mirror", "counter"};
inline std::string_view kind_name(ReplicaKind kind) { return kReplicaKindNames[static_cast<int>(kind)]; }

using MakeMirror = std::unique_ptr<MirrorStrategy> (*)(std::uint64_t users);
using MakeCounter = std::unique_ptr<CounterStrategy> (*)();

struct Strategy {
  std::string_view name;     // the value of replica.*.strategy
  std::string_view summary;  // how it applies events, one line (README's table)
  std::variant<MakeMirror, MakeCounter> make;
  // A mirror's entry per user, allocated when it is made (0 for counters).
  std::size_t bytes_per_user = 0;
  // A counter whose anti-entropy pull replays every comment ever posted
  // (replay_comments): the owner must then record them all
  // (CommentRecords::kEvery).
  bool pull_replays_comments = false;

  ReplicaKind kind() const { return make.index() == 0 ? ReplicaKind::kMirror : ReplicaKind::kCounter; }
  // REQUIRES: kind() is mirror / counter.
  std::unique_ptr<MirrorStrategy> make_mirror(std::uint64_t users) const;
  std::unique_ptr<CounterStrategy> make_counter() const;
};

// Every strategy, mirrors first, in the order `choreo keys` lists them.
std::span<const Strategy> strategies();
const Strategy* find_strategy(std::string_view name);
// REQUIRES: `name` is a row's name.
const Strategy& strategy(std::string_view name);
// The names of `kind`'s strategies, in table order, as prose: "a, b or c".
std::string strategy_list(ReplicaKind kind);

}  // namespace choreo::wattpad
