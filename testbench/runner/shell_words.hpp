// Splits an option's text into arguments the way a POSIX shell splits a command line
// (`--slurm-args "--qos=low --comment 'nightly run'"`), without running anything: no
// variables, globs or command substitution are expanded, so no text can make the runner
// execute something.
#pragma once

#include <string>
#include <vector>

namespace tandem {

// Blanks separate words; '...' keeps everything literally; "..." keeps everything but a
// backslash before one of $ ` " \ (which it drops); a backslash elsewhere keeps the next
// character. False, with `error` set, on an unterminated quote or a trailing backslash.
bool split_shell_words(const std::string& text, std::vector<std::string>* words, std::string* error);

}  // namespace tandem
