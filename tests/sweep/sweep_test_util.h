// Helpers for the sweep and plot tests on top of tests/cli/command.h: run
// `choreo sweep` or a plot script from scripts/, count the lines of a CSV
// or of stderr, and make a fresh scratch directory per test.
//
// Not a runner of its own: every command goes through testing::run_shell.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "tests/cli/command.h"

namespace choreo::testing {

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

// Runs `choreo sweep ARGS`.
inline CommandResult sweep(const std::string& args) { return choreo("sweep " + args); }

// Runs `CHOREO_PYTHON scripts/<script_and_args>`.
inline CommandResult python(const std::string& script_and_args) {
  return run_shell(std::string(CHOREO_PYTHON) + " scripts/" + script_and_args);
}

}  // namespace choreo::testing
