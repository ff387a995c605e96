// Trace file writing; see trace.h.
#include "sim/trace.h"

#include <fmt/format.h>

#include <cassert>
#include <iterator>

namespace choreo::sim {

namespace {

// Node, kind and field names are ours, but a scenario can name a node or a
// topic; escape what JSON needs escaped.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<int>(c));
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace

TraceLine& TraceLine::add(std::string_view name, std::int64_t value) {
  assert(size_ < kMaxFields);
  if (size_ < kMaxFields) values_[size_++] = Value{name, value, {}, false};
  return *this;
}

TraceLine& TraceLine::add_text(std::string_view name, std::string_view text) {
  assert(size_ < kMaxFields);
  if (size_ < kMaxFields) values_[size_++] = Value{name, 0, text, true};
  return *this;
}

const TraceLine::Value* TraceLine::find(std::string_view name) const {
  for (const Value& v : *this) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

void Trace::write(const TraceLine& line) {
  if (out_ == nullptr) return;
  if (options_.keep && !options_.keep(line)) return;
  buffer_.clear();
  fmt::format_to(std::back_inserter(buffer_), "{{\"t_us\":{},\"node\":", line.t());
  append_json_string(buffer_, line.node());
  buffer_ += ",\"kind\":";
  append_json_string(buffer_, line.kind());
  for (const TraceLine::Value& v : line) {
    buffer_ += ',';
    append_json_string(buffer_, v.name);
    buffer_ += ':';
    if (v.is_text) {
      append_json_string(buffer_, v.text);
    } else {
      fmt::format_to(std::back_inserter(buffer_), "{}", v.number);
    }
  }
  buffer_ += "}\n";
  out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
}

void Trace::write(Time t, std::string_view node, std::string_view kind,
                  std::initializer_list<TraceField> fields) {
  if (out_ == nullptr) return;
  TraceLine line(t, node, kind);
  for (const auto& [name, value] : fields) line.add(name, value);
  write(line);
}

std::string format_hash(std::uint64_t hash) { return fmt::format("{:016x}", hash); }

}  // namespace choreo::sim
