// The event loop; see simulation.h.
#include "sim/simulation.h"

#include <cassert>

namespace choreo::sim {

Simulation::Simulation(std::uint64_t seed) : seed_(seed) {}

void Simulation::adopt(std::unique_ptr<Node> node, std::uint32_t members) {
  assert(node->sim_ == nullptr && "a node belongs to one simulation");
  assert(members >= 1);
  node->sim_ = this;
  node->id_ = static_cast<NodeId>(slots_.size());
  node->size_ = members;
  for (std::uint32_t i = 0; i < members; ++i)
    slots_.push_back(Slot{static_cast<std::uint32_t>(nodes_.size()), 1, true});
  nodes_.push_back(std::move(node));
}

void Simulation::crash(NodeId id, std::string_view why) {
  Slot& s = slots_[id];
  if (!s.up) return;
  s.up = false;
  s.epoch = static_cast<std::uint16_t>(s.epoch == UINT16_MAX ? 1 : s.epoch + 1);
  fold_note(id, "crash", {});
  if (trace_.writing()) {
    const std::string name = node_name(id);
    TraceLine line(now_, name, "crash");
    if (!why.empty()) line.add_text("reason", why);
    trace_.write(line);
  }
  nodes_[s.node]->on_member_crash(id);
}

void Simulation::restart(NodeId id) {
  Slot& s = slots_[id];
  if (s.up) return;
  s.up = true;
  note(id, "restart");
  nodes_[s.node]->on_member_restart(id);
}

void Simulation::dispatch(const Event& e) {
  const Slot& s = slots_[e.node];
  if (e.epoch != 0) {
    if (e.epoch != s.epoch) return;  // a timer of an earlier incarnation
  } else if (!s.up) {
    ++dropped_down_;
    return;
  }
  ++processed_;
  trace_.fold(e.time, e.node, e.kind, e.arg);
  if (trace_.engine_events()) [[unlikely]]
    trace_engine_event(e);
  nodes_[s.node]->on_event(e);
}

// Out of line: its string temporaries would otherwise give every dispatch a
// full stack frame.
void Simulation::trace_engine_event(const Event& e) {
  Node& node = *nodes_[slots_[e.node].node];
  trace_.write(e.time, node.member_name(e.node), node.kind_name(e.kind),
               {{"arg", static_cast<std::int64_t>(e.arg)}});
}

StopReason Simulation::run_until(Time end) {
  stopped_ = false;
  while (!queue_.empty()) {
    const Time t = queue_.next_time();
    if (t > end) break;
    // Samples due first: a sample at t sees every event before t pending or done.
    if (t >= next_sample_) run_samplers_through(t);
    const Event e = queue_.pop();
    now_ = e.time;
    dispatch(e);
    if (processed_ >= progress_at_) [[unlikely]] {
      progress_at_ = processed_ + progress_every_;
      progress_();
    }
    if (stopped_) return StopReason::kStopped;
  }
  if (end == kForever) return StopReason::kNoEvents;
  if (end >= next_sample_) run_samplers_through(end);
  if (end > now_) now_ = end;
  return queue_.empty() ? StopReason::kNoEvents : StopReason::kTimeReached;
}

void Simulation::set_progress(std::uint64_t every, std::function<void()> observer) {
  assert(every > 0);
  progress_every_ = every;
  progress_at_ = processed_ + every;
  progress_ = std::move(observer);
}

void Simulation::add_sampler(Time first, Time period, std::function<void(Time)> probe) {
  assert(period > 0);
  samplers_.push_back(Sampler{first, period, std::move(probe)});
  if (first < next_sample_) next_sample_ = first;
}

// Fires every sample due at or before t, in time order (ties: registration).
void Simulation::run_samplers_through(Time t) {
  for (;;) {
    Sampler* due = nullptr;
    for (auto& s : samplers_) {
      if (s.next <= t && (due == nullptr || s.next < due->next)) due = &s;
    }
    if (due == nullptr) break;
    now_ = due->next;
    due->probe(due->next);
    due->next += due->period;
  }
  next_sample_ = kForever;
  for (const auto& s : samplers_) {
    if (s.next < next_sample_) next_sample_ = s.next;
  }
}

void Simulation::fold_note(NodeId node, std::string_view what, std::initializer_list<TraceField> fields) {
  trace_.fold(now_, node, 0xffff, hash_name(what));
  for (const auto& f : fields) trace_.fold_value(static_cast<std::uint64_t>(f.second));
}

std::string Simulation::node_name(NodeId node) const {
  return node == kNoNode ? std::string("sim") : nodes_[slots_[node].node]->member_name(node);
}

void Simulation::note(NodeId node, std::string_view what, std::initializer_list<TraceField> fields) {
  fold_note(node, what, fields);
  if (trace_.writing()) {
    trace_.write(now_, node_name(node), what, fields);
  }
}

}  // namespace choreo::sim
