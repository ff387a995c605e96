// The ordered writer; see sweep_writer.h.
#include "cli/sweep_writer.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/sweep_csv.h"

namespace choreo::cli {

OrderedWriter::OrderedWriter(std::string path, const Grid& grid, Shard shard, bool wall_time,
                             SweepIdentity identity, std::size_t next, std::optional<RowSchema> schema)
    : path_(std::move(path)),
      grid_(grid),
      shard_(shard),
      wall_time_(wall_time),
      identity_(std::move(identity)),
      next_(next),
      schema_(std::move(schema)) {
  assert(schema_.has_value() || next_ == 0);
}

OrderedWriter::~OrderedWriter() {
  if (fd_ >= 0) ::close(fd_);
}

sim::Status OrderedWriter::open() {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    return sim::Error{fmt::format("--out {}: cannot open for appending: {}", path_, std::strerror(errno))};
  return sim::Ok{};
}

sim::Status OrderedWriter::write_line(const std::string& line) {
  std::size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return sim::Error{fmt::format("--out {}: write failed: {} (the CSV ends before this row)", path_,
                                    std::strerror(n == 0 ? EIO : errno))};
    }
    done += static_cast<std::size_t>(n);
  }
  return sim::Ok{};
}

sim::Status OrderedWriter::submit(std::size_t position, nlohmann::json summary, bool holds) {
  std::lock_guard lock(mutex_);
  assert(position >= next_ && !pending_.contains(position));
  pending_.emplace(position, Pending{std::move(summary), holds});
  for (auto it = pending_.find(next_); it != pending_.end(); it = pending_.find(next_)) {
    std::string text;
    if (!schema_) {
      schema_ = row_schema(grid_, wall_time_, it->second.summary);
      text = csv_line(schema_->columns());
    }
    for (auto& name : unlisted_replicas(*schema_, it->second.summary)) unlisted_.insert(std::move(name));
    text += csv_line(row_fields(*schema_, grid_.cell_values(grid_.cell_of(shard_.run_of(next_))),
                                it->second.summary, it->second.holds, identity_));
    if (auto w = write_line(text); !w) return w;
    pending_.erase(it);
    ++next_;
  }
  return sim::Ok{};
}

std::set<std::string> OrderedWriter::unlisted() const {
  std::lock_guard lock(mutex_);
  return unlisted_;
}

}  // namespace choreo::cli
