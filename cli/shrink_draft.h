// A scenario being shrunk: its `section.key = value` entries in file order,
// edited in memory and rendered back to the text of a scenario file.
//
// The draft is the scenario itself, not a diff: `choreo shrink` folds the
// original file and its --set overrides into one draft, edits it, and every
// candidate it runs is exactly the text render() returns, read back with the
// ordinary scenario reader. So the file it writes is the file it tested.
//
// A section is everything before a key's last dot ("replica.counts-naive"
// for "replica.counts-naive.kind"), except in open sections such as
// [expect], whose keys may themselves contain dots.
#pragma once

#include <string>
#include <vector>

#include "sim/config.h"
#include "sim/config_schema.h"

namespace choreo::cli {

class ShrinkDraft {
 public:
  struct Entry {
    std::string key;  // "section.key" as the schema names it
    std::string value;
    friend bool operator==(const Entry&, const Entry&) = default;
  };

  // The entries of `raw` in order, with `overrides` ("section.key=value",
  // later wins) replacing an entry in place or added to its section.
  static ShrinkDraft from(const sim::RawConfig& raw, const std::vector<std::string>& overrides,
                          const sim::ConfigSchema& schema);

  // Sets `key`: in place if present, else after the last entry of its
  // section (or at the end, opening the section).
  void set(const std::string& key, const std::string& value);
  // Removes every entry of the instance section `prefix` ("fault.cut").
  void remove_section(const std::string& prefix);
  // Keeps, of the open section `section`, only the entries whose keys are
  // listed (others are removed).
  void keep_only(const std::string& section, const std::vector<std::string>& keys);

  const std::vector<Entry>& entries() const { return entries_; }
  // The value of `key`, or "" when the draft does not set it.
  std::string value(const std::string& key) const;

  // Scenario-file text: `header` lines as # comments, then one [section]
  // per section in order of first appearance.
  std::string render(const std::vector<std::string>& header) const;

  friend bool operator==(const ShrinkDraft&, const ShrinkDraft&) = default;

 private:
  std::string section_of(const std::string& key) const;

  std::vector<Entry> entries_;
  std::vector<std::string> open_sections_;
};

}  // namespace choreo::cli
