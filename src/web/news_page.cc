#include "web/news_page.h"

#include <fmt/format.h>

#include "news/article_analysis.h"
#include "web/api_json.h"
#include "web/grade_badge.h"
#include "web/html_escape.h"
#include "web/page_layout.h"


namespace cscwatch {

namespace {

Result<nlohmann::json> analyse(const PageContext& ctx, std::string_view article) {
  if (article.size() > news::kMaxArticleBytes)
    return Error{"The article is too long (at most " + std::to_string(news::kMaxArticleBytes / 1024) + " KiB)."};
  try {
    return analyse_article(ctx.db, article);
  } catch (const nlohmann::json::exception& e) {
    return Error{std::string("The article could not be analysed: ") + e.what()};
  }
}

std::string str(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Verdicts become a CSS class from a fixed alphabet, whatever the analyser says.
std::string verdict_class(const std::string& v) {
  std::string out;
  for (char c : v) out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '-';
  return out.substr(0, 40);
}

// maxlength counts characters, the limit bytes: the server still checks.
const std::string kFormStart = fmt::format(
    "<form method=\"post\" action=\"/news\" class=\"news\" id=\"news-form\">"
    "<label for=\"article\">Paste the text of a news article about an inspection</label>"
    "<textarea id=\"article\" name=\"article\" rows=\"14\" maxlength=\"{}\" required>",
    news::kMaxArticleBytes);
const char* kFormEnd = "</textarea><button type=\"submit\">Check against the reports</button></form>";

}  // namespace

std::string news_analysis_html(const PageContext& ctx, const nlohmann::json& a) {
  std::string out = "<section class=\"analysis\" id=\"analysis\" aria-labelledby=\"an-h\"><h2 id=\"an-h\">What the article says, checked</h2><dl class=\"facts\">";
  const nlohmann::json authority = a.is_object() && a.contains("authority") ? a["authority"] : nlohmann::json();
  std::string urn = str(authority, "urn");
  out += "<div><dt>Authority</dt><dd>";
  if (!urn.empty()) {
    auto q = ctx.db.prepare("SELECT slug, name FROM authorities WHERE urn = ?");
    q.bind(1, urn);
    if (q.step()) {
      out += "<a href=\"/authority/" + html_escape(q.text(0)) + "\">" + html_escape(q.text(1)) + "</a>";
    } else {
      append_escaped(out, str(authority, "name"));
    }
  } else {
    out += "<span class=\"none\">not identified</span>";
  }
  out += "</dd></div>";
  out += "<div><dt>Event</dt><dd>" + html_escape(str(a, "event_kind")) + "</dd></div>";
  std::string grade = str(a, "grade_reported");
  out += "<div><dt>Grade reported</dt><dd>" + (grade.empty() ? std::string("<span class=\"none\">none</span>") : grade_badge(grade)) + "</dd></div>";
  out += "</dl>";

  const nlohmann::json linked = a.is_object() && a.contains("linked") ? a["linked"] : nlohmann::json();
  std::string source = str(linked, "source_file");
  int64_t document_id = 0;
  out += "<h3>Linked report</h3>";
  if (!source.empty()) {
    auto q = ctx.db.prepare("SELECT id FROM documents WHERE file_name = ?");
    q.bind(1, source);
    if (q.step()) document_id = q.integer(0);
    out += "<p class=\"linked\" id=\"linked\">";
    if (document_id) out += fmt::format("<a href=\"/report/{}\">", document_id);
    append_escaped(out, source);
    if (document_id) out += "</a>";
    out += " \u00b7 confidence " + html_escape(str(linked, "confidence")) + "</p>";
    if (linked.contains("reasons") && linked["reasons"].is_array()) {
      out += "<ul class=\"reasons\">";
      for (const auto& r : linked["reasons"]) out += "<li>" + html_escape(r.is_string() ? r.get<std::string>() : r.dump()) + "</li>";
      out += "</ul>";
    }
  } else {
    out += "<p class=\"none\" id=\"linked\">No report in the register matches this article.</p>";
  }

  out += "<h3>Quotations</h3>";
  if (a.is_object() && a.contains("quotes") && a["quotes"].is_array() && !a["quotes"].empty()) {
    out += "<ol class=\"quotes\" id=\"quotes\">";
    for (const auto& q : a["quotes"]) {
      std::string verdict = str(q, "verdict");
      std::string page = str(q, "page");
      out += "<li class=\"quote verdict-" + verdict_class(verdict) + "\"><blockquote><mark>" + html_escape(str(q, "text")) +
             "</mark></blockquote><p>";
      std::string who = str(q, "attributed_to");
      if (!who.empty()) out += "Attributed to " + html_escape(who) + ". ";
      out += "<strong class=\"verdict\">" + html_escape(verdict.empty() ? "unchecked" : verdict) + "</strong>";
      if (!page.empty() && document_id)
        out += fmt::format(" \u00b7 <a href=\"/report/{0}#page-{1}\">report page {1}</a> "
                           "(<a href=\"/report/{0}/pdf#page={1}\">PDF</a>)",
                           document_id, html_escape(page));
      out += "</p></li>";
    }
    out += "</ol>";
  } else {
    out += "<p class=\"none\">No quotations found in the article.</p>";
  }
  out += "<details><summary>Full analysis (JSON)</summary><pre>" + html_escape(json_body(a)) + "</pre></details></section>";
  return out;
}

WebResponse news_form_page(const PageContext&, const WebRequest&) {
  std::string out = "<h1>Check a news article</h1><p class=\"lede\">Paste an article about an inspection outcome. "
                    "cscwatch finds the report it is about and checks each quotation against the report's text.</p>";
  out += std::string(kFormStart) + kFormEnd;
  return html_response(render_page({"Check a news article", "news", {}}, out));
}

WebResponse news_post_page(const PageContext& ctx, const WebRequest& request) {
  auto it = request.params.find("article");
  std::string article = it == request.params.end() ? std::string() : it->second;
  std::string out = "<h1>Check a news article</h1>";
  auto result = analyse(ctx, article);
  int status = 200;
  if (!result) {
    out += "<div class=\"error\" role=\"alert\"><p>" + html_escape(result.error()) + "</p></div>";
    status = 400;
  } else {
    out += news_analysis_html(ctx, *result);
  }
  out += std::string(kFormStart) + html_escape(article) + kFormEnd;
  auto r = html_response(render_page({"Check a news article", "news", {}}, out), status);
  r.cacheable = false;
  return r;
}

WebResponse news_api(const PageContext& ctx, const WebRequest& request) {
  auto result = analyse(ctx, request.body);
  auto r = result ? json_response(json_body(*result)) : json_response(json_body({{"error", result.error()}, {"status", 400}}), 400);
  r.cacheable = false;
  return r;
}

}  // namespace cscwatch
