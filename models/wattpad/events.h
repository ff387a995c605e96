// The events of the Wattpad comments system as broker messages, and the
// options of the system. One place for the payload layout both the owners
// (publishers) and the replicas (consumers) rely on.
//
//   UserUpdated     key = user; a = version, b = the handling host's clock
//                   reading (us), c/d = the write's version vector over the
//                   user-service hosts, 32 bits per host: hosts 0-1 in c,
//                   hosts 2-3 in d (so mv-register takes at most 4 hosts)
//   CommentCreated  key = story; a = comment, b = its Location, packed
//                   (count_keys.h), c = the shard's count of comments
//                   created on that chapter (high 32 bits) and paragraph
//                   (low 32 bits), d = the same count on the story
//   CommentDeleted  as CommentCreated, with counts of comments deleted
// Comment ids are allocated per shard: comment % shards is its shard.
#pragma once

#include <cstdint>
#include <utility>

#include "sim/distribution.h"
#include "sim/time.h"

namespace choreo::wattpad {

inline constexpr std::uint32_t kMaxVectorHosts = 4;

// The version vector of a UserUpdated event, packed into (c, d).
inline std::pair<std::uint64_t, std::uint64_t> pack_hosts(const std::uint32_t (&writes)[kMaxVectorHosts]) {
  return {std::uint64_t{writes[0]} | std::uint64_t{writes[1]} << 32,
          std::uint64_t{writes[2]} | std::uint64_t{writes[3]} << 32};
}
inline std::uint32_t host_writes(std::uint64_t c, std::uint64_t d, std::uint32_t host) {
  const std::uint64_t word = host < 2 ? c : d;
  return static_cast<std::uint32_t>(host % 2 == 0 ? word : word >> 32);
}

enum EventType : std::uint32_t { kUserUpdated = 1, kCommentCreated = 2, kCommentDeleted = 3 };

// Sizes on the wire: a JSON event of this shape is about this large.
inline constexpr std::uint32_t kUserEventBytes = 160;
inline constexpr std::uint32_t kCommentEventBytes = 200;

struct WorkloadOptions {
  std::uint64_t users = 1'000;
  std::uint64_t stories = 100;
  std::uint32_t chapters = 10;     // per story; a comment's chapter is uniform
  std::uint32_t paragraphs = 20;   // per chapter; an inline comment's paragraph is uniform
  double inline_fraction = 0.5;    // of comments, on a paragraph (the rest on the chapter)
  sim::Distribution popularity;    // zipf exponent over stories
  double comment_rate = 200;       // comments posted per second
  double delete_fraction = 0.1;    // of posted comments, later deleted
  sim::Distribution delete_after;  // time from post to delete
  double profile_rate = 20;        // profile changes per second
  double read_rate = 2'000;        // page reads per second
  std::uint32_t comments_per_page = 10;
  bool orchestration = false;  // reads ask the user service
  bool per_author = false;     // orchestration: one request per distinct author
  sim::Time request_latency = 2 * sim::kMillisecond;
  std::uint32_t shards = 4;                  // comment-service shards (G-Counter entries)
  std::uint32_t user_instances = 2;          // user-service hosts, each with its own clock
  sim::Time clock_skew = 0;                  // host i's clock runs i * skew behind
  sim::Time outage_from = 0, outage_to = 0;  // user-service outage window
};

}  // namespace choreo::wattpad
