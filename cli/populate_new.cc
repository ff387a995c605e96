// The choreo executable's operator new: a block of 16 KiB to 64 MiB comes
// back with its pages already mapped (madvise MADV_POPULATE_WRITE), not
// mapped one page fault at a time as the program first writes them.
//
// Why: a run's growing arrays (the event pool, the key index, the counts,
// the pages' comments) get fresh pages from the kernel as they double. On
// the 2-core VM this project is measured on, a page fault costs 10.6 us and
// populating a page 0.5-2.6 us (one madvise call per block; a syscall is
// 1 us): `choreo run scenarios/default.ini` took 750 faults, 293 with
// this, and its run loop 6 % less time (README, "Performance").
//
// What it costs: the pages of a block's unused capacity are mapped too, so
// peak RSS grows by at most the spare half of the arrays that double (8.2
// -> 8.5 MiB on default.ini); blocks above 64 MiB are left to fault in as
// used, so that a large run's spare capacity stays unmapped. Where the
// kernel lacks MADV_POPULATE_WRITE (before Linux 5.14) the call fails and
// pages fault in as before. Sanitizer builds keep the runtime's own
// operator new (cli/CMakeLists.txt), so its checks stay whole.
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t kPage = 4096;
constexpr std::size_t kPopulateFrom = 16 * 1024;
constexpr std::size_t kPopulateUpTo = std::size_t{64} << 20;

// The whole pages inside [p, p + n).
void populate(void* p, std::size_t n) {
  if (n < kPopulateFrom || n > kPopulateUpTo) return;
  const std::uintptr_t first = (reinterpret_cast<std::uintptr_t>(p) + kPage - 1) & ~std::uintptr_t{kPage - 1};
  const std::uintptr_t last = (reinterpret_cast<std::uintptr_t>(p) + n) & ~std::uintptr_t{kPage - 1};
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_WRITE);
}

}  // namespace

void* operator new(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) throw std::bad_alloc();
  populate(p, n);
  return p;
}

void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
