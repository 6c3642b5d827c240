#include "web/page_image_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include "analysis/report_detail.h"
#include "reader/page_image.h"
#include "web/cited_fact.h"
#include "http/html_escape.h"
#include "http/url_codec.h"
#include "web/inspection_fragments.h"
#include "web/page_image_cache.h"
#include "web/page_layout.h"
#include "http/request_params.h"

namespace cscwatch {

namespace {

// 64 MiB holds about 250 pages at the default scale: a working day's worth of
// checking on a busy register, and a small part of the server's memory.
constexpr std::size_t kImageCacheBytes = 64u << 20;
// A highlight is drawn a few pixels outside the words' box, so that its
// outline does not cross the letters.
constexpr int kHighlightMargin = 3;

PageImageCache& image_cache() {
  // One per process, shared by the worker threads (the cache locks).
  static PageImageCache cache(kImageCacheBytes);
  return cache;
}

PageRenderer& renderer() {
  // MuPDF contexts are per thread.
  thread_local PageRenderer r;
  return r;
}

int64_t positive_arg(const WebRequest& request, size_t index, const char* what) {
  const std::string& s = request.path_args.at(index);
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v <= 0) throw BadRequest(std::string(what) + " is a positive whole number");
  return v;
}

struct PageRequest {
  int64_t id = 0;
  int page = 0;
  ReportDetail detail;
};

// The report and the page asked for, or 404: no such report, no stored PDF,
// no such page.
PageRequest load_page(const PageContext& ctx, const WebRequest& request) {
  PageRequest p;
  p.id = positive_arg(request, 0, "a report id");
  int64_t page = positive_arg(request, 1, "a page number");
  auto d = report_detail(ctx.db, p.id, false);
  if (!d) throw NotFound("There is no report " + std::to_string(p.id) + " in the register.");
  if (!d->has_pdf)
    throw NotFound("There is no stored PDF for report " + std::to_string(p.id) +
                   ", so its pages cannot be shown as printed; the extracted text is on the report page.");
  int count = d->row.page_count;
  if (count <= 0) {
    auto q = ctx.db.prepare("SELECT COUNT(*) FROM pages WHERE document_id = ?");
    q.bind(1, p.id);
    if (q.step()) count = static_cast<int>(q.integer(0));
  }
  if (page > count)
    throw NotFound(fmt::format("Report {} has {} page{}; there is no page {}.", p.id, count, count == 1 ? "" : "s", page));
  p.page = static_cast<int>(page);
  p.detail = std::move(*d);
  return p;
}

std::string stored_page_text(const PageContext& ctx, int64_t id, int page, bool* found) {
  auto q = ctx.db.prepare("SELECT text FROM pages WHERE document_id = ? AND number = ?");
  q.bind(1, id);
  q.bind(2, page);
  *found = q.step();
  return *found ? q.text(0) : std::string();
}

// Where `phrase` occurs in `text`, ignoring ASCII case and treating any run of
// whitespace in either as one space (the stored text breaks lines where the
// page does). Returns [begin, end) byte ranges, not overlapping.
std::vector<std::pair<size_t, size_t>> find_phrase(const std::string& text, const std::string& phrase) {
  std::vector<std::string> words;
  for (size_t i = 0; i < phrase.size();) {
    while (i < phrase.size() && std::isspace(static_cast<unsigned char>(phrase[i]))) ++i;
    size_t start = i;
    while (i < phrase.size() && !std::isspace(static_cast<unsigned char>(phrase[i]))) ++i;
    if (i > start) words.push_back(phrase.substr(start, i - start));
  }
  std::vector<std::pair<size_t, size_t>> out;
  if (words.empty()) return out;
  auto eq = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  };
  for (size_t at = 0; at < text.size() && out.size() < 64;) {
    size_t pos = at;
    bool ok = true;
    for (size_t w = 0; ok && w < words.size(); ++w) {
      if (w > 0) {
        size_t spaces = pos;
        while (spaces < text.size() && std::isspace(static_cast<unsigned char>(text[spaces]))) ++spaces;
        if (spaces == pos) ok = false;
        pos = spaces;
      }
      const std::string& word = words[w];
      if (ok && (text.size() - pos < word.size() || !std::equal(word.begin(), word.end(), text.begin() + static_cast<long>(pos), eq)))
        ok = false;
      pos += word.size();
    }
    if (ok) {
      out.emplace_back(at, pos);
      at = pos;
    } else {
      ++at;
    }
  }
  return out;
}

