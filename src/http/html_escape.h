// Escaping for everything that reaches a page. Report text, authority names,
// queries and news articles are all untrusted: every dynamic string goes
// through html_escape (text and quoted attribute values alike) or url_encode
// (http/url_codec.h).
#pragma once

#include <string>
#include <string_view>

namespace cscwatch {

// & < > " ' escaped; C0 control characters other than tab and newline dropped
// (they are invalid in HTML and would confuse readers of the source).
std::string html_escape(std::string_view text);
void append_escaped(std::string& out, std::string_view text);

// <option value="value" [selected]>text</option>, both escaped.
void append_option(std::string& out, std::string_view value, std::string_view text, bool selected);

}  // namespace cscwatch
