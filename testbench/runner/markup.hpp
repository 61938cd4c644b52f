// Escaping for XML and HTML text and attribute values.
#pragma once

#include <string>
#include <string_view>

namespace tandem {

// & < > " ' as entities; control characters XML 1.0 cannot hold (all below 0x20 but tab,
// newline and carriage return) become '?', so a stray byte in a message never breaks a file.
std::string xml_escape(std::string_view text);

}  // namespace tandem
