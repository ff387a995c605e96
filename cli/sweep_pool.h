// The sweep's worker pool: N threads take run indices from one shared
// counter, in increasing order, until the range is done or a run says stop.
//
// Nothing else is shared between the threads by this file: each work call
// builds its own Simulation. Not a general thread pool (no futures, no
// queue of closures): a sweep needs only "next index, please".
#pragma once

#include <cstddef>
#include <functional>

namespace choreo::cli {

// Calls work(i) for i in [first, end) on `threads` threads (REQUIRES: >= 1)
// and returns when every started call has returned. When a call returns
// false, no further index is handed out; when one throws, none is either,
// and the first exception thrown is rethrown here, on the calling thread.
void run_pool(std::size_t first, std::size_t end, unsigned threads,
              const std::function<bool(std::size_t)>& work);

}  // namespace choreo::cli
