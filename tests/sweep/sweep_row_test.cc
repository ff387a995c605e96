// Tests for cli/sweep_csv.h and cli/sweep_row.h: quoting, the columns built
// from a summary, rows with absent values, and re-reading a header.
#include "cli/sweep_row.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cli/sweep_csv.h"

namespace choreo::cli {
namespace {

nlohmann::json two_replica_summary() {
  return nlohmann::json::parse(R"({
    "scenario": "x", "seed": 7, "events_processed": 1234, "sim_time_s": 90.5, "trace_hash": "00ff",
    "converged": false,
    "replicas": [
      {"name": "mirror", "kind": "lww", "strategy": "lww-version", "converged": true, "converged_at_s": 31.25,
       "divergent_keys": 0, "abs_error": 0},
      {"name": "counter", "kind": "counter", "strategy": "naive", "converged": false, "converged_at_s": null,
       "divergent_keys": 3, "abs_error": 17}],
    "delivery": {"published": 100, "delivered": 99, "lost": 1, "bytes": 4096,
                 "latency_ms": {"mean": 1.5, "p50": 1, "p99": 9, "max": 12}},
    "requests": {"users": {"count": 20, "per_s": 0.25}},
    "expectations": [{"name": "a", "holds": false, "detail": ""}, {"name": "b", "holds": true, "detail": ""},
                     {"name": "c", "holds": false, "detail": ""}]
  })");
}

Grid loss_grid() { return *make_grid({1, 3}, {{"sqs.loss", {"0", "1%"}}}, 100); }

std::string field(const RowSchema& schema, const std::vector<std::string>& row, const std::string& column) {
  const auto columns = schema.columns();
  const auto it = std::find(columns.begin(), columns.end(), column);
  EXPECT_NE(it, columns.end()) << column;
  return it == columns.end() ? "?" : row[static_cast<std::size_t>(it - columns.begin())];
}

TEST(Csv, QuotesOnlyWhenNeededAndSplitsBack) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  const std::vector<std::string> fields = {"x", "a,b", "q\"uote", "", "last"};
  const std::string line = csv_line(fields);
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(split_csv_line(line.substr(0, line.size() - 1)), fields);
}

TEST(RowSchema, ColumnsStartWithVariedKeysThenSeedAndEndWithReplicasAndServices) {
  const auto schema = row_schema(loss_grid(), false, two_replica_summary());
  const auto columns = schema.columns();
  EXPECT_EQ(columns[0], "sqs.loss");
  EXPECT_EQ(columns[1], "seed");
  EXPECT_EQ(columns[schema.holds_column()], "holds");
  EXPECT_EQ(columns[schema.converged_column()], "converged");
  EXPECT_EQ(columns.back(), "fingerprint");
  const std::vector<std::string> tail(columns.end() - 13, columns.end() - 1);
  EXPECT_EQ(tail, (std::vector<std::string>{
                      "replicas.mirror.strategy", "replicas.mirror.converged",
                      "replicas.mirror.converged_at_s", "replicas.mirror.divergent_keys",
                      "replicas.mirror.abs_error", "replicas.counter.strategy", "replicas.counter.converged",
                      "replicas.counter.converged_at_s", "replicas.counter.divergent_keys",
                      "replicas.counter.abs_error", "requests.users.count", "requests.users.per_s"}));
}

