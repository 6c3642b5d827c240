#include "web/authority_peers_section.h"

#include <fmt/format.h>

#include "analysis/peer_comparison.h"
#include "web/grade_badge.h"
#include "http/html_escape.h"

namespace cscwatch {

std::string authority_peers_section(const PageContext& ctx, const std::string& slug) {
  auto c = peer_comparison(ctx.db, slug, ctx.today);
  if (!c) return {};
  static const char* kGrades[] = {"outstanding", "good", "requires_improvement", "inadequate", "none"};
  std::string out = "<section aria-labelledby=\"peers-h\" id=\"peers\"><h2 id=\"peers-h\">Beside its neighbours and region</h2>"
                    "<p>Current grades (each authority's latest inspection) of this authority, its statistical "
                    "neighbours, its region and England; see also <a href=\"/national\">the national picture</a>.</p>"
                    "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"peers-h\" tabindex=\"0\"><table "
                    "class=\"stats\" id=\"peers-table\"><thead><tr><th scope=\"col\">Group</th><th scope=\"col\">"
                    "Authorities</th>";
  for (const char* g : kGrades)
    out += std::string("<th scope=\"col\">") + (std::string_view(g) == "none" ? std::string("Not yet graded") : grade_badge(g)) + "</th>";
  out += "<th scope=\"col\">Ever inadequate</th></tr></thead><tbody>";
  for (const PeerGroup* g : {&c->self, &c->neighbours, &c->region, &c->england}) {
    out += "<tr><th scope=\"row\">";
    append_escaped(out, g->label);
    out += fmt::format("</th><td>{}</td>", g->authorities);
    for (const char* grade : kGrades) {
      auto it = g->current.find(grade);
      out += fmt::format("<td>{}</td>", it == g->current.end() ? 0 : it->second);
    }
    out += fmt::format("<td>{}</td></tr>", g->ever_inadequate);
  }
  out += "</tbody></table></div></section>";
  return out;
}

}  // namespace cscwatch
