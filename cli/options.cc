// Command-line parsing; see options.h.
#include "cli/options.h"

#include <fmt/format.h>

#include "sim/config.h"

namespace po = boost::program_options;

namespace choreo::cli {

namespace {

std::string unknown_option_message(const std::string& option, const po::options_description& options,
                                   const std::string& command) {
  std::vector<std::string> names;
  for (const auto& o : options.options()) names.push_back("--" + o->long_name());
  const std::string guess = sim::did_you_mean(option, names);
  if (guess.empty()) return fmt::format("{}: unknown option '{}' (see {} --help)", command, option, command);
  return fmt::format("{}: unknown option '{}' (did you mean '{}'?)", command, option, guess);
}

}  // namespace

sim::Status parse_args(const std::vector<std::string>& args, const po::options_description& options,
                       const po::positional_options_description& positional, const std::string& command) {
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    return sim::Error{unknown_option_message(e.get_option_name(), options, command)};
  } catch (const po::too_many_positional_options_error&) {
    return sim::Error{fmt::format("{}: too many arguments (see {} --help)", command, command)};
  } catch (const po::error& e) {
    return sim::Error{fmt::format("{}: {}", command, e.what())};
  }
  return sim::Ok{};
}

}  // namespace choreo::cli
