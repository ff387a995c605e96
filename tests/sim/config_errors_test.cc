// Scenario loading (sim/config.h): every kind of bad input gives one exact
// line naming where, the key, the bad value and what is allowed; good input
// gives typed values, defaults, overrides and instance keys.
#include <gtest/gtest.h>

#include "sim/config.h"

namespace choreo::sim {
namespace {

ConfigSchema schema() {
  ConfigSchema s;
  s.add({.key = "sqs.visibility_timeout",
         .type = ValueType::kDuration,
         .default_value = "30s",
         .min = "0",
         .max = "12h",
         .help = "SQS default 30 s"});
  s.add({.key = "sqs.loss", .type = ValueType::kProbability, .default_value = "0"});
  s.add({.key = "sqs.batch", .type = ValueType::kInteger, .default_value = "1", .min = "1", .max = "10"});
  s.add({.key = "sqs.heartbeat", .type = ValueType::kBool, .default_value = "false"});
  s.add({.key = "sqs.delay", .type = ValueType::kDistribution, .default_value = "0"});
  s.add({.key = "workload.reads", .type = ValueType::kRate, .default_value = "2000/s", .min = "0/s"});
  s.add({.key = "workload.popularity", .type = ValueType::kZipf, .default_value = "zipf:1.1"});
  s.add({.key = "workload.pending", .type = ValueType::kBytes, .default_value = "64MiB"});
  s.add({.key = "broker.kind",
         .type = ValueType::kEnum,
         .default_value = "nats",
         .allowed = {"nats", "sqs", "sqs-fifo", "kafka"}});
  s.add({.key = "replica.*.strategy",
         .type = ValueType::kEnum,
         .default_value = "naive",
         .allowed = {"naive", "dedup-id"}});
  s.add({.key = "replica.*.name", .type = ValueType::kString, .default_value = ""});
  s.add_open_section("expect");
  return s;
}

// Resolves `text` (as file "x.ini") with `overrides`; returns the error line.
std::string error_of(const std::string& text, const std::vector<std::string>& overrides = {}) {
  auto raw = read_config_text(text, "x.ini");
  if (!raw) return raw.error().message;
  auto config = resolve_config(*raw, overrides, schema());
  return config ? "no error" : config.error().message;
}

Config load(const std::string& text, const std::vector<std::string>& overrides = {}) {
  auto raw = read_config_text(text, "x.ini");
  EXPECT_TRUE(raw.ok());
  auto config = resolve_config(*raw, overrides, schema());
  EXPECT_TRUE(config.ok()) << config.error().message;
  return *config;
}

TEST(ConfigErrors, UnknownKeySuggestsTheClosest) {
  EXPECT_EQ(error_of("[sqs]\n\nvisibilty_timeout = 1s\n"),
            "x.ini:3: unknown key 'sqs.visibilty_timeout' (did you mean 'sqs.visibility_timeout'?)");
}

TEST(ConfigErrors, UnknownKeyWithoutACloseMatch) {
  EXPECT_EQ(error_of("[sqs]\ncolour = blue\n"), "x.ini:2: unknown key 'sqs.colour' (see choreo keys)");
}

TEST(ConfigErrors, UnknownSectionSuggestsTheClosest) {
  EXPECT_EQ(error_of("[sqss]\nloss = 1%\n"), "x.ini:2: unknown section '[sqss]' (did you mean '[sqs]'?)");
  EXPECT_EQ(error_of("[zookeeper]\nloss = 1%\n"), "x.ini:2: unknown section '[zookeeper]'");
}

TEST(ConfigErrors, UnknownInstanceKeySuggestsWithTheInstanceName) {
  EXPECT_EQ(error_of("[replica.mirror]\nstratgy = naive\n"),
            "x.ini:2: unknown key 'replica.mirror.stratgy' (did you mean 'replica.mirror.strategy'?)");
}

TEST(ConfigErrors, KeyOutsideAnySection) {
  EXPECT_EQ(error_of("loss = 1%\n"), "x.ini:1: key 'loss' is outside any [section]");
}

TEST(ConfigErrors, BadDurationUnit) {
  EXPECT_EQ(error_of("[sqs]\nvisibility_timeout = 31 s\n"),
            "x.ini:2: sqs.visibility_timeout = '31 s': expected a duration such as 30s or 250ms "
            "(units: us, ms, s, min, h, d)");
  EXPECT_EQ(error_of("[sqs]\nvisibility_timeout = 30\n"),
            "x.ini:2: sqs.visibility_timeout = '30': expected a duration such as 30s or 250ms "
            "(units: us, ms, s, min, h, d)");
}

TEST(ConfigErrors, OutOfRangeHighAndLow) {
  EXPECT_EQ(error_of("[sqs]\nvisibility_timeout = 13h\n"),
            "x.ini:2: sqs.visibility_timeout = '13h': out of range (allowed: 0..12h)");
  EXPECT_EQ(error_of("[sqs]\nbatch = 0\n"), "x.ini:2: sqs.batch = '0': out of range (allowed: 1..10)");
  EXPECT_EQ(error_of("[sqs]\nbatch = 11\n"), "x.ini:2: sqs.batch = '11': out of range (allowed: 1..10)");
}

TEST(ConfigErrors, BadEnumListsAllowedValuesAndSuggests) {
  EXPECT_EQ(
      error_of("[broker]\nkind = natz\n"),
      "x.ini:2: broker.kind = 'natz': expected one of nats, sqs, sqs-fifo, kafka (did you mean 'nats'?)");
  EXPECT_EQ(error_of("[broker]\nkind = rabbitmq\n"),
            "x.ini:2: broker.kind = 'rabbitmq': expected one of nats, sqs, sqs-fifo, kafka");
}

TEST(ConfigErrors, BadBoolProbabilityIntegerRateBytesZipf) {
  EXPECT_EQ(error_of("[sqs]\nheartbeat = maybe\n"),
            "x.ini:2: sqs.heartbeat = 'maybe': expected true or false (also yes/no, on/off, 1/0)");
  EXPECT_EQ(error_of("[sqs]\nloss = 1.5\n"),
            "x.ini:2: sqs.loss = '1.5': out of range (allowed: 0..1 or 0%..100%)");
  EXPECT_EQ(error_of("[sqs]\nloss = lots\n"),
            "x.ini:2: sqs.loss = 'lots': expected a probability such as 0.01 or 1%");
  EXPECT_EQ(error_of("[sqs]\nbatch = 2.5\n"),
            "x.ini:2: sqs.batch = '2.5': expected a whole number such as 65536, 65_536 or 1e6");
  EXPECT_EQ(
      error_of("[workload]\nreads = 2000\n"),
      "x.ini:2: workload.reads = '2000': expected a rate such as 200/s or 12/min (per: ms, s, min, h, d)");
  EXPECT_EQ(error_of("[workload]\npending = 64MB/s\n"),
            "x.ini:2: workload.pending = '64MB/s': expected a size such as 512B, 64KiB or 1MB "
            "(units: B, KB, KiB, MB, MiB, GB, GiB)");
  EXPECT_EQ(error_of("[workload]\npopularity = zipf:-1\n"),
            "x.ini:2: workload.popularity = 'zipf:-1': expected zipf:S with exponent 0 < S <= 10, such as "
            "zipf:1.1");
}

TEST(ConfigErrors, BadDistributionInEachForm) {
  const std::string help =
      "expected a duration distribution: 20ms, uniform:1ms..5ms, exp:20ms, normal:20ms,5ms, "
      "lognormal:20ms,0.5 (median, sigma), pareto:1ms,1.5 (scale, shape)";
  for (const std::string bad :
       {"exp:fast", "uniform:1ms", "normal:20ms", "lognormal:20ms,x", "pareto:1ms,0", "gamma:1ms", "20"}) {
    EXPECT_EQ(error_of("[sqs]\ndelay = " + bad + "\n"), "x.ini:2: sqs.delay = '" + bad + "': " + help) << bad;
  }
  EXPECT_EQ(error_of("[sqs]\ndelay = uniform:5ms..1ms\n"),
            "x.ini:2: sqs.delay = 'uniform:5ms..1ms': uniform:LOW..HIGH needs LOW <= HIGH");
}

TEST(ConfigErrors, EmptyValue) {
  EXPECT_EQ(error_of("[sqs]\nloss =\n"), "x.ini:2: sqs.loss = '': expected a value");
}

TEST(ConfigErrors, BrokenLinesAndSections) {
  EXPECT_EQ(error_of("[sqs]\ngarbage\n"), "x.ini:2: expected 'key = value' or '[section]', got 'garbage'");
  EXPECT_EQ(error_of("[sqs\nloss = 1%\n"), "x.ini:1: expected '[section]', got '[sqs'");
  EXPECT_EQ(error_of("[sqs]\nbad key = 1\n"),
            "x.ini:2: expected 'key = value' or '[section]', got 'bad key = 1'");
}

TEST(ConfigErrors, DuplicateKeyNamesBothLines) {
  EXPECT_EQ(error_of("[sqs]\nloss = 1%\n# again\nloss = 2%\n"),
            "x.ini:4: duplicate key 'sqs.loss' (first set on line 2)");
}

TEST(ConfigErrors, OverrideErrors) {
  EXPECT_EQ(error_of("", {"sqs.loss"}), "--set 'sqs.loss': expected SECTION.KEY=VALUE");
  EXPECT_EQ(error_of("", {"sqs.los=1%"}), "--set sqs.los: unknown key 'sqs.los' (did you mean 'sqs.loss'?)");
  EXPECT_EQ(error_of("", {"sqs.loss=2"}), "--set sqs.loss: '2': out of range (allowed: 0..1 or 0%..100%)");
}

TEST(ConfigErrors, MissingFile) {
  EXPECT_EQ(read_config_file("/no/such/file.ini").error().message,
            "/no/such/file.ini: cannot open scenario file");
}

TEST(Config, TypedValuesWithUnits) {
  const Config c = load(
      "# comment line\n[sqs]\nvisibility_timeout = 1.5min  # trailing comment\nloss = 1%\nbatch = 1_0\n"
      "heartbeat = yes\ndelay = exp:20ms\n[workload]\nreads = 12/min\npending = 1KiB\npopularity = "
      "zipf:0.9\n");
  EXPECT_EQ(c.duration("sqs.visibility_timeout"), 90 * kSecond);
  EXPECT_DOUBLE_EQ(c.probability("sqs.loss"), 0.01);
  EXPECT_EQ(c.integer("sqs.batch"), 10);
  EXPECT_TRUE(c.flag("sqs.heartbeat"));
  EXPECT_EQ(c.distribution("sqs.delay").kind, Distribution::Kind::kExponential);
  EXPECT_DOUBLE_EQ(c.distribution("sqs.delay").mean(), 20'000.0);
  EXPECT_DOUBLE_EQ(c.rate("workload.reads"), 0.2);
  EXPECT_EQ(c.bytes("workload.pending"), 1024u);
  EXPECT_DOUBLE_EQ(c.distribution("workload.popularity").a, 0.9);
  EXPECT_EQ(c.text("broker.kind"), "nats");  // default
}

TEST(Config, OverridesWinOverTheFileAndLaterOverridesWin) {
  const Config c = load("[sqs]\nloss = 1%\n", {"sqs.loss=0.5", "sqs.loss=0.25"});
  EXPECT_DOUBLE_EQ(c.probability("sqs.loss"), 0.25);
}

TEST(Config, InstanceKeysTakeDefaultsPerInstance) {
  const Config c = load("[replica.mirror]\nstrategy = dedup-id\n[replica.counts]\nname = counts\n");
  EXPECT_EQ(c.instances("replica"), (std::vector<std::string>{"counts", "mirror"}));
  EXPECT_EQ(c.text("replica.mirror.strategy"), "dedup-id");
  EXPECT_EQ(c.text("replica.counts.strategy"), "naive");
}

TEST(Config, OpenSectionKeepsEntriesInFileThenOverrideOrder) {
  const Config c = load("[expect]\nconverged = true\nreads.failed = 0\n", {"expect.delivery.lost=>0"});
  const auto entries = c.open_entries("expect");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].key, "expect.converged");
  EXPECT_EQ(entries[0].origin.line, 2);
  EXPECT_EQ(entries[1].value, "0");
  EXPECT_EQ(entries[2].key, "expect.delivery.lost");
  EXPECT_TRUE(entries[2].origin.from_override);
}

TEST(Config, EffectiveValuesAreSortedNormalisedAndSayWhereTheyCameFrom) {
  const Config c =
      load("[sqs]\nvisibility_timeout = 90000ms\n[replica.m]\nstrategy = naive\n", {"sqs.batch=2"});
  std::string listing;
  for (const auto& v : c.effective()) listing += v.key + "=" + v.value + " (" + v.origin + ")\n";
  EXPECT_EQ(listing,
            "broker.kind=nats (default)\n"
            "replica.m.name= (default)\n"
            "replica.m.strategy=naive (file)\n"
            "sqs.batch=2 (--set)\n"
            "sqs.delay=0 (default)\n"
            "sqs.heartbeat=false (default)\n"
            "sqs.loss=0 (default)\n"
            "sqs.visibility_timeout=90s (file)\n"
            "workload.pending=64MiB (default)\n"
            "workload.popularity=zipf:1.1 (default)\n"
            "workload.reads=2000/s (default)\n");
}

TEST(Config, CrossKeyErrorsAreLocatedAtTheValue) {
  const Config c = load("[sqs]\n\nbatch = 7\n");
  EXPECT_EQ(c.error("sqs.batch", "must divide 100").message, "x.ini:3: sqs.batch = '7': must divide 100");
  EXPECT_EQ(c.error("sqs.loss", "is too low").message, "sqs.loss (default '0'): is too low");
}

TEST(DidYouMean, SuggestsOnlyCloseCandidates) {
  EXPECT_EQ(did_you_mean("--sed", {"--seed", "--set", "--out"}), "--seed");
  EXPECT_EQ(did_you_mean("xyz", {"--seed", "--set"}), "");
}

}  // namespace
}  // namespace choreo::sim
