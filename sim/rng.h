// The one random number generator of choreo: xoshiro256** (Blackman & Vigna,
// 2018), seeded through splitmix64. Portable and bit-exact on every platform.
//
// Every component draws from its own named stream, derived from the run seed
// and the component's name, so adding a component never changes the draws of
// another:
//
//   Rng rng = Rng::stream(seed, "broker/sqs/comments");
//   std::uint64_t x = rng.next();
//
// Not a cryptographic generator. Distributions live in random.h; never use
// std::*_distribution or rand(): their output differs between libraries.
#pragma once

#include <cstdint>
#include <string_view>

namespace choreo::sim {

// One step of splitmix64: advances `state` and returns a well-mixed value.
std::uint64_t splitmix64(std::uint64_t& state);

// FNV-1a 64-bit hash of a name; stable across platforms and releases.
std::uint64_t hash_name(std::string_view name);

class Rng {
 public:
  // Seeds the four state words from splitmix64(seed).
  explicit Rng(std::uint64_t seed);

  // The independent stream for component `name` in the run with `seed`.
  static Rng stream(std::uint64_t seed, std::string_view name);

  // A child stream derived from this stream's seed and `name`; does not
  // advance this stream.
  Rng child(std::string_view name) const;

  // A generator with the given raw state, for known-answer tests against the
  // reference implementation. REQUIRES: not all words zero.
  static Rng from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2, std::uint64_t s3);

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // A double uniform in [0, 1) with 53 random bits.
  double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  std::uint64_t seed() const { return seed_; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
  std::uint64_t seed_;
};

}  // namespace choreo::sim
