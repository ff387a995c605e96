// The HTML report of a run; see run_report.h.
#include "cli/run_report.h"

#include <fmt/format.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/exit_codes.h"
#include "cli/shell_quote.h"
#include "sim/text.h"

namespace choreo::cli {

namespace {

std::string scripts_dir() {
  const char* env = std::getenv("CHOREO_SCRIPTS");
  return env != nullptr && *env != '\0' ? std::string(env) : std::string(CHOREO_SCRIPTS_DIR);
}

std::string last_line(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line)) {
    if (!line.empty()) last = line;
  }
  return last;
}

}  // namespace

OutputStatus check_report(const std::string& report) {
  const std::string script = scripts_dir() + "/report_html.py";
  if (!std::filesystem::exists(script)) {
    return OutputError{
        fmt::format("--report {}: cannot find {} (set CHOREO_SCRIPTS to a choreo source tree's "
                    "scripts/ directory)",
                    sim::printable(report), sim::printable(script)),
        kExitBadInput};
  }
  const std::filesystem::path parent = std::filesystem::path(report).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) {
    return OutputError{fmt::format("--report {}: cannot create directory {}: {}", sim::printable(report),
                                   sim::printable(parent.string()), ec.message()),
                       kExitBadInput};
  }
  return std::nullopt;
}

OutputStatus write_report(const std::string& report, const std::string& out_dir, const std::string& trace,
                          const std::string& explanation) {
  if (auto e = write_file_atomically(out_dir, "explain.txt", explanation, "--out")) return e;
  const std::string dir = scripts_dir(), errors = out_dir + "/.report-errors.txt";
  const std::string command =
      fmt::format("{} {} {} --trace {} --explain {} -o {} >/dev/null 2>{}", shell_quote(dir + "/python.sh"),
                  shell_quote(dir + "/report_html.py"), shell_quote(out_dir), shell_quote(trace),
                  shell_quote(out_dir + "/explain.txt"), shell_quote(report), shell_quote(errors));
  const int status = std::system(command.c_str());
  const std::string why = last_line(errors);
  std::error_code ec;
  std::filesystem::remove(errors, ec);
  if (status != 0) {
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return OutputError{fmt::format("--report {}: report_html.py failed (exit {}): {}", sim::printable(report),
                                   code, why.empty() ? "no message" : sim::printable(why)),
                       kExitOutput};
  }
  return std::nullopt;
}

}  // namespace choreo::cli
