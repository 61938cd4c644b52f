#include "run_spec.hpp"

#include "outcome.hpp"

namespace tandem {

std::vector<std::string> run_arguments(const RunSpec& spec) {
  std::vector<std::string> args = {"run",       spec.scenario, "--seed",       std::to_string(spec.seed),
                                   "--variant", spec.variant,  "--max-cycles", std::to_string(spec.max_cycles)};
  if (spec.release_driver) args.emplace_back("--release-driver");
  if (!spec.schedule.empty()) args.insert(args.end(), {"--schedule", spec.schedule});
  return args;
}

std::string repro_command(const RunSpec& spec) {
  std::string command = shell_quote(self_command());
  for (const std::string& a : run_arguments(spec)) command += " " + shell_quote(a);
  return command + " --waves fst";
}

std::string shell_quote(const std::string& text) {
  if (!text.empty() &&
      text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./,=:+-") ==
          std::string::npos) {
    return text;
  }
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace tandem
