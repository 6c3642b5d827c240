// Text as the parsers compare it: report PDFs print the same words with curly
// or straight quotes, several dash glyphs, non-breaking spaces and bullet
// glyphs, so every rule matches against one normalised form.
#pragma once

#include <string>
#include <string_view>

namespace cscwatch::parse {

// Collapses runs of whitespace (including non-breaking spaces) to one space,
// maps curly quotes to ' and ", dash glyphs (– — ─ ‐ ‑ −) to '-', drops bullet
// glyphs (◼ ● • ▪ ■ ) and trims. Case is kept.
std::string clean_text(std::string_view text);

// clean_text, then ASCII lower case: the form rules match against.
std::string normalise(std::string_view text);

// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view text);

// True if a private-use code point (U+E000..U+F8FF: Symbol/Wingdings glyphs,
// printed as bullets) is encoded at byte `at` of `text`.
bool is_private_use_at(std::string_view text, size_t at);

bool starts_with(std::string_view text, std::string_view prefix);
bool contains(std::string_view text, std::string_view needle);

// Strips a leading section number such as "1.", "2.1", "3 " from a label.
std::string_view strip_section_number(std::string_view text);

}  // namespace cscwatch::parse
