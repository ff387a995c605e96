// Writing a run's files so that no failure is silent. summary.json and
// timeseries.csv are written whole to a temporary file beside the target,
// flushed to disk (fsync) and renamed over it: a crash or a full disk never
// leaves a half-written file under the real name. A stream written during
// the run (the trace) is checked when it is closed.
//
// A failure is one line and an exit code: kExitBadInput when the path the
// user gave cannot be used (a missing directory, no permission, a directory
// where a file belongs), kExitOutput when a write failed (disk full, I/O
// error) and data was lost. Not for the CSV a sweep writes as it runs, which
// appends whole lines (cli/sweep_writer.h); its cells CSV and a merged CSV
// are written whole, through here.
#pragma once

#include <fstream>
#include <optional>
#include <string>
#include <string_view>

namespace choreo::cli {

struct OutputError {
  std::string message;  // one line: "--out out/x: writing summary.json failed: No space left on device"
  int exit_code;        // kExitBadInput or kExitOutput
};
using OutputStatus = std::optional<OutputError>;  // empty on success

// Writes `content` to `dir`/`name` through a temporary file and rename(2).
// `flag` names where the user gave the path ("--out").
OutputStatus write_file_atomically(const std::string& dir, const std::string& name, std::string_view content,
                                   const std::string& flag);

// The same for a file the user named (a sweep's CSV): `path` is split into
// its directory ("." when none) and its name.
OutputStatus write_path_atomically(const std::string& path, std::string_view content,
                                   const std::string& flag);

// Creates the directory `path` (given with `flag`) is to be written in, as
// --out does; a directory that cannot be made is one line and kExitBadInput.
OutputStatus create_parent_directory(const std::string& path, const std::string& flag);

// Opens `path` (given with `flag`, "--trace") for writing, creating its
// directory as --out does; a path that cannot be used is one line and
// kExitBadInput, naming why.
OutputStatus open_checked(std::ofstream& stream, const std::string& flag, const std::string& path);

// Closes `stream`, written to `path` as given with `flag` ("--trace"), and
// reports a write that failed at any point.
OutputStatus close_checked(std::ofstream& stream, const std::string& flag, const std::string& path);

}  // namespace choreo::cli