// The page's text, escaped, with every occurrence of the phrases in <mark>.
std::string marked_text_html(const std::string& text, const std::vector<std::string>& phrases) {
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const auto& p : phrases)
    for (auto r : find_phrase(text, p)) ranges.push_back(r);
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  size_t at = 0;
  for (auto [b, e] : ranges) {
    if (b < at) continue;  // overlaps an earlier mark
    append_escaped(out, std::string_view(text).substr(at, b - at));
    out += "<mark>";
    append_escaped(out, std::string_view(text).substr(b, e - b));
    out += "</mark>";
    at = e;
  }
  append_escaped(out, std::string_view(text).substr(at));
  return out;
}

double gap(const PixelBox& a, const PixelBox& b) {
  // From the end of the anchor to the start of the word: the grade is printed
  // to the right of its wording or below it, seldom above.
  double dx = b.x0 - a.x1, dy = (b.y0 + b.y1) / 2.0 - (a.y0 + a.y1) / 2.0;
  double d = std::hypot(std::max(0.0, dx) + std::max(0.0, -dx) * 0.5, dy);
  return b.y1 < a.y0 ? d * 4 : d;
}

// The occurrence of the words meant: all of them when there is no anchor on
// the page, else the one nearest after an occurrence of the anchor.
std::vector<std::vector<PixelBox>> choose_hits(const PhraseBoxes& words, const PhraseBoxes* anchor) {
  if (!anchor || anchor->hits.empty() || words.hits.size() <= 1) return words.hits;
  double best = std::numeric_limits<double>::max();
  size_t chosen = 0;
  for (const auto& a : anchor->hits) {
    if (a.empty()) continue;
    for (size_t i = 0; i < words.hits.size(); ++i) {
      const auto& w = words.hits[i];
      if (w.empty()) continue;
      // The words inside the anchor itself ("... are inadequate") are not the grade.
      const PixelBox &ab = a.back(), &wb = w.front();
      bool inside = wb.x0 >= a.front().x0 - 2 && wb.x1 <= ab.x1 + 2 && wb.y0 >= a.front().y0 - 2 && wb.y1 <= ab.y1 + 2;
      if (inside) continue;
      double d = gap(ab, wb);
      if (d < best) best = d, chosen = i;
    }
  }
  return {words.hits[chosen]};
}

std::string image_key(const std::string& sha256, int page, float scale) {
  return fmt::format("{}:{}:{:.3f}", sha256, page, scale);
}

}  // namespace

std::string page_image_url(int64_t document_id, int page, std::string_view fact) {
  if (fact.empty()) return fmt::format("/report/{}/page/{}", document_id, page);
  return fmt::format("/report/{}/page/{}?fact={}#highlight", document_id, page, url_encode(fact));
}

WebResponse page_image_png(const PageContext& ctx, const WebRequest& request) {
  PageRequest p = load_page(ctx, request);
  const float scale = PageImageLimits{}.scale;
  std::string key = image_key(p.detail.row.sha256.empty() ? "document-" + std::to_string(p.id) : p.detail.row.sha256, p.page, scale);
  auto image = image_cache().get_or_draw(key, [&]() -> Result<std::string> {
    auto pdf = report_pdf(ctx.db, p.id);
    if (!pdf) return Error{"the stored PDF is missing"};
    auto drawn = renderer().render(*pdf, p.page);
    if (!drawn) return Error{drawn.error()};
    return std::move(drawn->png);
  });
  if (!image) {
    WebResponse r = html_response(render_error_page(500, "Page " + std::to_string(p.page) + " of report " + std::to_string(p.id) +
                                                             " cannot be drawn: " + image.error()),
                                  500);
    r.cacheable = false;
    return r;
  }
  WebResponse r;
  r.content_type = "image/png";
  r.body = **image;
  r.cacheable = false;  // kept in the image cache, keyed by the file's digest
  return r;
}

