// The `delivery` and `reads` sections of the readable run report, with a
// legend that says what the less obvious counters mean.
//
// Every counter the summary has is printed, zeros included: a loss reason
// at 0 is a finding too. Counts the summary keeps only per topic
// (handler_errors, deduplicated) are summed over the topics. t_visibility
// is printed cumulatively: for each age t, the share of the lookups made at
// most t after the write they should see that saw it (summary.json keeps
// the per-bin shares). Keys this file does not know are printed as they are,
// so a model that adds one is never silently hidden.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace choreo::cli {

// `broker_kind` (config broker.kind) picks what a handler error leads to.
void print_delivery(const nlohmann::json& delivery, const std::string& broker_kind, std::ostream& out);
void print_reads(const nlohmann::json& reads, std::ostream& out);
// Any other section: one line per key, and a line below it for each object
// nested in that key's value.
void print_generic(const char* title, const nlohmann::json& section, std::ostream& out);

// "12.3" for floats (6 significant digits), integers as they are.
std::string number_text(const nlohmann::json& v);

}  // namespace choreo::cli
