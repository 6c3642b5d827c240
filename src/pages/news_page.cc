#include "pages/news_page.h"

#include <fmt/format.h>

#include <algorithm>

#include "news/article_analysis.h"
#include "api/api_json.h"
#include "pages/grade_badge.h"
#include "http/html_escape.h"
#include "http/request_params.h"
#include "http/url_codec.h"
#include "pages/page_layout.h"
#include "domain/account.h"


namespace cscwatch {

namespace {

// What a reader gives beside the text (form fields, or the API's query):
// the headline, the address and the date, each optional and bounded.
struct ArticleAbout {
  std::string title, url, date;
};

constexpr size_t kMaxAboutBytes = 2048;

// Longer than its limit, or given twice: a 400 (http/request_params.h).
ArticleAbout about_of(const WebRequest& request) {
  return {param(request, "title", kMaxAboutBytes), param(request, "url", kMaxAboutBytes), param(request, "date")};
}

Result<news::ArticleAnalysis> analyse(const PageContext& ctx, std::string_view article, const ArticleAbout& about) {
  if (article.size() > news::kMaxArticleBytes)
    return Error{"The article is too long (at most " + std::to_string(news::kMaxArticleBytes / 1024) + " KiB)."};
  news::ArticleInput input;
  input.text = std::string(article);
  input.title = about.title;
  input.url = about.url;
  if (!about.date.empty())
    if (auto error = news::set_article_date(input, about.date)) return Error{"Date \u201c" + about.date + "\u201d: " + error->message + "."};
  return news::analyse_article(ctx.db, input);
}

// Verdicts become a CSS class from a fixed alphabet.
std::string verdict_class(news::QuoteVerdict v) {
  std::string out(news::to_string(v));
  for (char& c : out)
    if (c == '_') c = '-';
  return out;
}

// maxlength counts characters, the limit bytes: the server still checks.
const std::string kFormStart = fmt::format(
    "<form method=\"post\" action=\"/news\" class=\"news\" id=\"news-form\">"
    "<label for=\"article\">Paste the text of a news article about an inspection</label>"
    "<textarea id=\"article\" name=\"article\" rows=\"14\" maxlength=\"{}\" required>",
    news::kMaxArticleBytes);
// The optional fields after the text, holding what was sent (escaped).
std::string form_end(const ArticleAbout& about) {
  auto field = [](const char* name, const char* label, const char* hint, const std::string& value) {
    return fmt::format("<p><label for=\"{0}\">{1}</label> <input id=\"{0}\" name=\"{0}\" type=\"text\" "
                       "maxlength=\"{2}\" value=\"{3}\" aria-describedby=\"{0}-hint\"> "
                       "<span class=\"hint\" id=\"{0}-hint\">{4}</span></p>",
                       name, label, kMaxAboutBytes, html_escape(value), hint);
  };
  return "</textarea><fieldset><legend>About the article (optional)</legend>" +
         field("title", "Headline", "when the text does not start with it", about.title) +
         field("url", "Address", "an authority named in it counts as named", about.url) +
         field("date", "Date",
               "a day (2014-06-05, 5 June 2014), a month (2014-06, June 2014), a year, or as a news feed writes it "
               "(RFC 822, ISO 8601)",
               about.date) +
         "</fieldset><button type=\"submit\">Check against the reports</button></form>";
}

}  // namespace

namespace {

// The record form a proposed fact fills in, when it maps to one: the path
// after /authority/<slug>/improvement/ and the intervention kind.
std::optional<std::pair<std::string, std::string>> record_for(news::InterventionKind kind) {
  using K = news::InterventionKind;
  switch (kind) {
    case K::Commissioner: return std::pair<std::string, std::string>{"intervention/new", "commissioner"};
    case K::ImprovementNotice: return std::pair<std::string, std::string>{"intervention/new", "improvement_notice"};
    case K::Direction: return std::pair<std::string, std::string>{"intervention/new", "statutory_direction"};
    case K::Adviser: return std::pair<std::string, std::string>{"intervention/new", "improvement_adviser"};
    case K::Trust: return std::pair<std::string, std::string>{"intervention/new", "alternative_delivery"};
    case K::ImprovementBoard: return std::pair<std::string, std::string>{"board/new", ""};
    default: return std::nullopt;
  }
}

// "Accept into the record": the new-record form, prefilled from the fact;
// the editor checks it and saves (or leaves it: rejected, nothing is written).
std::string accept_link(const news::ProposedFact& f, const std::string& slug) {
  auto target = record_for(f.kind);
  if (!target) return {};
  std::string href = "/authority/" + url_encode(slug) + "/improvement/" + target->first + "?";
  const std::string source = "News article: \u201c" + f.sentence.substr(0, 600) + "\u201d";
  if (!target->second.empty()) {
    href += "kind=" + target->second + "&issuer=" + url_encode(f.actor.empty() ? "DfE" : f.actor.substr(0, 200));
    if (!f.person.empty()) href += "&person=" + url_encode(f.person.substr(0, 200));
    if (f.date) href += "&start=" + to_iso(*f.date);
    href += "&source=" + url_encode(source);
  } else {
    href += "name=" + url_encode("Improvement board");
    if (!f.person.empty()) href += "&chair=" + url_encode(f.person.substr(0, 200));
    if (f.date) href += "&established=" + to_iso(*f.date);
  }
  return " <a class=\"accept\" href=\"" + html_escape(href) + "\">Accept into the record</a>";
}

// A quotation's opening words: a whole phrase, within the page's limit on
// highlighted text, without double quotes.
std::string opening_phrase(const std::string& text) {
  std::string phrase;
  for (size_t i = 0, words = 0; i < text.size() && words < 12; ++words) {
    size_t end = text.find(' ', i);
    std::string word = text.substr(i, end == std::string::npos ? std::string::npos : end - i);
    if (phrase.size() + word.size() + 1 > 180) break;
    phrase += (phrase.empty() ? "" : " ") + word;
    i = end == std::string::npos ? text.size() : end + 1;
  }
  phrase.erase(std::remove(phrase.begin(), phrase.end(), '"'), phrase.end());
  return phrase;
}

void proposed_facts_list(std::string& out, const news::ArticleAnalysis& a, const WebRequest* request) {
  if (!a.proposed_facts.empty()) {
    out += "<h3>What happened next (proposed facts, not recorded until a person accepts them)</h3><ul class=\"proposed\" id=\"proposed\">";
    // An editor of the authority may accept each fact (a prefilled form to
    // check and save) or reject it (leave it: nothing is written).
    std::string editable_slug;
    if (request && request->account && a.authority && may_edit(*request->account, a.authority->urn))
      editable_slug = a.authority->slug;
    for (const auto& f : a.proposed_facts) {
      out += "<li><strong>" + html_escape(news::to_string(f.kind)) + "</strong>";
      if (!f.person.empty()) out += " \u00b7 " + html_escape(f.person);
      if (!f.date_text.empty()) out += " \u00b7 " + html_escape(f.date_text);
      out += ": <q>" + html_escape(f.sentence) + "</q>";
      if (!editable_slug.empty() && f.authority_urn == a.authority->urn) out += accept_link(f, editable_slug);
      out += "</li>";
    }
    out += "</ul>";
  }
}

}  // namespace

std::string news_analysis_html(const PageContext&, const news::ArticleAnalysis& a, const WebRequest* request) {
  std::string out = "<section class=\"analysis\" id=\"analysis\" aria-labelledby=\"an-h\"><h2 id=\"an-h\">What the article says, checked</h2><dl class=\"facts\">";
  out += "<div><dt>Authority</dt><dd>";
  if (a.authority) {
    out += "<a href=\"/authority/" + html_escape(a.authority->slug) + "\">" + html_escape(a.authority->name) + "</a>";
  } else {
    out += "<span class=\"none\">not identified</span>";
  }
  out += "</dd></div>";
  out += "<div><dt>Event</dt><dd>" + html_escape(news::to_string(a.reading.event_kind)) + "</dd></div>";
  out += "<div><dt>Grade reported</dt><dd>" +
         (a.reading.grade ? grade_badge(to_string(*a.reading.grade)) : std::string("<span class=\"none\">none</span>")) +
         "</dd></div>";
  out += "</dl>";

  int64_t document_id = 0;
  out += "<h3>Linked report</h3>";
  if (const auto& linked = a.link.linked) {
    document_id = linked->row.document_id;
    out += fmt::format("<p class=\"linked\" id=\"linked\"><a href=\"/report/{}\">", document_id);
    append_escaped(out, linked->row.source_file);
    out += fmt::format("</a> \u00b7 confidence {:.2f} ({})</p>", linked->confidence, news::confidence_label(linked->confidence));
    out += "<ul class=\"reasons\">";
    for (const auto& e : linked->evidence)
      out += fmt::format("<li><span class=\"weight\">{:+.2f}</span> ", e.weight) + html_escape(news::to_string(e.kind)) +
             ": " + html_escape(e.detail) + "</li>";
    out += "</ul>";
  } else {
    out += "<p class=\"none\" id=\"linked\">No report in the register matches this article: ";
    append_escaped(out, a.link.no_link_reason);
    out += "</p>";
  }

  proposed_facts_list(out, a, request);

  out += "<h3>Quotations</h3>";
  if (!a.quotes.empty()) {
    out += "<ol class=\"quotes\" id=\"quotes\">";
    for (const auto& q : a.quotes) {
      out += "<li class=\"quote verdict-" + verdict_class(q.verdict) + "\"><blockquote><mark>" + html_escape(q.quote.text) +
             "</mark></blockquote><p>";
      if (!q.quote.attributed_to.empty()) out += "Attributed to " + html_escape(q.quote.attributed_to) + ". ";
      out += "<strong class=\"verdict\">" + html_escape(news::to_string(q.verdict)) + "</strong>";
      if (q.page > 0 && document_id) {
        // The quotation's opening words (a whole phrase, within the page's
        // limit on highlighted text) highlighted on the page as printed.
        std::string phrase = opening_phrase(q.quote.text);
        out += fmt::format(" \u00b7 <a href=\"/report/{0}#page-{1}\">report page {1}</a> "
                           "(<a href=\"/report/{0}/page/{1}?hl={2}#highlight\">as printed</a>, "
                           "<a href=\"/report/{0}/pdf#page={1}\">PDF</a>)",
                           document_id, q.page, html_escape(url_encode("\"" + phrase + "\"")));
      }
      out += "</p></li>";
    }
    out += "</ol>";
  } else {
    out += "<p class=\"none\">No quotations found in the article.</p>";
  }
  out += "<details><summary>Full analysis (JSON)</summary><pre>" + html_escape(json_body(news::to_json(a))) +
         "</pre></details></section>";
  return out;
}

WebResponse news_form_page(const PageContext&, const WebRequest&) {
  std::string out = "<h1>Check a news article</h1><p class=\"lede\">Paste an article about an inspection outcome. "
                    "cscwatch finds the report it is about and checks each quotation against the report's text.</p>";
  out += kFormStart + form_end({});
  return html_response(render_page({"Check a news article", "news", {}}, out));
}

WebResponse news_post_page(const PageContext& ctx, const WebRequest& request) {
  auto it = request.params.find("article");
  std::string article = it == request.params.end() ? std::string() : it->second;
  std::string out = "<h1>Check a news article</h1>";
  ArticleAbout about = about_of(request);
  auto result = analyse(ctx, article, about);
  int status = 200;
  if (!result) {
    out += "<div class=\"error\" role=\"alert\"><p>" + html_escape(result.error()) + "</p></div>";
    status = 400;
  } else {
    out += news_analysis_html(ctx, *result, &request);
  }
  out += kFormStart + html_escape(article) + form_end(about);
  auto r = html_response(render_page({"Check a news article", "news", {}}, out), status);
  r.cacheable = false;
  return r;
}

WebResponse news_api(const PageContext& ctx, const WebRequest& request) {
  auto result = analyse(ctx, request.body, about_of(request));
  auto r = result ? json_response(json_body(news::to_json(*result))) : json_response(json_body({{"error", result.error()}, {"status", 400}}), 400);
  r.cacheable = false;
  return r;
}

}  // namespace cscwatch
