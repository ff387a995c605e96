// Recovering a sweep's grid; see sweep_merge_grid.h.
#include "cli/sweep_merge_grid.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "cli/sweep_fingerprint.h"

namespace choreo::cli {

namespace {

// Candidates tried at most, over all keys together; far above what real
// shards leave (usually one).
constexpr std::size_t kMaxCandidates = 100'000;

// One varied key: its values (in order of first appearance) and the pairs
// (a before b) the parts imply, as indices into `values`.
struct KeyOrder {
  std::vector<std::string> values;
  std::set<std::pair<std::size_t, std::size_t>> before;
  std::size_t index(const std::string& v) {
    const auto it = std::find(values.begin(), values.end(), v);
    if (it != values.end()) return static_cast<std::size_t>(it - values.begin());
    values.push_back(v);
    return values.size() - 1;
  }
};

// Every order of the key's values that keeps each pair, up to `cap` of them.
std::vector<std::vector<std::string>> orders_of(const KeyOrder& key, std::size_t cap) {
  std::vector<std::vector<std::string>> found;
  std::vector<std::string> order;
  std::vector<bool> used(key.values.size(), false);
  const std::function<void()> extend = [&] {
    if (found.size() >= cap) return;
    if (order.size() == key.values.size()) {
      found.push_back(order);
      return;
    }
    for (std::size_t v = 0; v < key.values.size(); ++v) {
      if (used[v]) continue;
      const bool ready = std::none_of(key.before.begin(), key.before.end(),
                                      [&](const auto& p) { return p.second == v && !used[p.first]; });
      if (!ready) continue;
      used[v] = true;
      order.push_back(key.values[v]);
      extend();
      order.pop_back();
      used[v] = false;
    }
  };
  extend();
  return found;
}

}  // namespace

sim::Result<Grid> recover_grid(const std::vector<std::string>& keys,
                               const std::vector<std::vector<RunKey>>& parts, const std::string& digest) {
  std::vector<KeyOrder> orders(keys.size());
  SeedRange seeds{UINT64_MAX, 0};
  for (const auto& part : parts) {
    for (std::size_t i = 0; i < part.size(); ++i) {
      seeds.first = std::min(seeds.first, part[i].seed);
      seeds.last = std::max(seeds.last, part[i].seed);
      for (std::size_t k = 0; k < keys.size(); ++k) orders[k].index(part[i].values[k]);
      if (i == 0) continue;
      const auto& a = part[i - 1].values;
      const auto& b = part[i].values;
      const auto k = static_cast<std::size_t>(std::mismatch(a.begin(), a.end(), b.begin()).first - a.begin());
      if (k < keys.size()) orders[k].before.emplace(orders[k].index(a[k]), orders[k].index(b[k]));
    }
  }
  std::vector<std::vector<std::vector<std::string>>> candidates;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    candidates.push_back(orders_of(orders[k], kMaxCandidates));
    if (candidates.back().empty()) {
      return sim::Error{fmt::format(
          "the rows are not in the grid order of one sweep (the values of {} come in contradicting orders); "
          "merge the CSVs as choreo sweep wrote them",
          keys[k])};
    }
  }
  // Odometer over every key's candidate orders.
  std::vector<std::size_t> pick(keys.size(), 0);
  for (std::size_t tried = 0; tried < kMaxCandidates; ++tried) {
    Grid grid{seeds, {}};
    for (std::size_t k = 0; k < keys.size(); ++k) grid.varies.push_back({keys[k], candidates[k][pick[k]]});
    if (grid_digest(grid) == digest) return grid;
    std::size_t k = keys.size();
    while (k > 0 && ++pick[k - 1] == candidates[k - 1].size()) pick[--k] = 0;
    if (k == 0) break;
  }
  return sim::Error{fmt::format(
      "the parts do not make up their sweep's grid (they hold seeds {}..{}; a seed or a --vary value the "
      "sweep ran is in none of them): give every shard's CSV",
      seeds.first, seeds.last)};
}

}  // namespace choreo::cli
