// scripts/plot_messages.py: the sequence diagram of one key, read through
// CHOREO_PLOT_DESCRIBE (scripts/choreo_plot.py). A scripted run drops the
// 5th comment event and duplicates others: the figure has one lane per
// publisher and service, one x for the dropped copy, the duplicate and
// highlight legend entries; --help teaches; bad input is one line, exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/cli/command.h"
#include "tests/cli/traced_run.h"
#include "tests/sweep/sweep_test_util.h"

namespace choreo {
namespace {

using testing::python;
using testing::scratch_dir;
using testing::slurp;

TEST(PlotMessages, OneLanePerServiceAnXForTheDroppedCopyAndTheLegend) {
  const std::string dir = scratch_dir("messages");
  const auto run = testing::traced_run(dir, testing::drop_five("naive", "duplicate = 20%\n"));
  ASSERT_LE(run.result.exit_code, 1) << run.result.err;
  const auto r = testing::run_shell("CHOREO_PLOT_DESCRIBE='" + dir + "figure.json' " +
                                    std::string(CHOREO_PYTHON) + " scripts/plot_messages.py " + run.trace +
                                    " --key story:0 --highlight 5 -o " + dir + "m.png");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(std::filesystem::file_size(dir + "m.png"), 8000u);
  const auto fig = nlohmann::json::parse(slurp(dir + "figure.json"));
  ASSERT_EQ(fig.at("axes").size(), 1u);
  const auto& ax = fig.at("axes")[0];
  EXPECT_EQ(ax.at("xticklabels"), nlohmann::json({"comment-service", "counts"}));
  EXPECT_EQ(ax.at("ylabel"), "virtual time (s)");
  std::size_t crosses = 0;
  for (const auto& line : ax.at("lines")) crosses += line.at("points") == 1 && line.at("linestyle") == "None";
  EXPECT_EQ(crosses, 1u);  // the dropped 5th event, lost for the only service
  const auto legend = ax.at("legend");
  for (const char* entry : {"CommentCreated", "duplicate copy", "lost (1)", "named by choreo explain"})
    EXPECT_NE(std::find(legend.begin(), legend.end(), entry), legend.end()) << entry << "\n" << legend;
  std::size_t highlighted = 0;
  for (const auto& t : ax.at("texts")) highlighted += t == "msg 5";
  EXPECT_GE(highlighted, 1u) << ax.at("texts");
}

TEST(PlotMessages, HelpAndBadInput) {
  const auto help = python("plot_messages.py --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--key KEY"), std::string::npos) << help.out;
  const std::string dir = scratch_dir("messages_bad");
  std::ofstream(dir + "bad.jsonl") << "{\"t_us\":1,\"kind\":\"publish\"}\nnot json\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {dir + "bad.jsonl --key story:1", dir + "bad.jsonl:2: not a choreo trace line (JSON with t_us)"},
      {dir + "bad.jsonl --key stroy:1",
       "--key 'stroy:1': expected FIELD:N with FIELD one of user, comment, story, chapter, paragraph"},
      {dir + "absent.jsonl --key story:1", dir + "absent.jsonl: cannot read: No such file or directory"},
  };
  for (const auto& [args, message] : cases) {
    const auto r = python("plot_messages.py " + args + " -o " + dir + "x.png");
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, "plot_messages.py: " + message + "\n");
  }
}

}  // namespace
}  // namespace choreo
