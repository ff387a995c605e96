// The events of the Wattpad comments system as broker messages, and the
// options of the system. One place for the payload layout both the owners
// (publishers) and the replicas (consumers) rely on.
//
//   UserUpdated     key = user;  a = user, b = version, c = clock reading (us)
//   CommentCreated  key = story; a = comment, b = story, c = author,
//                   d = the shard's count of comments created on that story
//   CommentDeleted  key = story; a = comment, b = story, c = author,
//                   d = the shard's count of comments deleted on that story
// Comment ids are allocated per shard: comment % shards is its shard.
#pragma once

#include <cstdint>

#include "sim/distribution.h"
#include "sim/time.h"

namespace choreo::wattpad {

enum EventType : std::uint32_t { kUserUpdated = 1, kCommentCreated = 2, kCommentDeleted = 3 };

// Sizes on the wire: a JSON event of this shape is about this large.
inline constexpr std::uint32_t kUserEventBytes = 160;
inline constexpr std::uint32_t kCommentEventBytes = 200;

struct WorkloadOptions {
  std::uint64_t users = 1'000;
  std::uint64_t stories = 100;
  sim::Distribution popularity;        // zipf exponent over stories
  double comment_rate = 200;           // comments posted per second
  double delete_fraction = 0.1;        // of posted comments, later deleted
  sim::Distribution delete_after;      // time from post to delete
  double profile_rate = 20;            // profile changes per second
  double read_rate = 2'000;            // page reads per second
  std::uint32_t comments_per_page = 10;
  bool orchestration = false;          // reads ask the user service
  bool per_author = false;             // orchestration: one request per distinct author
  sim::Time request_latency = 2 * sim::kMillisecond;
  std::uint32_t shards = 4;            // comment-service shards (G-Counter entries)
  std::uint32_t user_instances = 2;    // user-service hosts, each with its own clock
  sim::Time clock_skew = 0;            // host i's clock runs i * skew behind
  sim::Time outage_from = 0, outage_to = 0;  // user-service outage window
};

}  // namespace choreo::wattpad
