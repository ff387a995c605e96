// A consuming service's copy of another service's data, kept from events:
// the common face of the user mirrors and the comment counters, which the
// checker compares with the owners' truth.
//
// A replica applies each delivery with its strategy (the naive foil or a
// convergent one), can resynchronise from the owner (anti-entropy: a
// full-state pull, counted as a request to the owner), and forgets its
// store when a worker crashes if the store is in memory.
#pragma once

#include <cstdint>
#include <string>

#include "models/brokers/message.h"
#include "sim/convergence.h"

namespace choreo::wattpad {

class Replica : public brokers::Handler {
 public:
  Replica(std::string name, std::string strategy, bool memory_store)
      : name_(std::move(name)), strategy_(std::move(strategy)), memory_store_(memory_store) {}

  const std::string& name() const { return name_; }
  const std::string& strategy() const { return strategy_; }
  virtual const char* kind() const = 0;
  // Compared with the owner's truth, key by key (the checker calls this).
  virtual sim::Divergence divergence() const = 0;
  // Anti-entropy: pull the owner's full state and merge it by the strategy.
  virtual void sync() = 0;
  // The store is lost (an in-memory store on a worker crash).
  virtual void clear() = 0;

  void on_worker_crash(std::uint32_t) override {
    if (memory_store_) clear();
  }

 private:
  std::string name_;
  std::string strategy_;
  bool memory_store_;
};

}  // namespace choreo::wattpad
