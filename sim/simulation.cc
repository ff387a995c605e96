// The event loop; see simulation.h.
#include "sim/simulation.h"

#include <cassert>

namespace choreo::sim {

Simulation::Simulation(std::uint64_t seed) : seed_(seed) {}

void Simulation::adopt(std::unique_ptr<Node> node) {
  assert(node->sim_ == nullptr && "a node belongs to one simulation");
  node->sim_ = this;
  node->id_ = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(std::move(node));
}

void Simulation::crash(NodeId id) {
  Node& n = *nodes_[id];
  if (!n.up_) return;
  n.up_ = false;
  n.epoch_ = static_cast<std::uint16_t>(n.epoch_ == UINT16_MAX ? 1 : n.epoch_ + 1);
  note(id, "crash");
  n.on_crash();
}

void Simulation::restart(NodeId id) {
  Node& n = *nodes_[id];
  if (n.up_) return;
  n.up_ = true;
  note(id, "restart");
  n.on_restart();
}

void Simulation::dispatch(const Event& e) {
  Node& n = *nodes_[e.node];
  if (e.epoch != 0) {
    if (e.epoch != n.epoch_) return;  // a timer of an earlier incarnation
  } else if (!n.up_) {
    ++dropped_down_;
    return;
  }
  ++processed_;
  trace_.fold(e.time, e.node, e.kind, e.arg);
  if (trace_.writing()) {
    trace_.write(e.time, n.name(), n.kind_name(e.kind),
                 {{"arg", static_cast<std::int64_t>(e.arg)}});
  }
  n.on_event(e);
}

StopReason Simulation::run_until(Time end) {
  stopped_ = false;
  while (!queue_.empty()) {
    const Event e = queue_.top();
    if (e.time > end) break;
    if (e.time >= next_sample_) run_samplers_through(e.time);
    now_ = e.time;
    pop_pending_ = true;
    dispatch(e);
    if (pop_pending_) {
      pop_pending_ = false;
      queue_.pop();
    }
    if (stopped_) return StopReason::kStopped;
  }
  if (end == kForever) return StopReason::kNoEvents;
  if (end >= next_sample_) run_samplers_through(end);
  if (end > now_) now_ = end;
  return queue_.empty() ? StopReason::kNoEvents : StopReason::kTimeReached;
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

void Simulation::note(NodeId node, std::string_view what, std::initializer_list<TraceField> fields) {
  trace_.fold(now_, node, 0xffff, hash_name(what));
  for (const auto& f : fields) trace_.fold_value(static_cast<std::uint64_t>(f.second));
  if (trace_.writing()) {
    trace_.write(now_, node == kNoNode ? std::string_view("sim") : nodes_[node]->name(), what, fields);
  }
}

}  // namespace choreo::sim
