#include "shell_words.hpp"

#include <doctest/doctest.h>

using tandem::split_shell_words;

namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> words;
  std::string error;
  REQUIRE(split_shell_words(text, &words, &error));
  return words;
}

}  // namespace

TEST_CASE("slurm args: blanks separate words, runs of them count once") {
  CHECK(split("  --qos=low\t--hold \n") == std::vector<std::string>{"--qos=low", "--hold"});
  CHECK(split("").empty());
}

TEST_CASE("slurm args: quotes keep blanks and join with their neighbours, as in a shell") {
  CHECK(split("--comment 'nightly run' --x=\"a b\"c") ==
        std::vector<std::string>{"--comment", "nightly run", "--x=a bc"});
  CHECK(split("'' \"\"") == std::vector<std::string>{"", ""});
}

TEST_CASE("slurm args: nothing is expanded, and escapes follow the shell's rules") {
  CHECK(split("'$HOME' \"$HOME\" *") == std::vector<std::string>{"$HOME", "$HOME", "*"});
  CHECK(split("a\\ b \"q\\\"q\" \"\\n\" 'x\\y'") == std::vector<std::string>{"a b", "q\"q", "\\n", "x\\y"});
}

TEST_CASE("slurm args: an unclosed quote or a trailing backslash is an error") {
  std::vector<std::string> words;
  std::string error;
  CHECK_FALSE(split_shell_words("--comment 'open", &words, &error));
  CHECK(error.find("single quote") != std::string::npos);
  CHECK_FALSE(split_shell_words("\"open", &words, &error));
  CHECK(error.find("double quote") != std::string::npos);
  CHECK_FALSE(split_shell_words("x\\", &words, &error));
}
