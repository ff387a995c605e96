// Helpers for the sweep and plot tests: run a shell command (the real
// `choreo` binary or a plot script) capturing exit code, stdout and stderr,
// and make a fresh scratch directory per test.
//
// Unlike tests/cli/command.h, every capture file is unique per process and
// call, so test binaries that ctest runs in parallel never share one.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace choreo::sweep_testing {

struct Ran {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A new empty directory under the test temp dir, ending in '/'.
inline std::string scratch_dir(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string dir = ::testing::TempDir() + "choreo_sweep_" + std::to_string(::getpid()) + "_" +
                          info->test_suite_name() + "_" + info->name() + "_" + name + "/";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs `command` with /bin/sh in the source directory.
inline Ran run_shell(const std::string& command) {
  static int calls = 0;
  const std::string err_file =
      ::testing::TempDir() + "choreo_sweep_stderr_" + std::to_string(::getpid()) + "_" + std::to_string(++calls);
  const std::string cmd = std::string("cd ") + CHOREO_SOURCE_DIR + " && " + command + " 2>" + err_file;
  Ran r;
  FILE* pipe = popen(cmd.c_str(), "r");
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err_file);
  std::filesystem::remove(err_file);
  return r;
}

inline Ran choreo(const std::string& args) { return run_shell(std::string(CHOREO_BINARY) + " " + args); }

inline Ran python(const std::string& script_and_args) {
  return run_shell(std::string(CHOREO_PYTHON) + " scripts/" + script_and_args);
}

}  // namespace choreo::sweep_testing
