// The trace: every processed event folded into a 64-bit hash, and optionally
// written as JSON Lines (one object per line: t_us, node, kind, fields).
//
// Two runs that process the same events in the same order have the same
// hash; any difference in time, node, kind, payload or order changes it
// (with overwhelming probability). The hash does not depend on whether the
// file is written, on its filter, or on which lines models write: writing
// is an observer. Two runs are compared by this digest (README.md,
// "Determinism").
//
// Lines: a TraceLine is a time, a node name, a kind and up to kMaxFields
// named fields, each a number or a text. Models write lines of their own
// (a broker's publish, deliver, process, ...) with write(); the engine
// writes one line per processed event only when TraceOptions::engine_events
// is set (those carry an opaque `arg`).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "sim/time.h"

namespace choreo::sim {

// A named integer field of a trace note.
using TraceField = std::pair<std::string_view, std::int64_t>;

// One line of the trace file. Views must outlive the write() call only.
class TraceLine {
 public:
  static constexpr std::size_t kMaxFields = 20;
  struct Value {
    std::string_view name;
    std::int64_t number = 0;
    std::string_view text;
    bool is_text = false;
  };

  TraceLine(Time t, std::string_view node, std::string_view kind) : t_(t), node_(node), kind_(kind) {}
  // Adds a field; past kMaxFields, fields are dropped (an assertion in debug).
  TraceLine& add(std::string_view name, std::int64_t value);
  TraceLine& add_text(std::string_view name, std::string_view text);

  Time t() const { return t_; }
  std::string_view node() const { return node_; }
  std::string_view kind() const { return kind_; }
  const Value* begin() const { return values_.data(); }
  const Value* end() const { return values_.data() + size_; }
  // The field named `name`, or nullptr.
  const Value* find(std::string_view name) const;

 private:
  Time t_;
  std::string_view node_;
  std::string_view kind_;
  std::array<Value, kMaxFields> values_{};
  std::size_t size_ = 0;
};

struct TraceOptions {
  // One line per processed engine event (node, kind, opaque arg).
  bool engine_events = true;
  // Lines for which this returns false are not written (empty: all are).
  std::function<bool(const TraceLine&)> keep;
};

class Trace {
 public:
  // Folds one processed event into the hash.
  void fold(Time t, std::uint32_t node, std::uint16_t kind, std::uint64_t arg) {
    const std::uint64_t x = static_cast<std::uint64_t>(t) * 0x9e3779b97f4a7c15ULL ^
                            ((std::uint64_t{node} << 16) | kind) * 0xc2b2ae3d27d4eb4fULL ^
                            arg * 0x165667b19e3779f9ULL;
    hash_ = ((hash_ << 5) | (hash_ >> 59)) ^ x;
    hash_ *= 0xff51afd7ed558ccdULL;
  }
  void fold_value(std::uint64_t v) { fold(0, 0, 0, v); }

  std::uint64_t hash() const { return hash_; }

  // Where JSON Lines go; nullptr (the default) writes nothing.
  void set_output(std::ostream* out, TraceOptions options = {}) {
    out_ = out;
    options_ = std::move(options);
  }
  bool writing() const { return out_ != nullptr; }
  bool engine_events() const { return out_ != nullptr && options_.engine_events; }

  // Writes one line, {"t_us":T,"node":"N","kind":"K",<fields>}, if the
  // filter keeps it.
  void write(const TraceLine& line);
  void write(Time t, std::string_view node, std::string_view kind, std::initializer_list<TraceField> fields);

 private:
  std::uint64_t hash_ = 0x84222325cbf29ce4ULL;
  std::ostream* out_ = nullptr;
  TraceOptions options_;
  std::string buffer_;
};

// The hash as 16 lowercase hex digits, as printed and stored in summary.json.
std::string format_hash(std::uint64_t hash);

}  // namespace choreo::sim
