#include "shell_words.hpp"

namespace tandem {

bool split_shell_words(const std::string& text, std::vector<std::string>* words, std::string* error) {
  words->clear();
  std::string word;
  bool in_word = false;  // '' is a word too: quotes make one even when empty
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words->push_back(word);
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\\') {
      if (++i == text.size()) {
        *error = "a backslash ends the text";
        return false;
      }
      word += text[i];
    } else if (c == '\'') {
      const std::size_t end = text.find('\'', i + 1);
      if (end == std::string::npos) {
        *error = "a single quote is not closed";
        return false;
      }
      word += text.substr(i + 1, end - i - 1);
      i = end;
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        const bool escape =
            text[i] == '\\' && i + 1 < text.size() && std::string("$`\"\\").find(text[i + 1]) != std::string::npos;
        word += text[escape ? ++i : i];
      }
      if (i == text.size()) {
        *error = "a double quote is not closed";
        return false;
      }
    } else {
      word += c;
    }
  }
  if (in_word) words->push_back(word);
  return true;
}

}  // namespace tandem
