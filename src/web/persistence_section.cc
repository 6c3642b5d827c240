#include "web/persistence_section.h"

#include <fmt/format.h>

#include "news/text_words.h"
#include "http/html_escape.h"
#include "web/inspection_fragments.h"

namespace cscwatch {

namespace {

constexpr size_t kPassageChars = 320;

void append_excerpt(std::string& out, const std::string& text) {
  const std::string_view cut = news::utf8_prefix(text, kPassageChars);
  append_escaped(out, cut);
  if (cut.size() < text.size()) out += "\u2026";
}

}  // namespace

std::string pair_matches_html(const InspectionPairMatches& pair) {
  std::string out = "<ol class=\"persistence\">";
  for (const PointMatch& m : pair.points) {
    out += fmt::format("<li class=\"{}\"><p class=\"point\">", m.recurring ? "recurring" : "not-repeated");
    append_escaped(out, m.point.text);
    if (auto link = cited_page_link(pair.earlier.document_id, m.point.page, "point-" + std::to_string(m.point.ordinal)); !link.empty()) out += " " + link;
    out += fmt::format("</p><p class=\"verdict\"><strong>{}</strong> \u2014 similarity {:.2f} to the closest point of the "
                       "next report</p>",
                       m.recurring ? "Recurring" : "Not repeated", m.point_score);
    out += "<dl class=\"matches\">";
    if (m.best_point) {
      out += "<div><dt>Closest point in the next report</dt><dd>";
      append_escaped(out, m.best_point->text);
      if (auto link = cited_page_link(pair.later.document_id, m.best_point->page, "point-" + std::to_string(m.best_point->ordinal)); !link.empty()) out += " " + link;
      out += "</dd></div>";
    } else {
      out += "<div><dt>Closest point in the next report</dt><dd>The next report lists no improvement points.</dd></div>";
    }
    if (!m.passage.empty()) {
      out += fmt::format("<div><dt>Closest sentence in the next report (similarity {:.2f})</dt><dd>", m.passage_score);
      append_excerpt(out, m.passage);
      if (auto link = cited_page_link(pair.later.document_id, m.passage_page, ""); !link.empty()) out += " " + link;
      out += "</dd></div>";
    }
    out += "</dl></li>";
  }
  out += "</ol>";
  return out;
}

std::string persistence_section_html(const std::vector<InspectionPairMatches>& pairs) {
  if (pairs.empty()) return {};
  std::string out = "<section aria-labelledby=\"persist-h\" id=\"persistence\"><h2 id=\"persist-h\">Do weaknesses persist?</h2>";
  out += fmt::format(
      "<p class=\"note\">Each improvement point of a graded report is compared with the next graded report: with its "
      "improvement points and with every sentence of its text, by the similarity of their words (TF-IDF cosine over "
      "word stems, 0 to 1). A point is <strong>recurring</strong> when the closest point of the next report scores at "
      "least {:.2f}, a level at which sampled pairs nearly always asked for the same thing; below it, <strong>not "
      "repeated</strong> (which does not prove it was resolved). <a href=\"/national/persistence\">Which weaknesses "
      "persist nationally</a>.</p>",
      kRecurringThreshold);
  for (auto it = pairs.rbegin(); it != pairs.rend(); ++it) {
    const InspectionPairMatches& p = *it;
    out += fmt::format("<details class=\"pair\" id=\"persistence-{}\"><summary>", p.earlier.document_id);
    append_escaped(out, inspection_title(p.earlier));
    out += " \u2192 ";
    append_escaped(out, inspection_title(p.later));
    out += fmt::format(": {} of {} points recurring</summary>", p.recurring(), p.points.size());
    out += pair_matches_html(p);
    out += "</details>";
  }
  out += "</section>";
  return out;
}

}  // namespace cscwatch