WebResponse page_image_page(const PageContext& ctx, const WebRequest& request) {
  PageRequest p = load_page(ctx, request);
  const InspectionRow& r = p.detail.row;
  std::string fact_key = param(request, "fact", 40);
  std::string hl = param(request, "hl", kMaxParamLength);

  std::optional<CitedFact> fact;
  if (!fact_key.empty()) {
    fact = cited_fact(r, p.detail.improvement_points, fact_key);
    if (!fact) throw NotFound("Report " + std::to_string(p.id) + " has no fact called \u201c" + fact_key + "\u201d.");
  }
  std::vector<std::string> terms = fact ? fact->words : highlight_terms(hl);
  std::vector<std::string> anchor = fact ? fact->anchor : std::vector<std::string>{};
  std::vector<std::string> phrases = terms;
  phrases.insert(phrases.end(), anchor.begin(), anchor.end());

  auto pdf = report_pdf(ctx.db, p.id);
  if (!pdf) throw NotFound("There is no stored PDF for report " + std::to_string(p.id) + ".");
  auto located = renderer().locate(*pdf, p.page, phrases);
  if (!located) {
    WebResponse e = html_response(render_error_page(500, "Page " + std::to_string(p.page) + " of report " + std::to_string(p.id) +
                                                             " cannot be read from its PDF: " + located.error()),
                                  500);
    e.cacheable = false;
    return e;
  }
  const PageGeometry& g = located->geometry;

  // What to highlight: a fact's first form of words found on the page (near
  // its anchor); a search's every term.
  std::vector<std::vector<PixelBox>> hits;
  std::vector<std::string> shown;  // the words highlighted, for the text below
  if (fact) {
    const PhraseBoxes* anchor_found = nullptr;
    for (size_t i = terms.size(); i < located->phrases.size(); ++i)
      if (!located->phrases[i].hits.empty()) {
        anchor_found = &located->phrases[i];
        break;
      }
    for (size_t i = 0; i < terms.size(); ++i)
      if (!located->phrases[i].hits.empty()) {
        hits = choose_hits(located->phrases[i], anchor_found);
        shown.push_back(terms[i]);
        break;
      }
  } else {
    for (size_t i = 0; i < terms.size(); ++i)
      if (!located->phrases[i].hits.empty()) {
        hits.insert(hits.end(), located->phrases[i].hits.begin(), located->phrases[i].hits.end());
        shown.push_back(terms[i]);
      }
  }

  std::string title = fmt::format("Page {} of {}", p.page, r.authority_name.empty() ? r.source_file : r.authority_name);
  std::string out = "<p class=\"crumbs\"><a href=\"/\">National register</a> \u203a ";
  if (!r.authority_slug.empty()) {
    out += "<a href=\"/authority/";
    append_escaped(out, r.authority_slug);
    out += "\">";
    append_escaped(out, r.authority_name);
    out += "</a> \u203a ";
  }
  out += fmt::format("<a href=\"/report/{}\">", p.id);
  append_escaped(out, inspection_title(r));
  out += "</a></p><h1>";
  append_escaped(out, title);
  out += ": ";
  append_escaped(out, inspection_title(r));
  out += "</h1>";

  // What the highlight shows, in words (the picture is not the only way to know).
  std::string what;
  if (fact) {
    what = fact->description;
  } else if (!shown.empty()) {
    what = "Highlighted words: ";
    for (size_t i = 0; i < shown.size(); ++i) what += (i ? ", \u201c" : "\u201c") + shown[i] + "\u201d";
  }
  out += "<p class=\"lede\" id=\"highlight-note\">";
  if (fact && !hits.empty()) {
    out += "Highlighted on the page: ";
    append_escaped(out, what);
    if (what.find(shown.front()) == std::string::npos) out += fmt::format(" (<q>{}</q>)", html_escape(shown.front()));
    out += ".";
  } else if (fact && terms.empty()) {
    append_escaped(out, what);
    out += ". It was not read from the report, so nothing is highlighted: this is the page where it should be.";
  } else if (fact) {
    append_escaped(out, what);
    out += ". Its words were not found where they stand on the page image (they may be printed differently), "
           "so nothing is highlighted; the text of the page is below.";
  } else if (!hits.empty()) {
    append_escaped(out, what);
    out += fmt::format(" ({} place{} on the page).", hits.size(), hits.size() == 1 ? "" : "s");
  } else if (!terms.empty()) {
    out += "None of the words to highlight was found on the page image; the text of the page is below.";
  } else {
    out += "The page as printed; its text is below.";
  }
  out += "</p>";

  out += "<nav class=\"page-nav\" aria-label=\"Pages of this report\"><ul>";
  if (p.page > 1) out += fmt::format("<li><a rel=\"prev\" href=\"{}\">Previous page ({})</a></li>", page_image_url(p.id, p.page - 1), p.page - 1);
  if (p.page < g.page_count)
    out += fmt::format("<li><a rel=\"next\" href=\"{}\">Next page ({})</a></li>", page_image_url(p.id, p.page + 1), p.page + 1);
  out += fmt::format("<li><a href=\"/report/{0}/page/{1}.png\">The image at full size</a></li>"
                     "<li><a href=\"/report/{0}#page-{1}\">This page's text on the report page</a></li>"
                     "<li><a href=\"/report/{0}/pdf#page={1}\">Open the PDF at this page</a></li></ul></nav>",
                     p.id, p.page);

  std::string alt = fmt::format("Page {} of {} of the report, as printed", p.page, g.page_count);
  if (!hits.empty()) alt += ", with " + (fact ? what : std::string("the words named above")) + " highlighted";
  alt += ". The text of the page follows the image.";
  out += "<figure class=\"page-image\"><div class=\"page-frame\">";
  out += fmt::format("<img id=\"page-image\" src=\"/report/{}/page/{}.png\" width=\"{}\" height=\"{}\" alt=\"", p.id, p.page,
                     g.width, g.height);
  append_escaped(out, alt);
  out += "\">";
  // The highlight is an SVG over the unmodified image, in the image's own
  // pixels (viewBox), so it scales with it; one cached image serves every
  // fact on the page. Hidden from assistive technology: the note above and
  // the marked text below say the same in words.
  out += fmt::format("<svg class=\"page-highlights\" viewBox=\"0 0 {} {}\" preserveAspectRatio=\"none\" aria-hidden=\"true\" "
                     "focusable=\"false\">",
                     g.width, g.height);
  bool first = true;
  for (size_t n = 0; n < hits.size(); ++n)
    for (const PixelBox& b : hits[n]) {
      int x0 = std::max(0, b.x0 - kHighlightMargin), y0 = std::max(0, b.y0 - kHighlightMargin);
      int x1 = std::min(g.width, b.x1 + kHighlightMargin), y1 = std::min(g.height, b.y1 + kHighlightMargin);
      // data-hit: which occurrence the box belongs to (a phrase broken over
      // two lines is one occurrence in two boxes).
      out += fmt::format("<rect class=\"highlight\"{} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" data-box=\"{},{},{},{}\" "
                         "data-hit=\"{}\"></rect>",
                         first ? " id=\"highlight\"" : "", x0, y0, x1 - x0, y1 - y0, b.x0, b.y0, b.x1, b.y1, n + 1);
      first = false;
    }
  out += "</svg></div><figcaption>";
  append_escaped(out, fmt::format("Page {} of {}, drawn from the stored PDF.", p.page, g.page_count));
  out += "</figcaption></figure>";

  bool has_text = false;
  std::string text = stored_page_text(ctx, p.id, p.page, &has_text);
  out += fmt::format("<section class=\"page-text\" aria-labelledby=\"text-h\"><h2 id=\"text-h\">Text of page {}</h2>", p.page);
  if (!has_text) out += "<p class=\"note\">No text was extracted from this page.</p>";
  else out += "<pre id=\"page-text\">" + marked_text_html(text, shown) + "</pre>";
  out += "</section>";
  return html_response(render_page({title + " \u2014 " + inspection_title(r), "", {}}, out));
}

}  // namespace cscwatch
