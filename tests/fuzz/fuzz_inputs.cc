// Writes the fuzzers' dictionaries and generated seeds from the schemas, so
// they cannot go stale: a key added to any model is in the next fuzz run.
//
//   fuzz_inputs OUT_DIR
//     OUT_DIR/reader.dict            [section] headers, key names, values, unit tokens
//     OUT_DIR/set.dict               section.key= for every key, values, unit tokens
//     OUT_DIR/seeds/reader/<model>.ini   every key of the model at its default
//     OUT_DIR/seeds/set/<i>-{default,min,max}   key i (set_fuzz.cc's order) and a value
// scripts/fuzz.sh adds scenarios/*.ini to the reader's seeds.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_check.h"

namespace {

using choreo::sim::KeySpec;

// A libFuzzer dictionary line: "text" with quotes, backslashes and
// non-printable bytes escaped.
std::string dict_entry(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7F) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string instance_key(const KeySpec& spec) {
  std::string key = spec.key;
  if (const auto star = key.find('*'); star != std::string::npos) key.replace(star, 1, "f");
  return key;
}

// Every value text the schemas mention, and the tokens values are made of.
std::set<std::string> value_words() {
  std::set<std::string> words = {"us",    "ms",       "s",    "min",     "h",          "d",
                                 "/s",    "/ms",      "/min", "/h",      "/d",         "%",
                                 "B",     "KiB",      "MiB",  "GiB",     "KB",         "MB",
                                 "GB",    "uniform:", "exp:", "normal:", "lognormal:", "pareto:",
                                 "zipf:", "const:",   "..",   ",",       "true",       "false",
                                 "1e6",   "_",        "-",    "#",       "0",          "9223372036854775807"};
  for (const auto& schema : choreo::fuzz::all_schemas()) {
    for (const auto& spec : schema.keys()) {
      for (const auto* v : {&spec.default_value, &spec.min, &spec.max}) {
        if (!v->empty()) words.insert(*v);
      }
      for (const auto& a : spec.allowed) words.insert(a);
    }
  }
  return words;
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    std::fprintf(stderr, "fuzz_inputs: cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_inputs OUT_DIR\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out / "seeds" / "reader");
  std::filesystem::create_directories(out / "seeds" / "set");
  const auto& schemas = choreo::fuzz::all_schemas();
  const auto& kinds = choreo::models::model_kinds();

  std::set<std::string> reader = value_words(), set = value_words();
  std::size_t index = 0;  // the key's byte in set_fuzz.cc
  for (std::size_t m = 0; m < schemas.size(); ++m) {
    std::string scenario = "[run]\nmodel = " + std::string(kinds[m].name) + "\n";
    std::string section = "run";
    for (const auto& spec : schemas[m].keys()) {
      const std::string key = instance_key(spec);
      const auto dot = key.rfind('.');
      const std::string sec = key.substr(0, dot), name = key.substr(dot + 1);
      reader.insert("[" + sec + "]");
      reader.insert(name + " = ");
      set.insert(key + "=");
      if (sec != section) scenario += "[" + sec + "]\n", section = sec;
      if (key != "run.model") scenario += name + " = " + spec.default_value + "\n";
      const std::pair<const char*, const std::string*> values[] = {
          {"default", &spec.default_value}, {"min", &spec.min}, {"max", &spec.max}};
      for (const auto& [what, value] : values) {
        if (value->empty()) continue;
        write(out / "seeds" / "set" / (std::to_string(index) + "-" + what),
              std::string(1, static_cast<char>(index % 255)) + *value);
      }
      ++index;
    }
    for (const auto& open : schemas[m].open_sections()) reader.insert("[" + open + "]");
    write(out / "seeds" / "reader" / (std::string(kinds[m].name) + ".ini"), scenario);
  }
  std::string reader_dict, set_dict;
  for (const auto& w : reader) reader_dict += dict_entry(w) + "\n";
  for (const auto& w : set) set_dict += dict_entry(w) + "\n";
  write(out / "reader.dict", reader_dict);
  write(out / "set.dict", set_dict);
  std::printf("fuzz_inputs: %zu keys, %zu reader words, %zu set words in %s\n", index, reader.size(),
              set.size(), out.c_str());
  return 0;
}
