// The examples of a Markdown file (README.md), read as the test runs them.
//
// Fenced blocks, by info string:
//   ```sh         every line is a command that must exit 0, or N when the
//                 line ends in "# exit N"; other "# ..." tails are comments;
//                 a trailing backslash continues a command on the next line.
//   ```console    a transcript: "$ command  # exit N" lines, each followed by
//                 the exact lines it prints (stdout, then stderr).
//   ```sh setup   commands the test does not run (install, build, CI); each
//                 must start with one of kExemptPrefixes, so no example can
//                 hide there.
//   ```ini        a scenario; when its first line is "# file: NAME", it is
//                 written to NAME before the commands after it run.
// Any other block (```text, ```json, ...) must not hold a line that looks
// like a command ("choreo ...", "$ ...", "scripts/x.sh ...", "build/..."):
// such a line is reported as a problem, so every command shown is either
// run or explicitly exempt.
//
// Only parses: running is the test's job.
#pragma once

#include <array>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace choreo::testing {

// What a ```sh setup block may hold: installing, building, testing, fuzzing,
// a long swarm, and rewriting the golden files (which a test run must never
// do by itself).
inline constexpr std::array<std::string_view, 9> kExemptPrefixes = {
    "scripts/quickstart.sh", "scripts/test.sh", "scripts/setup.sh",        "scripts/fuzz.sh",   "cmake ",
    "sudo cmake ",           "export PATH=",    "CHOREO_UPDATE_GOLDEN=1 ", "CHOREO_SWARM_RUNS="};

struct ReadmeStep {
  int line = 0;               // of the command, or of the ini block's first line
  std::string command;        // empty for a file to write
  int exit_code = 0;          // expected
  bool check_output = false;  // console transcripts
  std::string output;         // expected stdout + stderr, lines ending in '\n'
  std::string file, content;  // an ini block with "# file: NAME"
};

struct ReadmeExamples {
  std::vector<ReadmeStep> steps;      // in file order
  std::vector<std::string> exempt;    // setup commands, not run
  std::vector<std::string> problems;  // "README.md:12: ..." lines
};

namespace readme_detail {

inline std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

// Splits "cmd   # exit 2" into the command and its expected exit code.
inline std::string strip_comment(const std::string& line, int& exit_code) {
  exit_code = 0;
  const auto hash = line.find(" #");
  if (hash == std::string::npos) return trim(line);
  const std::string comment = trim(std::string_view(line).substr(hash + 2));
  if (comment.rfind("exit ", 0) == 0) exit_code = std::stoi(comment.substr(5));
  return trim(std::string_view(line).substr(0, hash));
}

// "choreo ...", "$ ...", or a first word that is a script or a built binary
// ("scripts/x.sh", "bench/y.py", "build/cli/choreo"); not "scripts/  plots".
inline bool looks_like_command(const std::string& line) {
  if (line.rfind("choreo ", 0) == 0 || line.rfind("$ ", 0) == 0) return true;
  const std::string word = line.substr(0, line.find_first_of(" \t"));
  if (word.find('/') == std::string::npos) return false;
  return word.ends_with(".sh") || word.ends_with(".py") || word.rfind("build", 0) == 0;
}

}  // namespace readme_detail

inline ReadmeExamples parse_readme(const std::string& text, const std::string& name) {
  using readme_detail::trim;
  ReadmeExamples out;
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  const auto where = [&](std::size_t i) { return name + ":" + std::to_string(i + 1) + ": "; };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("```", 0) != 0) continue;
    const std::string info = trim(std::string_view(lines[i]).substr(3));
    const std::size_t start = i + 1;
    std::size_t end = start;
    while (end < lines.size() && lines[end].rfind("```", 0) != 0) ++end;
    if (end == lines.size()) {
      out.problems.push_back(where(i) + "unclosed code block");
      break;
    }
    if (info == "sh") {
      for (std::size_t j = start; j < end; ++j) {
        std::string joined = lines[j];
        const std::size_t first = j;
        while (!joined.empty() && joined.back() == '\\' && j + 1 < end)
          joined.pop_back(), joined += trim(lines[++j]);
        ReadmeStep step;
        step.line = static_cast<int>(first + 1);
        step.command = readme_detail::strip_comment(joined, step.exit_code);
        if (step.command.empty() || step.command[0] == '#') continue;
        out.steps.push_back(step);
      }
    } else if (info == "console") {
      for (std::size_t j = start; j < end; ++j) {
        if (lines[j].rfind("$ ", 0) != 0) {
          out.problems.push_back(where(j) + "console output before any '$ command'");
          continue;
        }
        ReadmeStep step;
        step.line = static_cast<int>(j + 1);
        step.command = readme_detail::strip_comment(lines[j].substr(2), step.exit_code);
        step.check_output = true;
        while (j + 1 < end && lines[j + 1].rfind("$ ", 0) != 0) step.output += lines[++j] + "\n";
        out.steps.push_back(step);
      }
    } else if (info == "sh setup") {
      for (std::size_t j = start; j < end; ++j) {
        int unused = 0;
        const std::string command = readme_detail::strip_comment(lines[j], unused);
        if (command.empty() || command[0] == '#') continue;
        bool allowed = false;
        for (auto p : kExemptPrefixes) allowed = allowed || command.rfind(p, 0) == 0;
        if (!allowed) out.problems.push_back(where(j) + "not an install/build/test line: '" + command + "'");
        out.exempt.push_back(command);
      }
    } else if (info == "ini" && start < end && lines[start].rfind("# file: ", 0) == 0) {
      ReadmeStep step;
      step.line = static_cast<int>(start + 1);
      step.file = trim(std::string_view(lines[start]).substr(8));
      for (std::size_t j = start; j < end; ++j) step.content += lines[j] + "\n";
      out.steps.push_back(step);
    } else {
      for (std::size_t j = start; j < end; ++j) {
        if (readme_detail::looks_like_command(lines[j]))
          out.problems.push_back(where(j) + "a command in a ```" + info +
                                 " block (use sh, console or sh setup)");
      }
    }
    i = end;
  }
  return out;
}

}  // namespace choreo::testing
