// The sweep's worker pool; see sweep_pool.h.
#include "cli/sweep_pool.h"

#include <atomic>
#include <cassert>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace choreo::cli {

void run_pool(std::size_t first, std::size_t end, unsigned threads,
              const std::function<bool(std::size_t)>& work) {
  assert(threads >= 1);
  std::atomic<std::size_t> next{first};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::exception_ptr failure;  // the first exception a call threw
  const auto worker = [&] {
    while (!stop.load()) {
      const std::size_t i = next.fetch_add(1);
      if (i >= end) return;
      try {
        if (!work(i)) stop.store(true);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop.store(true);
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();  // the calling thread is worker number one
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace choreo::cli
