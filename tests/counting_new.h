// Replaces the global operator new and delete in the test binary that
// includes it, counting calls and bytes, for tests that assert how much a
// piece of code allocates (tests/replicas/counter_merge_test.cc,
// tests/footprint/footprint_test.cc). Include it in exactly one file of a
// test binary: it defines the replacements, which are global to the binary.
// Blocks come from malloc in every form (the nothrow one is what
// std::stable_sort's buffer uses), so the replaced delete's free() always
// pairs with them, as AddressSanitizer checks.
#pragma once

#include <cstdlib>
#include <new>

namespace choreo::testing {

struct AllocationCount {
  std::size_t calls = 0;  // operator new calls so far in this binary
  std::size_t bytes = 0;  // bytes they requested
};
inline AllocationCount allocation_count;

inline void* counted_malloc(std::size_t n) noexcept {
  ++allocation_count.calls;
  allocation_count.bytes += n;
  return std::malloc(n == 0 ? 1 : n);
}

}  // namespace choreo::testing

void* operator new(std::size_t n) {
  if (void* p = choreo::testing::counted_malloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  return choreo::testing::counted_malloc(n);
}
// GCC (-O2, as in the sanitizer build) sees free() of what operator new
// returned once both are inlined, and warns; the pair is consistent here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop
