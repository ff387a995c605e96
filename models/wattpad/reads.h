// Page reads of the comment service: a read opens a page (a story drawn by
// `popularity`, as posts are, and a uniform chapter of it) and shows the
// comments stored there (up to `comments_per_page`, CommentService's
// PageComments) with their authors' username and avatar. A page nobody has
// commented on yet needs no author.
//
// - orchestration: one request to the user service per comment (or per
//   distinct author) through UserClient (user_client.h), which reports the
//   read's latency and outcome back: it fails when some lookup runs out of
//   attempts (timeouts, refusals in the outage or when an instance is full).
//   Always fresh when it succeeds.
// - choreography: looks the authors up in the user mirror; never calls the
//   user service, never fails, may be stale. A lookup is stale when the
//   mirror's version is behind the owner's; the read is stale when any
//   lookup is. sim::VisibilityMeter turns the lookups into the staleness of
//   stale reads and the t-visibility curve.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "models/wattpad/owners.h"
#include "models/wattpad/user_client.h"
#include "models/wattpad/views.h"
#include "models/wattpad/workload_options.h"
#include "sim/histogram.h"
#include "sim/node.h"
#include "sim/visibility.h"

namespace choreo::wattpad {

class Reads final : public sim::Node {
 public:
  // `mirror` (the first user mirror, or nullptr), `users` and `comments`
  // outlive the reads.
  Reads(const WorkloadOptions& w, const UserService& users, const CommentService& comments,
        const ProfilesView* mirror, sim::Rng rng, sim::Time stop);
  // Orchestration: where the read's lookups go. Set once, before start().
  void set_client(UserClient* client) { client_ = client; }
  void start();
  // An orchestrated read settled after `latency`; `ok`: every author found.
  void finished(sim::Time latency, bool ok);
  void on_event(const sim::Event& e) override;
  std::string_view kind_name(std::uint16_t) const override { return "page_read"; }

  std::uint64_t total() const { return total_; }
  std::uint64_t stale() const { return visibility_.stale(); }
  std::uint64_t failed() const { return failed_; }
  // `reads` of summary.json.
  nlohmann::json to_json() const;

 private:
  // Choreography: looks every author of page `key` up in the mirror and
  // feeds the lookups to the visibility meter as one read.
  void read_mirror(std::uint32_t key);
  // The key id of `page`'s chapter, or KeyIndex::kNoKey while nobody has
  // commented on it.
  std::uint32_t page_key(const Location& page);

  WorkloadOptions w_;
  const UserService& users_;
  const CommentService& comments_;
  const ProfilesView* mirror_;
  sim::Rng rng_;
  sim::Zipf popularity_;
  sim::Time stop_;
  UserClient* client_ = nullptr;
  std::uint64_t total_ = 0, failed_ = 0;
  sim::Histogram latency_us_;
  sim::VisibilityMeter visibility_;     // choreography: staleness, t-visibility
  std::vector<std::uint64_t> authors_;  // the page being read (reused)
  // Per page (story * chapters + chapter), its key id once found: an id
  // never changes once interned, so each page is hashed into the key index
  // until its first comment and then read from here. Empty (no cache) past
  // kMaxCachedPages pages.
  static constexpr std::uint64_t kMaxCachedPages = 1 << 20;
  std::vector<std::uint32_t> page_keys_;
};

}  // namespace choreo::wattpad
