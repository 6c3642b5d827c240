#include "http/html_escape.h"

namespace cscwatch {

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;
        if (c == 0x7f) break;
        out += c;
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  append_escaped(out, text);
  return out;
}

void append_option(std::string& out, std::string_view value, std::string_view text, bool selected) {
  out += "<option value=\"";
  append_escaped(out, value);
  out += selected ? "\" selected>" : "\">";
  append_escaped(out, text);
  out += "</option>";
}

}  // namespace cscwatch
