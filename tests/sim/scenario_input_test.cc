// Hostile scenario input at the reader (sim/config.h, sim/expectations.h):
// bytes that are not UTF-8, control characters, a directory or a device for
// a file, files past the size limit, and a 1 MiB [expect] path. Each is one
// exact line; none throws, asserts or hangs (the 1 MiB path took minutes
// when the path walk was cubic in its length; it is linear now).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "sim/config.h"
#include "sim/expectations.h"

namespace choreo::sim {
namespace {

ConfigSchema schema() {
  ConfigSchema s;
  s.add({.key = "fault.*.service", .type = ValueType::kString, .default_value = ""});
  s.add(
      {.key = "phold.processes", .type = ValueType::kInteger, .default_value = "1", .min = "1", .max = "10"});
  s.add_open_section("expect");
  return s;
}

std::string error_of(const std::string& text, const std::vector<std::string>& overrides = {}) {
  auto raw = read_config_text(text, "x.ini");
  if (!raw) return raw.error().message;
  auto config = resolve_config(*raw, overrides, schema());
  return config ? "no error" : config.error().message;
}

std::string temp_path(const std::string& name) { return ::testing::TempDir() + "choreo_input_" + name; }

TEST(ScenarioInput, InvalidUtf8InAFileNamesTheLineAndOffset) {
  // The fuzzer's 30-byte find: a Latin-1 byte in a fault's service.
  EXPECT_EQ(error_of("[fault.c]\nkind=crash\nservice=\xE9[\n"),
            "x.ini:3: invalid UTF-8 byte 0xE9 at offset 29 (a scenario file is UTF-8 text)");
  EXPECT_EQ(error_of("[fault.c]\nservice = caf\xC3\xA9\n"), "no error");
}

TEST(ScenarioInput, InvalidUtf8InASetValue) {
  EXPECT_EQ(error_of("", {"fault.c.service=\xE9"}),
            "--set 'fault.c.service=\\xE9': invalid UTF-8 byte 0xE9 at offset 16 (--set takes UTF-8 text)");
}

TEST(ScenarioInput, ANewlineInASetValueIsOneLine) {
  EXPECT_EQ(
      error_of("", {"phold.processes=1\n2"}),
      "--set phold.processes: '1\\n2': control character \\n at offset 1 (a value is one line of text)");
  EXPECT_EQ(
      error_of("", {"fault.c.service=a\rb"}),
      "--set fault.c.service: 'a\\rb': control character \\r at offset 1 (a value is one line of text)");
  EXPECT_EQ(error_of("", {"phold.proc\nesses=1"}),
            "--set phold.proc\\nesses: unknown key 'phold.proc\\nesses' (did you mean 'phold.processes'?)");
}

// Found by fuzz_set: the suggestion for an instance key repeats the user's
// instance name, which must be quoted like the key itself.
TEST(ScenarioInput, ASuggestionRepeatingTheInstanceNameIsOneLine) {
  EXPECT_EQ(error_of("", {"fault.c\n.servic=a"}),
            "--set fault.c\\n.servic: unknown key 'fault.c\\n.servic' (did you mean 'fault.c\\n.service'?)");
}

TEST(ScenarioInput, ControlCharactersInAFileValue) {
  EXPECT_EQ(
      error_of("[fault.c]\nservice = a\x1b[2Jb\n"),
      "x.ini:2: fault.c.service = 'a\\x1B[2Jb': control character \\x1B at offset 1 (a value is one line "
      "of text)");
  EXPECT_EQ(error_of("[fault.c\x01]\n"), "x.ini:1: expected '[section]', got '[fault.c\\x01]'");
}

TEST(ScenarioInput, ADirectoryIsNotAScenarioFile) {
  const std::string dir = temp_path("dir");
  std::filesystem::create_directories(dir);
  EXPECT_EQ(read_config_file(dir).error().message, dir + ": is a directory, not a scenario file");
}

TEST(ScenarioInput, AnEndlessDeviceStopsAtTheSizeLimit) {
  EXPECT_EQ(read_config_file("/dev/zero").error().message,
            "/dev/zero: larger than 1 MiB, the limit for a scenario file");
}

TEST(ScenarioInput, AFileOfOneMibIsReadAndOneByteMoreIsRefused) {
  const std::string path = temp_path("big.ini");
  std::string text = "[phold]\nprocesses = 2\n";
  text += std::string(kMaxScenarioBytes - text.size() - 1, '#') + "\n";
  std::ofstream(path, std::ios::binary) << text;
  auto raw = read_config_file(path);
  ASSERT_TRUE(raw.ok()) << raw.error().message;
  EXPECT_EQ(raw->entries.size(), 1u);
  std::ofstream(path, std::ios::binary | std::ios::app) << "#";
  EXPECT_EQ(read_config_file(path).error().message,
            path + ": larger than 1 MiB, the limit for a scenario file");
}

TEST(ScenarioInput, AOneMibDottedExpectPathIsAnsweredAtOnce) {
  std::string path = "a";
  while (path.size() < 1'000'000) path += ".a";
  auto raw = read_config_text("[expect]\n" + path + " = 1\n", "x.ini");
  ASSERT_TRUE(raw.ok()) << raw.error().message;
  const nlohmann::json summary = {{"converged", true}, {"config", {{"run.duration", "1s"}}}};
  auto checked = check_expectations(summary, raw->entries);
  // The message quotes the first 200 bytes of the key ("expect." and 193 of the path).
  EXPECT_EQ(checked.error().message,
            "x.ini:2: expect." + path.substr(0, 193) +
                "... (1000008 bytes) = '1': no 'a' in the summary (have: config, converged)");
  // A path that walks through a key holding dots, then a million segments more.
  std::string deep = "config.run.duration";
  while (deep.size() < 1'000'000) deep += ".x";
  raw = read_config_text("[expect]\n" + deep + " = 1\n", "x.ini");
  checked = check_expectations(summary, raw->entries);
  EXPECT_NE(checked.error().message.find(": no 'x' in config.run.duration (have: )"), std::string::npos);
}

}  // namespace
}  // namespace choreo::sim
