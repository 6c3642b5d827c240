#include "web/intervention_source.h"

#include "domain/improvement_validation.h"
#include "http/html_escape.h"

namespace cscwatch {

std::string intervention_source_html(const Intervention& i) {
  if (i.source.empty()) return {};
  std::string out = "<small class=\"source\">Source: ";
  if (is_web_address(i.source)) {
    // The address is the text only when the source has no title of its own.
    const std::string& text = i.source_title.empty() ? i.source : i.source_title;
    out += "<a href=\"" + html_escape(i.source) + "\" rel=\"nofollow noopener\">" + html_escape(text) + "</a>";
  } else {
    out += html_escape(i.source);
    if (!i.source_title.empty()) out += ", \u201c" + html_escape(i.source_title) + "\u201d";
  }
  if (i.source_date) out += " (<time datetime=\"" + to_iso(*i.source_date) + "\">" + to_display(*i.source_date) + "</time>)";
  out += "</small>";
  return out;
}

}  // namespace cscwatch
