// What a page read shows: the newest comments posted on the page, minus
// those deleted, with their actual authors; who comments follows the
// commenters key (a power law over users); lookups = per-author makes one
// request per distinct author actually on the page.
#include "models/wattpad/page_comments.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

#include "models/wattpad/owners.h"
#include "tests/cli/command.h"

namespace choreo::wattpad {
namespace {

std::vector<std::uint64_t> shown(const PageComments& p, std::uint32_t page) {
  std::vector<std::uint64_t> out = {999};  // replaced, not appended to
  p.authors(page, out);
  return out;
}

TEST(PageComments, APageShowsItsNewestCommentsWithTheirAuthors) {
  PageComments p(3);
  EXPECT_EQ(shown(p, 5), std::vector<std::uint64_t>{});
  p.post(5, 100, 7);
  p.post(2, 101, 8);
  p.post(5, 102, 7);
  EXPECT_EQ(shown(p, 5), (std::vector<std::uint64_t>{7, 7}));
  EXPECT_EQ(shown(p, 2), (std::vector<std::uint64_t>{8}));
  p.post(5, 103, 9);
  p.post(5, 104, 4);  // the oldest (100) scrolls off
  EXPECT_EQ(shown(p, 5), (std::vector<std::uint64_t>{7, 9, 4}));
  EXPECT_EQ(p.pages(), 2u);
}

TEST(PageComments, ADeletedCommentLeavesThePage) {
  PageComments p(3);
  for (std::uint64_t c = 0; c < 4; ++c) p.post(0, c, static_cast<std::uint32_t>(10 + c));
  p.remove(0, 0);  // already scrolled off: nothing changes
  EXPECT_EQ(shown(p, 0), (std::vector<std::uint64_t>{11, 12, 13}));
  p.remove(0, 2);
  EXPECT_EQ(shown(p, 0), (std::vector<std::uint64_t>{11, 13}));
  p.remove(7, 2);  // a page with no comments
  p.post(0, 4, 14);
  EXPECT_EQ(shown(p, 0), (std::vector<std::uint64_t>{11, 13, 14}));
}

TEST(CommenterRank, CoversOneToNAndFollowsThePowerLaw) {
  // Ranks at the ends of u, and the exact share of rank 1 for s = 1:
  // P(1) = log(2) / log(n + 1).
  EXPECT_EQ(commenter_rank(0.0, 1000, 1.0), 1u);
  EXPECT_EQ(commenter_rank(std::nextafter(1.0, 0.0), 1000, 1.0), 1000u);
  EXPECT_EQ(commenter_rank(0.5, 1, 2.0), 1u);
  const std::uint64_t n = 1000;
  for (double s : {0.5, 1.0, 2.0}) {
    // P(rank <= k) = F(k + 1) with F the power law's CDF on [1, n + 1).
    const auto cdf = [&](double x) {
      return s == 1 ? std::log(x) / std::log(n + 1.0)
                    : (std::pow(x, 1 - s) - 1) / (std::pow(n + 1.0, 1 - s) - 1);
    };
    const int draws = 100'000;
    int top = 0;
    for (int i = 0; i < draws; ++i) {
      const double u = (i + 0.5) / draws;  // an even grid: the count is exact up to rounding
      top += commenter_rank(u, n, s) <= 10;
    }
    EXPECT_NEAR(static_cast<double>(top) / draws, cdf(11), 2.0 / draws) << s;
  }
}

// Through the model: every orchestrated read looks up the authors stored on
// its page; per-author asks once per distinct author, so it sends fewer
// requests on the same pages (the same reads: lookups change no draw).
TEST(PageReads, PerAuthorAsksOncePerDistinctAuthorOnThePage) {
  const auto run = [](const std::string& lookups) {
    const auto r = testing::choreo(
        "run scenarios/wattpad-orchestration.ini --json --seed 3 --set run.duration=3s "
        "--set workload.lookups=" +
        lookups + " --set workload.commenters=zipf:3 --out " + ::testing::TempDir() + "pages_" + lookups);
    EXPECT_LE(r.exit_code, 1) << r.err;
    return nlohmann::json::parse(r.out);
  };
  const auto per_comment = run("per-comment");
  const auto per_author = run("per-author");
  const auto requests = [](const nlohmann::json& s) {
    return s.at("requests").at("user-service").at("count").get<double>();
  };
  EXPECT_EQ(per_comment.at("reads").at("total"), per_author.at("reads").at("total"));
  // zipf:3 makes user 0 write 3/4 of the comments (the integral of x^-3
  // over [1, 2) of that over [1, inf)): a page's authors repeat.
  EXPECT_LT(requests(per_author), 0.5 * requests(per_comment));
  // Popular pages fill in the first seconds (reads of 10 comments at most).
  const double per_read = requests(per_comment) / per_comment.at("reads").at("total").get<double>();
  EXPECT_GT(per_read, 3.0);
  EXPECT_LE(per_read, 10.0);
}

}  // namespace
}  // namespace choreo::wattpad
