// Runs the real `choreo` binary, or any shell command, from a test and
// captures its exit code, stdout and stderr (ninja's output tests do the
// same), and lists the scenario library for tests that cover every scenario.
//
// Commands run with /bin/sh in the source directory, so scenarios/ and
// scripts/ resolve (run_shell_in picks another directory). Each call captures stderr in its own file, named
// by test, process and call, and removes it after: ctest runs test binaries in parallel and they never share
// one.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace choreo::testing {

struct CommandResult {
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

// Runs `command` with /bin/sh in `dir`.
inline CommandResult run_shell_in(const std::string& dir, const std::string& command) {
  static int calls = 0;
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string tag = test != nullptr ? std::string(test->test_suite_name()) + "." + test->name() : "";
  for (char& c : tag) c = c == '/' ? '_' : c;  // parameterised names hold '/'
  const std::string err_file = ::testing::TempDir() + "choreo_stderr_" + tag + "_" +
                               std::to_string(::getpid()) + "_" + std::to_string(++calls) + ".txt";
  const std::string cmd = "cd '" + dir + "' && { " + command + "\n} 2>" + err_file;
  CommandResult r;
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

// Runs `command` with /bin/sh in the source directory.
inline CommandResult run_shell(const std::string& command) {
  return run_shell_in(CHOREO_SOURCE_DIR, command);
}

// Runs `CHOREO_BINARY args`.
inline CommandResult choreo(const std::string& args) {
  return run_shell(std::string(CHOREO_BINARY) + " " + args);
}

// Every scenario in scenarios/, by file stem, sorted.
inline std::vector<std::string> scenario_names() {
  std::vector<std::string> names;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(CHOREO_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() == ".ini") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A GoogleTest parameter name for a scenario ("kafka-replay" -> "kafka_replay").
inline std::string scenario_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace choreo::testing
