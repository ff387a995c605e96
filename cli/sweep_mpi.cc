// The MPI sweep; see sweep_mpi.h.
#include "cli/sweep_mpi.h"

#include <mpi.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <limits>
#include <thread>
#include <vector>

namespace choreo::cli {

namespace {

enum Tag : int {
  kAsk = 1,     // worker -> 0: empty, "give me a position"
  kResult = 2,  // worker -> 0: 8-byte position, then the result bytes
  kGive = 3,    // 0 -> worker: one uint64, a position or kStop
};
constexpr std::uint64_t kStop = std::numeric_limits<std::uint64_t>::max();
// How long rank 0's coordinator sleeps when no message waits: short
// against a run's milliseconds, long enough not to spin a core.
constexpr auto kIdle = std::chrono::microseconds(200);

}  // namespace

MpiJob::MpiJob() {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiJob::~MpiJob() { MPI_Finalize(); }

bool MpiJob::all(bool ok) const {
  int mine = ok ? 1 : 0, every = 0;
  MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  return every == 1;
}

void coordinate_runs(const MpiJob& job, std::size_t first, std::size_t end, const ComputeRun& compute,
                     const RecordRun& record) {
  std::atomic<std::size_t> next{first};
  std::atomic<bool> stop{false};
  const auto take = [&]() -> std::uint64_t {
    if (stop.load()) return kStop;
    const std::size_t p = next.fetch_add(1);
    return p < end ? p : kStop;
  };
  std::thread local([&] {
    for (auto p = take(); p != kStop; p = take()) {
      if (!record(p, compute(p))) stop.store(true);
    }
  });
  int working = job.size() - 1;
  std::vector<char> buffer;
  while (working > 0) {
    int waiting = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &waiting, &status);
    if (waiting == 0) {
      std::this_thread::sleep_for(kIdle);
      continue;
    }
    int bytes = 0;
    MPI_Get_count(&status, MPI_CHAR, &bytes);
    buffer.resize(static_cast<std::size_t>(bytes) + 1);
    MPI_Recv(buffer.data(), bytes, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    if (status.MPI_TAG == kResult) {
      std::uint64_t position = 0;
      std::memcpy(&position, buffer.data(), sizeof position);
      const std::string result(buffer.data() + sizeof position,
                               static_cast<std::size_t>(bytes) - sizeof position);
      if (!record(position, result)) stop.store(true);
    }
    const std::uint64_t give = take();
    MPI_Send(&give, 1, MPI_UINT64_T, status.MPI_SOURCE, kGive, MPI_COMM_WORLD);
    if (give == kStop) --working;
  }
  local.join();
}

void serve_runs(const ComputeRun& compute) {
  MPI_Send(nullptr, 0, MPI_CHAR, 0, kAsk, MPI_COMM_WORLD);
  for (;;) {
    std::uint64_t position = kStop;
    MPI_Recv(&position, 1, MPI_UINT64_T, 0, kGive, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (position == kStop) return;
    const std::string result = compute(position);
    std::string message(sizeof position, '\0');
    std::memcpy(message.data(), &position, sizeof position);
    message += result;
    MPI_Send(message.data(), static_cast<int>(message.size()), MPI_CHAR, 0, kResult, MPI_COMM_WORLD);
  }
}

}  // namespace choreo::cli
