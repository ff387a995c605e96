// The simulation: clock, scheduler, nodes, RNG streams and trace of one run.
//
//   Simulation sim(seed);
//   auto& lp = sim.add<MyNode>("lp-0", ...);
//   sim.send(lp.id(), 10 * kMillisecond, kPing, 0);
//   sim.run_until(60 * kSecond);
//
// Events fire in (time, issue order). Two kinds of event:
//  - a message (send/send_at) reaches its node if the node is up when it
//    fires; to a down node it is dropped and counted;
//  - a timer (timer/timer_at) belongs to its node's current incarnation and
//    is dropped silently if the node crashed in between.
// Every dispatched event is folded into the trace hash.
//
// Samplers run at fixed virtual-time periods *between* events and never enter
// the event queue, so sampling never changes the trace hash.
//
// Single-threaded; a sweep runs one Simulation per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/event.h"
#include "sim/event_queue.h"
#include "sim/node.h"
#include "sim/rng.h"
#include "sim/time.h"
#include "sim/trace.h"

namespace choreo::sim {

enum class StopReason { kTimeReached, kNoEvents, kStopped };

class Simulation {
 public:
  // The latest time an event can be due; anything later is never due.
  static constexpr Time kLatestEvent = EventQueue::kLatestUs;

  explicit Simulation(std::uint64_t seed);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Creates a node owned by the simulation and gives it the next id.
  template <class T, class... Args>
  T& add(Args&&... args) {
    return add_group<T>(1, std::forward<Args>(args)...);
  }
  // Creates a node standing for `members` members with consecutive ids,
  // starting at the returned node's id(). REQUIRES: members >= 1
  template <class T, class... Args>
  T& add_group(std::uint32_t members, Args&&... args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    T& ref = *node;
    adopt(std::move(node), members);
    return ref;
  }
  // The node (or group) that id belongs to.
  Node& node(NodeId id) const { return *nodes_[slots_[id].node]; }
  // Ids handed out so far (members count one each).
  std::size_t node_count() const { return slots_.size(); }
  bool is_up(NodeId id) const { return slots_[id].up; }

  Time now() const { return now_; }
  std::uint64_t seed() const { return seed_; }
  // The independent random stream named `name` for this run's seed.
  Rng rng(std::string_view name) const { return Rng::stream(seed_, name); }

  // A message to `to` after `delay` (>= 0). Times saturate: an event due
  // later than kLatestEvent is never due, and is not queued.
  void send(NodeId to, Time delay, std::uint16_t kind, std::uint64_t arg) {
    send_at(add_time(now_, delay), to, kind, arg);
  }
  // REQUIRES: at >= now()
  void send_at(Time at, NodeId to, std::uint16_t kind, std::uint64_t arg) {
    schedule(Event{at, next_seq_++, to, kind, 0, arg});
  }
  // A timer of `owner`'s current incarnation, after `delay` (>= 0).
  void timer(NodeId owner, Time delay, std::uint16_t kind, std::uint64_t arg) {
    timer_at(add_time(now_, delay), owner, kind, arg);
  }
  void timer_at(Time at, NodeId owner, std::uint16_t kind, std::uint64_t arg) {
    schedule(Event{at, next_seq_++, owner, kind, slots_[owner].epoch, arg});
  }

  // Crashes a node or group member: drops its timers and calls
  // on_member_crash(). No-op if down. `why` names the cause in the trace
  // file only (not in the hash).
  void crash(NodeId id, std::string_view why = {});
  // Restarts a crashed node or member and calls on_member_restart().
  // No-op if up.
  void restart(NodeId id);

  // Processes every event with time <= end, then sets now() to end.
  StopReason run_until(Time end);
  // Processes events until none remain or stop() is called.
  StopReason run() { return run_until(kForever); }
  // Makes the running run_until() return after the current event.
  void stop() { stopped_ = true; }

  // Calls `probe(t)` at t = first, first + period, ... while the run advances
  // past those times. REQUIRES: period > 0
  void add_sampler(Time first, Time period, std::function<void(Time)> probe);

  // Calls `observer` between events, after every `every` processed events
  // (REQUIRES: every > 0): a progress report for long runs. The observer only
  // reads (now, events_processed, pending); it never changes the run.
  void set_progress(std::uint64_t every, std::function<void()> observer);

  // Records a model-level happening (a loss, a duplicate) in the trace hash
  // and, when tracing, in the trace file.
  void note(NodeId node, std::string_view what, std::initializer_list<TraceField> fields = {});
  // The hash half of note(): for a model that writes a richer line of its
  // own about the same happening (trace().write()), so the hash stays what
  // note() would make it.
  void fold_note(NodeId node, std::string_view what, std::initializer_list<TraceField> fields);
  // "name" or "name/3" (a group member); "sim" for kNoNode. For trace lines.
  std::string node_name(NodeId node) const;

  Trace& trace() { return trace_; }
  std::uint64_t trace_hash() const { return trace_.hash(); }
  std::uint64_t events_processed() const { return processed_; }
  std::uint64_t messages_to_down_nodes() const { return dropped_down_; }
  std::size_t pending() const { return queue_.size(); }
  // Bytes the event queue holds, for memory reports.
  std::size_t queue_bytes() const { return queue_.bytes(); }
  void reserve_events(std::size_t n) { queue_.reserve(n); }

 private:
  struct Sampler {
    Time next;
    Time period;
    std::function<void(Time)> probe;
  };

  // Hot per-id state, dense so dispatch touches one 8-byte slot per event.
  struct Slot {
    std::uint32_t node;   // index into nodes_
    std::uint16_t epoch;  // incarnation; bumped on every crash, never 0
    bool up;
  };

  void adopt(std::unique_ptr<Node> node, std::uint32_t members);
  void schedule(const Event& e) {
    if (e.time <= kLatestEvent) [[likely]]
      queue_.push(e);
  }
  void dispatch(const Event& e);
  [[gnu::noinline, gnu::cold]] void trace_engine_event(const Event& e);
  void run_samplers_through(Time t);

  std::uint64_t seed_;
  Time now_ = 0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t processed_ = 0;
  std::uint64_t dropped_down_ = 0;
  bool stopped_ = false;
  EventQueue queue_;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<Slot> slots_;
  std::vector<Sampler> samplers_;
  Time next_sample_ = kForever;
  std::uint64_t progress_every_ = 0;
  std::uint64_t progress_at_ = UINT64_MAX;  // processed_ count of the next report
  std::function<void()> progress_;
  Trace trace_;
};

}  // namespace choreo::sim
