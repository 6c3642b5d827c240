#include "web/phrases_page.h"

#include <fmt/format.h>

#include "analysis/phrase_contrast.h"
#include "web/api_json.h"
#include "http/html_escape.h"
#include "http/url_codec.h"
#include "web/page_layout.h"
#include "http/request_params.h"

namespace cscwatch {

namespace {

constexpr int kDefaultTop = 50;

struct PhraseQuery {
  std::string framework;
  int top = kDefaultTop;
};

PhraseQuery phrase_query(const WebRequest& request) {
  PhraseQuery q;
  q.framework = choice_param(request, "framework", {"SIF", "ILACS"});
  q.top = int_param(request, "top", kDefaultTop, 1, kPhraseContrastTop);
  return q;
}

// The search for a phrase's evidence: the exact phrase in reports of the grade.
std::string search_url(const std::string& phrase, std::string_view grade, const std::string& framework) {
  std::string url = "/search?q=" + url_encode("\"" + phrase + "\"") + "&grade=" + std::string(grade);
  if (!framework.empty()) url += "&framework=" + url_encode(framework);
  return url;
}

constexpr std::string_view kMethod =
    "Each phrase of one to three words is scored by its weighted log-odds ratio between inadequate reports and good "
    "or outstanding ones, with an informative Dirichlet prior taken from every graded report (Monroe, Colaresi and "
    "Quinn 2008); z is that ratio over its standard deviation, so a phrase used a lot and consistently more by one "
    "side scores high, and a rare one is shrunk towards zero. Reports under the April 2026 framework count at their "
    "lowest judgement; requires improvement reports inform the prior only. Phrases never cross punctuation, start or "
    "end with a common word (the, of, which) or consist only of the grades' own names. The report's own authority "
    "and lead inspector, and names in general (words printed with a capital in at least 90% of their mid-sentence "
    "uses), are left out; acronyms such as LSCB are kept. A phrase must be used in at least 5 reports. The two "
    "frameworks differ in vocabulary as well as in grades, so a phrase can mark an era as much as a grade: choose a "
    "framework to compare like with like.";

void phrase_table(std::string& out, const char* id, const char* caption, const std::vector<PhraseScore>& phrases, int top,
                  std::string_view grade, const std::string& framework) {
  out += fmt::format("<section aria-labelledby=\"{0}-h\"><h2 id=\"{0}-h\">{1}</h2>", id, caption);
  if (phrases.empty()) {
    out += "<p class=\"none\">No phrase is used distinctly more on this side in the reports chosen.</p></section>";
    return;
  }
  out += fmt::format("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{0}-h\" tabindex=\"0\"><table class=\"phrases\" "
                     "id=\"{0}\"><thead><tr><th scope=\"col\">Phrase (search its evidence)</th><th scope=\"col\">z</th>"
                     "<th scope=\"col\">Uses in inadequate reports (reports)</th>"
                     "<th scope=\"col\">Uses in good or outstanding reports (reports)</th></tr></thead><tbody>",
                     id);
  int n = 0;
  for (const PhraseScore& p : phrases) {
    if (n++ >= top) break;
    out += "<tr><th scope=\"row\"><a href=\"";
    append_escaped(out, search_url(p.phrase, grade, framework));
    out += "\">";
    append_escaped(out, p.phrase);
    out += fmt::format("</a></th><td>{:.2f}</td><td>{} ({})</td><td>{} ({})</td></tr>", p.z, p.count_inadequate,
                       p.reports_inadequate, p.count_good, p.reports_good);
  }
  out += "</tbody></table></div></section>";
}

nlohmann::json phrases_json(const std::vector<PhraseScore>& phrases, int top, std::string_view grade, const std::string& framework) {
  nlohmann::json list = nlohmann::json::array();
  int n = 0;
  for (const PhraseScore& p : phrases) {
    if (n++ >= top) break;
    list.push_back({{"phrase", p.phrase},
                    {"words", p.words},
                    {"z", p.z},
                    {"log_odds_ratio", p.delta},
                    {"uses_inadequate", p.count_inadequate},
                    {"reports_inadequate", p.reports_inadequate},
                    {"uses_good_or_outstanding", p.count_good},
                    {"reports_good_or_outstanding", p.reports_good},
                    {"search_url", search_url(p.phrase, grade, framework)}});
  }
  return list;
}

}  // namespace

WebResponse phrases_page(const PageContext& ctx, const WebRequest& request) {
  const PhraseQuery q = phrase_query(request);
  const auto c = phrase_contrast(ctx.db, q.framework);
  std::string out = "<p class=\"crumbs\"><a href=\"/\">National register</a> \u203a Recurring weaknesses</p>"
                    "<h1>Recurring weaknesses: the words of inadequate and of good reports</h1>";
  out += "<form class=\"filters\" method=\"get\" action=\"/national/phrases\"><label>Framework <select name=\"framework\">";
  append_option(out, "", "Every framework", q.framework.empty());
  append_option(out, "SIF", "SIF (2013\u201318)", q.framework == "SIF");
  append_option(out, "ILACS", "ILACS (2018 on)", q.framework == "ILACS");
  out += "</select></label><button type=\"submit\">Show</button></form>";
  out += fmt::format("<p id=\"phrase-corpus\">{} inadequate reports ({} words) against {} good or outstanding reports ({} "
                     "words); {} requires improvement reports inform the prior; {} phrases scored.</p>",
                     c->reports_inadequate, c->words_inadequate, c->reports_good, c->words_good, c->reports_other,
                     c->phrases_scored);
  out += "<details class=\"note\"><summary>How the phrases are chosen</summary><p>";
  out += kMethod;
  out += "</p></details>";
  phrase_table(out, "more-inadequate", "Used more in inadequate reports", c->inadequate_markers, q.top, "inadequate", q.framework);
  phrase_table(out, "more-good", "Used more in good or outstanding reports", c->good_markers, q.top, "good", q.framework);
  std::string api = "/api/national/phrases";
  if (!q.framework.empty()) api += "?framework=" + q.framework;
  out += "<p><a href=\"" + html_escape(api) + "\">These phrases as JSON</a></p>";
  return html_response(render_page({"Recurring weaknesses", "national", {}}, out));
}

WebResponse phrases_api(const PageContext& ctx, const WebRequest& request) {
  const PhraseQuery q = phrase_query(request);
  const auto c = phrase_contrast(ctx.db, q.framework);
  nlohmann::json j = {{"framework", q.framework.empty() ? nlohmann::json(nullptr) : nlohmann::json(q.framework)},
                      {"method", kMethod},
                      {"min_reports", kMinPhraseReports},
                      {"reports_inadequate", c->reports_inadequate},
                      {"reports_good_or_outstanding", c->reports_good},
                      {"reports_prior_only", c->reports_other},
                      {"words_inadequate", c->words_inadequate},
                      {"words_good_or_outstanding", c->words_good},
                      {"phrases_scored", c->phrases_scored},
                      {"more_in_inadequate", phrases_json(c->inadequate_markers, q.top, "inadequate", q.framework)},
                      {"more_in_good_or_outstanding", phrases_json(c->good_markers, q.top, "good", q.framework)}};
  return json_response(json_body(j));
}

}  // namespace cscwatch
