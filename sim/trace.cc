// Trace file writing; see trace.h.
#include "sim/trace.h"

#include <fmt/format.h>

#include <string>

namespace choreo::sim {

namespace {

// Node and kind names are ours (letters, digits, '-', '_', '/', '.'), but a
// scenario can name a node; escape what JSON needs escaped.
void write_json_string(std::ostream& out, std::string_view s) {
  out << '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out << '\\' << c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out << fmt::format("\\u{:04x}", static_cast<int>(c));
    } else {
      out << c;
    }
  }
  out << '"';
}

}  // namespace

void Trace::write(Time t, std::string_view node, std::string_view kind,
                  std::initializer_list<TraceField> fields) {
  if (out_ == nullptr) return;
  *out_ << "{\"t_us\":" << t << ",\"node\":";
  write_json_string(*out_, node);
  *out_ << ",\"kind\":";
  write_json_string(*out_, kind);
  for (const auto& [name, value] : fields) {
    *out_ << ',';
    write_json_string(*out_, name);
    *out_ << ':' << value;
  }
  *out_ << "}\n";
}

std::string format_hash(std::uint64_t hash) { return fmt::format("{:016x}", hash); }

}  // namespace choreo::sim
