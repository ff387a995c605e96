// Random executions for property tests of the replicated data types: three
// replicas that update and merge in a random order (RapidCheck generates
// and shrinks the steps). Every state the execution passes through is a
// reachable state, so laws are checked on states the type can really have
// (unique tags, unique version vectors), not on arbitrary bit patterns.
#pragma once

#include <rapidcheck.h>

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <vector>

namespace choreo::replicas::testing {

inline constexpr int kReplicas = 3;

// One step: (what, replica, other replica, parameter).
using Step = std::tuple<std::uint8_t, std::uint8_t, std::uint8_t, std::uint8_t>;

// Runs `steps`; `update(state, replica, param)` applies one local update.
// Returns every state seen (initial, after each step, at each replica).
template <class T, class Update>
std::vector<T> execute(const std::vector<Step>& steps, Update update) {
  std::vector<T> replicas(kReplicas);
  std::vector<T> seen = {T{}};
  for (const auto& [what, r, s, x] : steps) {
    T& target = replicas[r % kReplicas];
    if (what % 4 == 0) {
      target.merge(replicas[s % kReplicas]);
    } else {
      const T before = target;
      update(target, static_cast<std::uint64_t>(r % kReplicas) + 1, x);
      RC_ASSERT(before.leq(target));  // updates are inflationary
    }
    seen.push_back(target);
  }
  return seen;
}

// Merge is commutative, associative and idempotent on a, b, c, and a least
// upper bound (both inputs <= the result).
template <class T>
void check_merge_laws(const T& a, const T& b, const T& c) {
  T ab = a;
  ab.merge(b);
  T ba = b;
  ba.merge(a);
  RC_ASSERT(ab == ba);
  T ab_c = ab;
  ab_c.merge(c);
  T bc = b;
  bc.merge(c);
  T a_bc = a;
  a_bc.merge(bc);
  RC_ASSERT(ab_c == a_bc);
  T aa = a;
  aa.merge(a);
  RC_ASSERT(aa == a);
  RC_ASSERT(a.leq(ab));
  RC_ASSERT(b.leq(ab));
}

// Two replicas that receive the same states, in any order and with any
// duplicates, end equal.
template <class T>
void check_any_order_converges(const std::vector<T>& states) {
  const auto order1 =
      *rc::gen::container<std::vector<std::size_t>>(rc::gen::inRange<std::size_t>(0, states.size()));
  auto order2 = order1;
  for (std::size_t i = 0; i < states.size(); ++i) order2.push_back(i);  // everything at least once
  auto order1_all = order1;
  for (std::size_t i = states.size(); i-- > 0;) order1_all.push_back(i);  // reversed, with duplicates
  // A random permutation of order2: sort it by generated keys.
  const auto keys =
      *rc::gen::container<std::vector<std::uint32_t>>(order2.size(), rc::gen::arbitrary<std::uint32_t>());
  std::vector<std::size_t> perm(order2.size());
  for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = i;
  std::stable_sort(perm.begin(), perm.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  T x, y;
  for (auto i : order1_all) x.merge(states[i]);
  for (auto p : perm) y.merge(states[order2[p]]);
  RC_ASSERT(x == y);
}

template <class T, class Update>
void check_all_laws(const std::vector<Step>& steps, Update update) {
  const auto states = execute<T>(steps, update);
  const auto pick = [&] { return states[*rc::gen::inRange<std::size_t>(0, states.size())]; };
  check_merge_laws(pick(), pick(), pick());
  check_any_order_converges(states);
}

}  // namespace choreo::replicas::testing
