// A scenario being shrunk; see shrink_draft.h.
#include "cli/shrink_draft.h"

#include <algorithm>

namespace choreo::cli {

ShrinkDraft ShrinkDraft::from(const sim::RawConfig& raw, const std::vector<std::string>& overrides,
                              const sim::ConfigSchema& schema) {
  ShrinkDraft d;
  d.open_sections_ = schema.open_sections();
  for (const auto& e : raw.entries) d.set(e.key, e.value);
  for (const auto& text : overrides) {
    const auto eq = text.find('=');
    if (eq != std::string::npos) d.set(text.substr(0, eq), text.substr(eq + 1));
  }
  return d;
}

std::string ShrinkDraft::section_of(const std::string& key) const {
  const std::string first = key.substr(0, key.find('.'));
  if (std::find(open_sections_.begin(), open_sections_.end(), first) != open_sections_.end()) return first;
  return key.substr(0, key.rfind('.'));
}

void ShrinkDraft::set(const std::string& key, const std::string& value) {
  for (auto& e : entries_) {
    if (e.key == key) {
      e.value = value;
      return;
    }
  }
  const std::string section = section_of(key);
  auto last = entries_.end();
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (section_of(it->key) == section) last = it + 1;
  }
  entries_.insert(last, Entry{key, value});
}

void ShrinkDraft::remove_section(const std::string& prefix) {
  std::erase_if(entries_, [&](const Entry& e) { return section_of(e.key) == prefix; });
}

void ShrinkDraft::keep_only(const std::string& section, const std::vector<std::string>& keys) {
  std::erase_if(entries_, [&](const Entry& e) {
    return section_of(e.key) == section && std::find(keys.begin(), keys.end(), e.key) == keys.end();
  });
}

std::string ShrinkDraft::value(const std::string& key) const {
  for (const auto& e : entries_) {
    if (e.key == key) return e.value;
  }
  return "";
}

std::string ShrinkDraft::render(const std::vector<std::string>& header) const {
  std::string text;
  for (const auto& line : header) text += "# " + line + "\n";
  std::vector<std::string> sections;
  for (const auto& e : entries_) {
    const std::string s = section_of(e.key);
    if (std::find(sections.begin(), sections.end(), s) == sections.end()) sections.push_back(s);
  }
  for (const auto& s : sections) {
    text += "\n[" + s + "]\n";
    for (const auto& e : entries_) {
      if (section_of(e.key) == s) text += e.key.substr(s.size() + 1) + " = " + e.value + "\n";
    }
  }
  return text;
}

}  // namespace choreo::cli
