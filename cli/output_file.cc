// Checked output files; see output_file.h.
#include "cli/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "cli/exit_codes.h"
#include "sim/text.h"

namespace choreo::cli {

namespace {

// Writes all of `content` to `fd`, retrying short writes; false with errno set.
bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

OutputStatus write_file_atomically(const std::string& dir, const std::string& name, std::string_view content,
                                   const std::string& flag) {
  const std::string where = fmt::format("{} {}", flag, sim::printable(dir));
  const std::string path = dir + "/" + name;
  const std::string temp = fmt::format("{}.tmp-{}", path, ::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return OutputError{fmt::format("{}: cannot write {}: {}", where, name, std::strerror(errno)),
                       kExitBadInput};
  }
  const bool written = write_all(fd, content) && ::fsync(fd) == 0;
  const int write_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    const int e = written ? errno : write_errno;
    ::unlink(temp.c_str());
    return OutputError{
        fmt::format("{}: writing {} failed: {} (nothing was written)", where, name, std::strerror(e)),
        kExitOutput};
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(temp.c_str());
    return OutputError{fmt::format("{}: cannot replace {}: {}", where, name, std::strerror(e)),
                       kExitBadInput};
  }
  return std::nullopt;
}

OutputStatus write_path_atomically(const std::string& path, std::string_view content,
                                   const std::string& flag) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return write_file_atomically(".", path, content, flag);
  return write_file_atomically(slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1), content,
                               flag);
}

OutputStatus create_parent_directory(const std::string& path, const std::string& flag) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (!ec) return std::nullopt;
  return OutputError{fmt::format("{} {}: cannot create directory {}: {}", flag, sim::printable(path),
                                 sim::printable(parent.string()), ec.message()),
                     kExitBadInput};
}

OutputStatus open_checked(std::ofstream& stream, const std::string& flag, const std::string& path) {
  if (auto failed = create_parent_directory(path, flag)) return failed;
  errno = 0;
  stream.open(path);
  if (stream) return std::nullopt;
  const std::string why = errno != 0 ? std::strerror(errno) : "cannot open";
  return OutputError{fmt::format("{} {}: cannot open for writing: {}", flag, sim::printable(path), why),
                     kExitBadInput};
}

OutputStatus close_checked(std::ofstream& stream, const std::string& flag, const std::string& path) {
  errno = 0;
  stream.close();
  if (!stream.fail()) return std::nullopt;
  const std::string why = errno != 0 ? std::strerror(errno) : "a write failed";
  return OutputError{
      fmt::format("{} {}: writing failed: {} (the file is incomplete)", flag, sim::printable(path), why),
      kExitOutput};
}

}  // namespace choreo::cli
