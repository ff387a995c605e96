// The state checker of the comments system. Like TigerBeetle's state
// checker it only observes: it reads each replica through its read-only
// view (views.h) and the owner's ledger, and changes neither. The comments
// model hands these comparisons to the generic sim::ConvergenceChecker,
// which samples them every run.sample_period and once after the settle.
//
// The counters' samples during the run are incremental (counts_sampler.h:
// the changed keys and the keys that differed, every key every 16th sample
// and at the final one); they report what compare_counts would.
//
// What it verifies, at each sample:
//   - a user mirror shows, for every user, the profile version the user
//     service holds (0 for a user never changed);
//   - a counter shows, for every key the comment service has ever counted
//     on (each story, chapter and paragraph that got a comment), the number
//     of live comments there. |owner - replica| summed over keys is the
//     absolute error: a comment missing from a paragraph counts on its
//     paragraph, chapter and story.
//
// What it does not verify:
//   - profile contents: the version stands for the username and avatar;
//   - which comments a counter counts, only how many per key (two errors
//     that cancel on a key go unseen);
//   - keys no comment was ever posted on (both sides are 0 by construction);
//   - a replica's internal state: tombstones, dedup sets, CRDT entries, the
//     memory they take;
//   - anything between two samples: a divergence that opens and closes
//     within one sample_period is not seen;
//   - how the replica got there: events applied twice that happen to
//     leave the right count pass.
#pragma once

#include "models/wattpad/comment_ledger.h"
#include "models/wattpad/profile_ledger.h"
#include "models/wattpad/views.h"
#include "sim/convergence.h"

namespace choreo::wattpad {

// Every user, in id order; keys named "user 17". `examples`: how many
// differing keys to name (sim::DivergenceBuilder).
sim::Divergence compare_profiles(const ProfileLedger& owner, const ProfilesView& mirror,
                                 std::size_t examples = sim::DivergenceBuilder::kExamples);
// Every counted key, in key-id order (first counted first); keys named as
// KeyIndex::name does.
sim::Divergence compare_counts(const CommentLedger& owner, const CountsView& counts,
                               std::size_t examples = sim::DivergenceBuilder::kExamples);

}  // namespace choreo::wattpad
