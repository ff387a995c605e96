// The readable run report (cli/summary_text.h, cli/report_sections.h): every
// counter shown, zeros and absences included; handler errors and every loss
// reason visible and explained; t_visibility printed cumulatively.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/report_sections.h"
#include "tests/cli/command.h"

namespace choreo {
namespace {

nlohmann::json nats_delivery() {
  return nlohmann::json::parse(R"({
    "published": 100, "delivered": 180, "lost": 13, "duplicated": 0, "redelivered": 0, "reordered": 4,
    "dead_lettered": 0, "bytes": 4096, "latency_ms": {"mean": 1.5, "p50": 1, "p99": 9, "max": 12},
    "lost_by_reason": {"crash": 0, "disconnected": 0, "injected": 3, "no-subscriber": 10},
    "by_topic": {
      "comments": {"published": 10, "delivered": 0, "lost": 10, "handler_errors": 0,
                   "lost_by_reason": {"no-subscriber": 10}},
      "users": {"published": 90, "delivered": 180, "lost": 3, "handler_errors": 7,
                "lost_by_reason": {"injected": 3}}}
  })");
}

std::string delivery_text(const nlohmann::json& d, const std::string& kind) {
  std::ostringstream out;
  cli::print_delivery(d, kind, out);
  return out.str();
}

// Issue 14: NATS and Kafka handler errors never reached the report.
TEST(ReportDelivery, HandlerErrorsAreSummedOverTopicsAndExplainedPerBroker) {
  const auto text = delivery_text(nats_delivery(), "nats");
  EXPECT_NE(text.find("\n  handler_errors   7\n"), std::string::npos) << text;
  EXPECT_NE(
      text.find(
          "handler_errors  the handler failed; NATS forgets the message, so its replica never applies it"),
      std::string::npos)
      << text;
  EXPECT_NE(delivery_text(nats_delivery(), "kafka").find("Kafka moves on to the next record"),
            std::string::npos);
  EXPECT_NE(delivery_text(nats_delivery(), "sqs").find("redelivers it after the visibility timeout"),
            std::string::npos);
}

// Issue 14: zero reasons were hidden and "no-subscriber" was never explained.
TEST(ReportDelivery, EveryLossReasonIsListedAndNoSubscriberNamesItsTopic) {
  const auto text = delivery_text(nats_delivery(), "nats");
  EXPECT_NE(text.find("\n  lost             13  (crash 0, disconnected 0, injected 3, no-subscriber 10)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("      no-subscriber published on a topic that no replica consumes: not a fault, nobody "
                "waited for it (here: 'comments')\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("      injected      dropped by broker.loss\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("      crash "), std::string::npos) << "only reasons that occurred are explained";
  EXPECT_NE(text.find("    comments       10        0         10   0 "), std::string::npos) << text;
}

TEST(ReportDelivery, DefinesReorderedAndShowsAnAbsentCounterAsADash) {
  auto d = nats_delivery();
  d.erase("dead_lettered");
  const auto text = delivery_text(d, "nats");
  EXPECT_NE(
      text.find("    reordered       first deliveries that came after a message its publisher published "
                "later on the same topic\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("\n  dead_lettered    -\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n  deduplicated     -\n"), std::string::npos) << text;
}

// Issue 14: t_visibility was printed per bin, which can fall with t.
TEST(ReportReads, TVisibilityIsCumulativeAndSaysSo) {
  const auto reads = nlohmann::json::parse(R"({"total": 50, "stale": 5, "failed": 0, "stale_fraction": 0.1,
    "t_visibility": [{"t_s": 0.001, "p_fresh": 0.0, "lookups": 10}, {"t_s": 0.01, "p_fresh": 1.0, "lookups": 30},
                     {"t_s": 1.0, "p_fresh": 0.5, "lookups": 40}]})");
  std::ostringstream out;
  cli::print_reads(reads, out);
  EXPECT_NE(
      out.str().find("  t_visibility     cumulative: of the lookups made at most t after the write they "
                     "should see, the share that saw it\n"
                     "                   <=0.001s 0.000  <=0.01s 0.750  <=1s 0.625\n"),
      std::string::npos)
      << out.str();
}

TEST(ReportRequests, AServiceShowsItsCountersThenEachNestedObjectOnItsOwnRow) {
  const auto requests = nlohmann::json::parse(R"({
    "anti-entropy": {"count": 0, "per_s": 0},
    "user-service": {"count": 12, "timeouts": 3, "capacity": {"instances": 2, "per_s": 32000.0}}})");
  std::ostringstream out;
  cli::print_generic("requests", requests, out);
  EXPECT_EQ(out.str(),
            "requests\n"
            "  anti-entropy     count 0  per_s 0\n"
            "  user-service     count 12  timeouts 3\n"
            "    user-service.capacity  instances 2  per_s 32000\n");
}

TEST(ReportEndToEnd, NatsHandlerErrorsAndUnconsumedTopicsShowInTheReport) {
  auto r = testing::choreo(
      "run scenarios/at-most-once-nats.ini --set run.duration=5s --set run.settle=5s --set "
      "broker.handler_error=5% "
      "--out " +
      ::testing::TempDir() + "choreo_report_nats");
  EXPECT_LE(r.exit_code, 1) << r.err;
  const auto at = r.out.find("\n  handler_errors   ");
  ASSERT_NE(at, std::string::npos) << r.out;
  EXPECT_GT(std::stoi(r.out.substr(at + 19)), 0) << r.out.substr(at, 40);
  r = testing::choreo("run scenarios/wattpad-choreography.ini --out " + ::testing::TempDir() +
                      "choreo_report_wattpad");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(here: 'comments')"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace choreo
