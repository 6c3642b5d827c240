#include "parse/text_normalise.h"

#include <array>
#include <cctype>
#include <utility>

namespace cscwatch::parse {

namespace {

// UTF-8 sequences mapped to ASCII (empty: dropped). Checked before the
// generic pass copies other multi-byte characters through unchanged.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kReplacements = {{
    {"\u2019", "'"}, {"\u2018", "'"}, {"\u201C", "\""}, {"\u201D", "\""},
    {"\u2013", "-"}, {"\u2014", "-"}, {"\u2500", "-"}, {"\u2010", "-"},
    {"\u2011", "-"}, {"\u2212", "-"}, {"\u00A0", " "}, {"\u2002", " "},
    {"\u2003", " "}, {"\u2009", " "}, {"\u25FC", ""},  {"\u25CF", ""},
    {"\u2022", ""},  {"\u25AA", ""},  {"\u25A0", ""},  {"\u25E6", ""},
    {"\uFEFF", ""},  {"\u200B", ""},
}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

bool is_private_use_at(std::string_view text, size_t at) {
  if (at + 3 > text.size()) return false;
  const auto b0 = static_cast<unsigned char>(text[at]);
  const auto b1 = static_cast<unsigned char>(text[at + 1]);
  // U+E000..U+EFFF is EE 80..BF xx; U+F000..U+F8FF is EF 80..A3 xx.
  return b0 == 0xEE || (b0 == 0xEF && b1 >= 0x80 && b1 <= 0xA3);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::string_view piece;
    size_t advance = 1;
    if (c >= 0x80) {
      bool replaced = false;
      for (const auto& [from, to] : kReplacements) {
        if (text.substr(i, from.size()) == from) {
          piece = to;
          advance = from.size();
          replaced = true;
          break;
        }
      }
      if (!replaced && is_private_use_at(text, i)) {
        piece = {};
        advance = 3;
        replaced = true;
      }
      if (!replaced) piece = text.substr(i, 1);
    } else {
      piece = text.substr(i, 1);
    }
    i += advance;
    if (piece.empty()) continue;
    if (piece.size() == 1 && is_space(piece[0])) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(piece);
  }
  return out;
}

std::string normalise(std::string_view text) {
  std::string out = clean_text(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool contains(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

std::string_view strip_section_number(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  if (i == 0) return text;
  return trim(text.substr(i));
}

}  // namespace cscwatch::parse
