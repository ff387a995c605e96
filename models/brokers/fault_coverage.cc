// summary.json's `coverage` and the list of configured faults; see
// fault_coverage.h.
#include "models/brokers/fault_coverage.h"

#include <algorithm>

namespace choreo::brokers {

namespace {

bool constant(const sim::Distribution& d) { return d.kind == sim::Distribution::Kind::kConstant; }

std::uint64_t at(const std::vector<std::uint64_t>& v, std::size_t i) { return i < v.size() ? v[i] : 0; }

// The scripted faults in instance-name order, as the scenario lists them.
void add_scripted(const FaultNames& names, const FaultCoverage& c, std::vector<ConfiguredFault>& out) {
  std::vector<ConfiguredFault> scripted;
  for (std::size_t i = 0; i < names.partitions.size(); ++i)
    scripted.push_back({"fault." + names.partitions[i], "partition", at(c.partition_cuts, i)});
  for (std::size_t i = 0; i < names.drops.size(); ++i)
    scripted.push_back({"fault." + names.drops[i], "scripted_drop", at(c.drop_hits, i)});
  for (std::size_t i = 0; i < names.crashes.size(); ++i)
    scripted.push_back({"fault." + names.crashes[i], "crash", at(c.crash_hits, i)});
  std::sort(scripted.begin(), scripted.end(),
            [](const ConfiguredFault& a, const ConfiguredFault& b) { return a.key < b.key; });
  out.insert(out.end(), scripted.begin(), scripted.end());
}

}  // namespace

std::vector<ConfiguredFault> configured_faults(const CommonOptions& common, const FaultNames& names,
                                               const FaultCoverage& coverage, const DeliveryCounts& total) {
  std::vector<ConfiguredFault> out;
  if (common.loss > 0) out.push_back({"broker.loss", "injected_loss", total.lost(LossReason::kInjected)});
  if (common.duplicate > 0)
    out.push_back(
        {"broker.duplicate", "injected_duplicate", coverage.duplicated(DuplicateReason::kInjected)});
  if (!constant(common.delay)) out.push_back({"broker.delay", "reordered", total.reordered});
  if (common.handler_error > 0)
    out.push_back({"broker.handler_error", "handler_error", total.handler_errors});
  if (common.crash_rate_per_s > 0) out.push_back({"broker.crash_rate", "crash", coverage.rate_crashes});
  add_scripted(names, coverage, out);
  return out;
}

nlohmann::json coverage_json(const CommonOptions& common, const FaultNames& names,
                             const FaultCoverage& coverage, const DeliveryCounts& total) {
  nlohmann::json j = {
      {"injected_loss", total.lost(LossReason::kInjected)},
      {"scripted_drop", total.lost(LossReason::kScripted)},
      {"injected_duplicate", coverage.duplicated(DuplicateReason::kInjected)},
      {"reordered", total.reordered},
      {"partition", coverage.partitioned},
      {"disconnect", coverage.disconnected},
      {"crash", coverage.scripted_crashes + coverage.rate_crashes},
      {"disconnected_loss", total.lost(LossReason::kDisconnected)},
      {"slow_consumer_drop", total.lost(LossReason::kSlowConsumer)},
      {"crash_loss", total.lost(LossReason::kCrash)},
      {"handler_error", total.handler_errors},
      {"redelivered", total.redelivered},
      {"dead_lettered", total.dead_lettered},
      {"segment_deleted", coverage.segments_deleted},
      {"retention_loss", total.lost(LossReason::kRetention)},
      {"offset_reset", coverage.offset_resets},
      {"reset_loss", total.lost(LossReason::kReset)},
      {"after_delete_duplicate", coverage.duplicated(DuplicateReason::kAfterDelete)},
      {"producer_retry_duplicate", coverage.duplicated(DuplicateReason::kProducerRetry)},
      {"fifo_deduplicated", total.deduplicated},
  };
  nlohmann::json configured = nlohmann::json::object();
  for (const ConfiguredFault& f : configured_faults(common, names, coverage, total))
    configured[f.key] = f.fired;
  j["configured"] = configured;
  return j;
}

}  // namespace choreo::brokers