TEST(RowFields, FlattensTheSummaryWithBooleansAsDigitsAndAbsentValuesEmpty) {
  const auto schema = row_schema(loss_grid(), false, two_replica_summary());
  const auto row =
      row_fields(schema, {"1%"}, two_replica_summary(), false, {"a.b=1;c.d=2", "scenario:00000001"});
  ASSERT_EQ(row.size(), schema.columns().size());
  EXPECT_EQ(row[0], "1%");
  EXPECT_EQ(field(schema, row, "seed"), "7");
  EXPECT_EQ(field(schema, row, "holds"), "0");
  EXPECT_EQ(field(schema, row, "converged"), "0");
  EXPECT_EQ(field(schema, row, "failed_expectations"), "a;c");
  EXPECT_EQ(field(schema, row, "scenario"), "x");
  EXPECT_EQ(field(schema, row, "overrides"), "a.b=1;c.d=2");
  EXPECT_EQ(field(schema, row, "sim_time_s"), "90.5");
  EXPECT_EQ(field(schema, row, "replicas_total"), "2");
  EXPECT_EQ(field(schema, row, "replicas_converged"), "1");
  EXPECT_EQ(field(schema, row, "abs_error_total"), "17");
  EXPECT_EQ(field(schema, row, "delivery.latency_ms.p99"), "9");
  EXPECT_EQ(field(schema, row, "delivery.duplicated"), "");
  EXPECT_EQ(field(schema, row, "reads.total"), "");
  EXPECT_EQ(field(schema, row, "replicas.mirror.converged_at_s"), "31.25");
  EXPECT_EQ(field(schema, row, "replicas.counter.converged_at_s"), "");
  EXPECT_EQ(field(schema, row, "replicas.counter.strategy"), "naive");
  EXPECT_EQ(field(schema, row, "requests.users.per_s"), "0.25");
  EXPECT_EQ(row.back(), "scenario:00000001");
}

TEST(RowFields, ModelWithoutReplicasGetsOnlyFixedColumns) {
  const nlohmann::json phold = {
      {"seed", 1}, {"converged", true}, {"replicas", nlohmann::json::array()}, {"events_processed", 5}};
  const auto schema = row_schema(loss_grid(), true, phold);
  EXPECT_TRUE(schema.replicas.empty());
  const auto columns = schema.columns();
  EXPECT_EQ(columns[columns.size() - 2], "wall_time_s");
  const auto row = row_fields(schema, {"0"}, phold, true, {"", "f"});
  EXPECT_EQ(field(schema, row, "replicas_total"), "0");
  EXPECT_EQ(field(schema, row, "converged"), "1");
}

TEST(SchemaFromHeader, ReadsBackTheReplicaAndServiceNames) {
  const auto written = row_schema(loss_grid(), false, two_replica_summary());
  auto read = schema_from_header(loss_grid(), false, written.columns());
  ASSERT_TRUE(read);
  EXPECT_EQ(read->replicas, written.replicas);
  EXPECT_EQ(read->services, written.services);
  EXPECT_EQ(read->columns(), written.columns());
}

TEST(SchemaFromHeader, RejectsAnotherGridsHeaderOrAMissingWallTimeColumn) {
  const auto written = row_schema(loss_grid(), false, two_replica_summary());
  auto other = make_grid({1, 3}, {{"sqs.duplication", {"0"}}}, 100);
  EXPECT_FALSE(schema_from_header(*other, false, written.columns()));
  auto with_wall = schema_from_header(loss_grid(), true, written.columns());
  ASSERT_FALSE(with_wall);
  EXPECT_EQ(with_wall.error().message, "its header is not this sweep's (it was written without --wall-time)");
  auto varied = schema_from_header(*other, false, written.columns());
  ASSERT_FALSE(varied);
  EXPECT_EQ(varied.error().message,
            "its header is not this sweep's (its varied keys: sqs.loss; this command's: sqs.duplication)");
}

TEST(SchemaFromHeader, RejectsAHeaderWithoutAFingerprintColumn) {
  auto columns = row_schema(loss_grid(), false, two_replica_summary()).columns();
  columns.pop_back();
  auto read = schema_from_header(loss_grid(), false, columns);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().message,
            "it has no fingerprint column (written by an older choreo, or not by choreo sweep)");
}

TEST(UnlistedReplicas, NamesReplicasTheHeaderHasNoColumnsFor) {
  const auto schema = row_schema(loss_grid(), false, nlohmann::json::object());
  EXPECT_EQ(unlisted_replicas(schema, two_replica_summary()),
            (std::vector<std::string>{"mirror", "counter"}));
}

}  // namespace
}  // namespace choreo::cli
