// The events of the comments system, as values: what the owners publish and
// the replicas apply. How each travels in a brokers::Message is codec.h's
// business, not this file's; nothing here is bit-packed.
//
// Event ids are unique per published event and kept by every copy of it
// (redelivered, duplicated), so they are the key dedup-id deduplicates on.
// Comment ids are allocated per shard: comment % shards is its shard.
#pragma once

#include <array>
#include <cstdint>

#include "models/wattpad/count_keys.h"

namespace choreo::wattpad {

enum EventType : std::uint32_t { kUserUpdated = 1, kCommentCreated = 2, kCommentDeleted = 3 };

// mv-register's version vectors cover at most this many user-service hosts
// (the codec carries 32 bits per host in two words).
inline constexpr std::uint32_t kMaxVectorHosts = 4;
// Writes of one user handled by each of the first kMaxVectorHosts hosts:
// the version vector of a write.
using HostWrites = std::array<std::uint32_t, kMaxVectorHosts>;

// A user's profile changed (user service -> topic "users").
struct UserUpdated {
  std::uint64_t event = 0;  // event id
  std::uint64_t user = 0;
  std::uint64_t version = 0;  // the user's profile version, from 1
  std::uint64_t clock = 0;    // the handling host's clock reading, microseconds
  HostWrites writes{};        // the write's version vector over the hosts
};

// The running totals of one comment-service shard on the keys a comment
// counts on, after counting it: story, chapter, paragraph (0 when the
// comment has no paragraph).
using ShardTotals = std::array<std::uint64_t, 3>;

// A comment counted in or out (comment service -> topic "comments").
struct CommentChange {
  std::uint64_t event = 0;  // event id
  std::uint64_t comment = 0;
  Location where;
  ShardTotals totals{};  // created (CommentCreated) or deleted (CommentDeleted) totals
};
struct CommentCreated : CommentChange {};
struct CommentDeleted : CommentChange {};

// The `seq`th comment (from 0) of shard `shard` out of `shards`.
inline std::uint64_t comment_id(std::uint64_t seq, std::uint32_t shard, std::uint32_t shards) {
  return seq * shards + shard;
}
inline std::uint32_t shard_of(std::uint64_t comment, std::uint32_t shards) {
  return static_cast<std::uint32_t>(comment % shards);
}

}  // namespace choreo::wattpad
