// The scripted run the trace tools are tested on (choreo explain, the
// sequence diagram, the HTML report): one story with one chapter on NATS,
// 20 comment events a second for 2 s, no deletes, no profile changes, no
// reads, and the 5th comment event dropped for every subscriber; a counter
// `counts` of the given strategy diverges by exactly that drop (plus what
// `broker` adds). traced_run() writes it to DIR/drop.ini and runs it with
// `choreo run --out DIR/run --trace DIR/run/trace.jsonl`.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/cli/command.h"

namespace choreo::testing {

// `broker`: extra [broker] lines ("duplicate = 20%\n"); `tail`: sections
// after the fault ("[expect]\n...").
inline std::string drop_five(const std::string& strategy, const std::string& broker = "",
                             const std::string& tail = "") {
  return "[run]\nmodel = comments\nduration = 2s\nsettle = 2s\n"
         "[workload]\nstories = 1\nchapters = 1\ninline_fraction = 0\ncomment_rate = 20/s\n"
         "delete_fraction = 0\nprofile_rate = 0/s\nread_rate = 0/s\n"
         "[broker]\nkind = nats\n" +
         broker + "[replica.counts]\nkind = counter\nstrategy = " + strategy +
         "\n[fault.lose-five]\nkind = drop\ntopic = comments\nnth = 5\n" + tail;
}

struct TracedRun {
  std::string ini, out, trace;  // DIR/drop.ini, DIR/run, DIR/run/trace.jsonl
  CommandResult result;         // of `choreo run`
};

// `dir` ends in '/'; `extra`: more `choreo run` arguments.
inline TracedRun traced_run(const std::string& dir, const std::string& scenario,
                            const std::string& extra = "") {
  TracedRun t{dir + "drop.ini", dir + "run", dir + "run/trace.jsonl", {}};
  std::filesystem::create_directories(t.out);
  std::ofstream(t.ini) << scenario;
  t.result = choreo("run " + t.ini + " --out " + t.out + " --trace " + t.trace + " " + extra);
  return t;
}

}  // namespace choreo::testing
