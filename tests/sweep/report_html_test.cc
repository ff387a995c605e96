// The HTML report (`choreo run --report`, scripts/report_html.py), checked
// in a real browser: a scripted run (the 5th comment event dropped, so its
// counter diverges, as expected) is reported as one HTML file that loads
// nothing from the network, the same page whichever path wrote it;
// headless Chromium renders it, its DOM holds the verdict, the explanation
// of the drop and both plots, and its screenshot is not blank. A report
// that cannot be made is one line and exit 2, before the run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/cli/command.h"
#include "tests/cli/traced_run.h"
#include "tests/sweep/sweep_test_util.h"

namespace choreo {
namespace {

using testing::run_shell;
using testing::scratch_dir;
using testing::slurp;

// Headless Chromium (Debian's chromium, installed by scripts/setup.sh).
std::string chromium(const std::string& dir, const std::string& args) {
  return "chromium --headless --no-sandbox --disable-gpu --user-data-dir=" + dir + "profile " + args +
         " 2>/dev/null";
}

TEST(ReportHtml, ChromiumRendersTheReportChoreoRunWritesAndTheScriptWritesTheSame) {
  ASSERT_EQ(run_shell("command -v chromium").exit_code, 0) << "no chromium: run scripts/setup.sh";
  const std::string dir = scratch_dir("report");
  const auto run = testing::traced_run(
      dir, testing::drop_five("2p-set", "", "[expect]\nreplicas.counts.converged = false\n"),
      "--report " + dir + "report.html");
  ASSERT_EQ(run.result.exit_code, 0) << run.result.err;
  EXPECT_NE(
      run.result.out.find("report: " + dir + "report.html (the explanation: " + run.out + "/explain.txt)"),
      std::string::npos)
      << run.result.out;
  const std::string page = slurp(dir + "report.html");
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);

  // The script over the same out dir makes the same page; the explanation is choreo explain's.
  const auto r = testing::python("report_html.py " + run.out + " -o " + dir + "by_script.html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(dir + "by_script.html"), page);
  const std::string explained = slurp(run.out + "/explain.txt");
  const auto recorded = testing::choreo("explain " + run.out);
  ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
  EXPECT_EQ(recorded.out.substr(recorded.out.find('\n')), explained.substr(explained.find('\n')));

  const auto dom = run_shell(chromium(dir, "--dump-dom file://" + dir + "report.html"));
  ASSERT_EQ(dom.exit_code, 0);
  EXPECT_NE(dom.out.find("verdict: PASS</b> (1 of 1 expectations hold)"), std::string::npos) << dom.out;
  EXPECT_NE(dom.out.find("-1  1 x CommentCreated never applied: dropped by a scripted [fault] drop"),
            std::string::npos);
  EXPECT_NE(dom.out.find("<img alt=\"time series\" src=\"data:image/png;base64,"), std::string::npos);
  EXPECT_NE(dom.out.find("<img alt=\"message sequence diagram\" src=\"data:image/png;base64,"),
            std::string::npos);

  ASSERT_EQ(run_shell(chromium(dir, "--window-size=1200,1600 --screenshot=" + dir + "shot.png file://" + dir +
                                        "report.html"))
                .exit_code,
            0);
  // Not blank: many distinct grey levels, read with matplotlib.
  const auto levels = testing::run_shell(
      std::string(CHOREO_PYTHON) + " -c \"import matplotlib.image as m; a = m.imread('" + dir +
      "shot.png'); print(len(set((a[:, :, :3].sum(axis=2) * 255).astype(int).ravel().tolist())))\"");
  ASSERT_EQ(levels.exit_code, 0) << levels.err;
  EXPECT_GT(std::stoi(levels.out), 50) << "the screenshot is (nearly) blank";
}

TEST(ReportHtml, AReportThatCannotBeMadeIsOneLineBeforeTheRun) {
  const std::string dir = scratch_dir("report_bad");
  const auto dash =
      testing::choreo("run scenarios/default.ini --out " + dir + "run --trace - --report " + dir + "r.html");
  EXPECT_EQ(dash.exit_code, 2);
  EXPECT_EQ(dash.err, "--report: the report reads the trace from a file; give --trace FILE, or no --trace\n");
  EXPECT_EQ(dash.out, "");
  const auto nowhere =
      run_shell("CHOREO_SCRIPTS=" + dir + "none " + std::string(CHOREO_BINARY) +
                " run scenarios/default.ini --out " + dir + "run --report " + dir + "r.html");
  EXPECT_EQ(nowhere.exit_code, 2);
  EXPECT_EQ(nowhere.err, "--report " + dir + "r.html: cannot find " + dir +
                             "none/report_html.py (set CHOREO_SCRIPTS to a choreo source tree's scripts/ "
                             "directory)\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "run/summary.json"));
}

}  // namespace
}  // namespace choreo
