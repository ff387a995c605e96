// The in-flight state of orchestrated page reads, in two slabs that reuse
// freed slots: calls (one attempt of one author lookup) and page reads
// waiting for their lookups. Memory follows what is in flight, never the
// number of requests made; nothing is keyed by a map.
//
// A call is held by the client (until it is answered, refused or times out)
// and by the server (from the send until it responds or refuses); its slot
// is freed when neither holds it. Events carry a CallRef: slot and
// generation. A slot's generation goes up on every reuse, so a late response
// or a timeout for an attempt already settled finds a different generation
// and is recognised as stale, even if the slot now holds another call
// (until a slot is reused 2^32 times while such an event is pending).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/time.h"

namespace choreo::wattpad {

inline constexpr std::uint32_t kNoSlot = UINT32_MAX;

// Event kinds of the user service's instances (UserApi) and of the page
// reads' client (UserClient); the arg is a call's slot (kRequest, kServed)
// or its CallRef (the rest).
enum CallKind : std::uint16_t {
  kRequest = 1,  // client -> instance (message)
  kServed,       // an instance finished serving a call (timer)
  kAnswer,       // instance -> client: the author's profile (message)
  kRefusal,      // instance -> client: refused, full or down (message)
  kTimeout,      // the client's per-attempt timeout (timer)
  kRetry,        // the client's back-off before a retry ends (timer)
};

struct Call {
  sim::Time sent = 0;            // when the attempt left the client
  std::uint32_t read = kNoSlot;  // the page read it serves (a PageReads slot)
  std::uint32_t next = kNoSlot;  // the server's wait queue, or the free list
  std::uint32_t generation = 0;
  std::uint16_t attempt = 0;  // 0: the first; n: the nth retry
  std::uint8_t holders = 0;   // kClient | kServer
  static constexpr std::uint8_t kClient = 1, kServer = 2;
};

// A call's slot and generation in an event's 64-bit arg.
inline std::uint64_t call_ref(std::uint32_t slot, std::uint32_t generation) {
  return static_cast<std::uint64_t>(generation) << 32 | slot;
}
inline std::uint32_t ref_slot(std::uint64_t ref) { return static_cast<std::uint32_t>(ref); }
inline std::uint32_t ref_generation(std::uint64_t ref) { return static_cast<std::uint32_t>(ref >> 32); }

class CallPool {
 public:
  // A fresh call of `read`, held by `holders`; returns its slot.
  std::uint32_t acquire(std::uint32_t read, std::uint16_t attempt, std::uint8_t holders);
  // `holder` lets go of the call; the slot is freed when nobody holds it.
  void release(std::uint32_t slot, std::uint8_t holder);
  Call& operator[](std::uint32_t slot) { return calls_[slot]; }
  const Call& operator[](std::uint32_t slot) const { return calls_[slot]; }
  std::uint64_t ref(std::uint32_t slot) const { return call_ref(slot, calls_[slot].generation); }
  // Whether `ref` names the call its slot holds now and `holder` still holds it.
  bool current(std::uint64_t ref, std::uint8_t holder) const;
  // Slots ever allocated: the peak of calls in flight.
  std::size_t slots() const { return calls_.size(); }

 private:
  std::vector<Call> calls_;
  std::uint32_t free_ = kNoSlot;
};

struct PageRead {
  sim::Time start = 0;
  std::uint32_t pending = 0;  // lookups not yet settled
  bool failed = false;        // some lookup failed after its last attempt
};

class PageReads {
 public:
  std::uint32_t acquire(sim::Time start, std::uint32_t lookups);
  void release(std::uint32_t slot);
  PageRead& operator[](std::uint32_t slot) { return reads_[slot]; }
  std::size_t slots() const { return reads_.size(); }

 private:
  std::vector<PageRead> reads_;
  std::vector<std::uint32_t> free_;
};

}  // namespace choreo::wattpad
