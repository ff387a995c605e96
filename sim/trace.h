// The trace: every processed event folded into a 64-bit hash, and optionally
// written as JSON Lines (one object per line: t_us, node, kind, fields).
//
// Two runs that process the same events in the same order have the same
// hash; any difference in time, node, kind, payload or order changes it
// (with overwhelming probability). The hash does not depend on whether the
// file is written. Two runs are compared by this digest (README.md, "Determinism").
#pragma once

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string_view>
#include <utility>

#include "sim/time.h"

namespace choreo::sim {

// A named integer field of a trace note.
using TraceField = std::pair<std::string_view, std::int64_t>;

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
  void set_output(std::ostream* out) { out_ = out; }
  bool writing() const { return out_ != nullptr; }

  // Writes one line: {"t_us":T,"node":"N","kind":"K",<fields>}.
  void write(Time t, std::string_view node, std::string_view kind, std::initializer_list<TraceField> fields);

 private:
  std::uint64_t hash_ = 0x84222325cbf29ce4ULL;
  std::ostream* out_ = nullptr;
};

// The hash as 16 lowercase hex digits, as printed and stored in summary.json.
std::string format_hash(std::uint64_t hash);

}  // namespace choreo::sim
