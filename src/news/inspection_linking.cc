#include "news/inspection_linking.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace cscwatch::news {

namespace {

// "an inspection", "a monitoring_visit": the indefinite article for a kind name.
std::string with_article(const std::string& kind) {
  bool vowel = !kind.empty() && std::string_view("aeiou").find(kind[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + kind;
}


using namespace std::chrono;

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

bool overlaps(const Date& a0, const Date& a1, const Date& b0, const Date& b1) {
  return sys_days{a0} <= sys_days{b1} && sys_days{b0} <= sys_days{a1};
}

// Months (year*12+month) spanned by an inspection's fieldwork.
bool month_in_fieldwork(unsigned month, const Date& s, const Date& e) {
  int a = static_cast<int>(s.year()) * 12 + static_cast<int>(static_cast<unsigned>(s.month())) - 1;
  int b = static_cast<int>(e.year()) * 12 + static_cast<int>(static_cast<unsigned>(e.month())) - 1;
  for (int k = a; k <= b; ++k)
    if (static_cast<unsigned>(k % 12 + 1) == month) return true;
  return false;
}

std::string grade_name(Grade g) { return std::string(to_string(g)); }

}  // namespace

std::string event_kind_of(const InspectionRow& row) {
  if (row.kind == "monitoring_visit") return "monitoring_visit";
  if (row.kind == "focused_visit") return "focused_visit";
  if (row.kind == "joint_targeted_inspection") return "joint_targeted_inspection";
  return "inspection";
}

std::optional<Grade> overall_grade_of(const InspectionRow& row) {
  auto g = parse_grade(row.grade("overall"));
  if (g) return g;
  std::optional<Grade> worst;
  for (const auto& [area, cell] : row.judgements) {
    if (area == "lscb") continue;
    if (auto x = parse_grade(cell.grade); x && (!worst || rank(*x) > rank(*worst))) worst = x;
  }
  return worst;
}

LinkResult link_inspection(const Connection& db, const ArticleReading& reading) {
  LinkResult result;
  if (reading.authorities.empty()) {
    result.no_link_reason = "no authority named: the article names no English children's services authority";
    return result;
  }
  const auto& ad = reading.article_date;
  std::vector<LinkCandidate> all;
  double top_weight = reading.authorities.front().weight;
  for (size_t ai = 0; ai < reading.authorities.size() && ai < 6; ++ai) {
    const auto& am = reading.authorities[ai];
    InspectionFilter f;
    f.authority_urn = am.authority->urn;
    auto rows = query_inspections(db, f);
    for (auto& row : rows) {
      LinkCandidate c;
      c.row = std::move(row);
      const InspectionRow& r = c.row;
      double prominence = top_weight > 0 ? am.weight / top_weight : 1;
      c.score += 0.35 * prominence;
      c.reasons.push_back("authority: " + am.authority->name + " named " + std::to_string(am.mentions) +
                          (am.mentions == 1 ? " time" : " times") + (ai == 0 ? " (most prominent)" : ""));
      // Event kind.
      std::string kind = event_kind_of(r);
      if (reading.event_kind != "unknown") {
        if (kind == reading.event_kind) {
          c.score += 0.1;
          c.reasons.push_back("event: the article is about " + with_article(reading.event_kind) + ", this is " + with_article(r.kind));
        } else {
          c.score -= 0.35;
          c.contradicted = true;
          c.reasons.push_back("event differs: the article is about " + with_article(reading.event_kind) + ", this is " +
                              with_article(r.kind));
        }
      }
      // Grade.
      auto g = overall_grade_of(r);
      auto stated = grade_for_authority(reading, am.authority->urn);
      if (stated && g) {
        if (*g == *stated) {
          c.score += 0.3;
          c.has_evidence = true;
          c.reasons.push_back("grade agrees: article says " + grade_name(*stated) + ", report overall " +
                              grade_name(*g));
        } else if (rank(*g) == rank(*stated)) {
          c.score += 0.15;
          c.has_evidence = true;
          c.reasons.push_back("grade comparable: article says " + grade_name(*stated) + ", report " +
                              grade_name(*g));
        } else {
          c.score -= 0.45;
          c.contradicted = true;
          c.reasons.push_back("grade differs: article says " + grade_name(*stated) + ", report overall " +
                              grade_name(*g));
        }
      }
      // An earlier grade the article mentions must come before this inspection.
      auto start = parse_iso_date(r.inspection_start);
      auto end = parse_iso_date(r.inspection_end);
      auto published = parse_iso_date(r.published);
      if (!end) end = start;
      for (const auto& eg : reading.earlier_grades) {
        if (eg.year && start && static_cast<int>(start->year()) <= *eg.year && eg.area.empty()) {
          c.score -= 0.3;
          c.contradicted = true;
          c.reasons.push_back("the article calls a " + std::to_string(*eg.year) +
                              " inspection earlier, but this one began " + r.inspection_start);
          break;
        }
      }
      // The article's own date.
      if (ad && start) {
        int after_start = days_between(*start, *ad);
        if (after_start < 0) {
          c.score -= 1.0;
          c.contradicted = true;
          c.reasons.push_back("article dated " + to_iso(*ad) + ", before this inspection began (" + r.inspection_start + ")");
        } else if (published) {
          int lag = days_between(*published, *ad);
          if (lag >= -3 && lag <= 14) {
            c.score += 0.3;
            c.has_evidence = true;
            c.reasons.push_back("article dated " + to_iso(*ad) + (lag == 0 ? ", the day the report was published"
                                                                           : ", " + std::to_string(lag) +
                                                                                 " days from publication (" + r.published + ")"));
          } else if (lag > 14 && lag <= 120) {
            c.score += 0.1;
            c.reasons.push_back("article dated " + to_iso(*ad) + ", " + std::to_string(lag) + " days after publication");
          } else if (lag > 365) {
            c.score -= 0.15;
            c.reasons.push_back("article dated " + to_iso(*ad) + ", over a year after publication (" + r.published + ")");
          }
        }
      }
      // Dates the article states for the inspection and its publication.
      for (const auto& d : reading.dates) {
        if (!d.authority_urn.empty() && d.authority_urn != am.authority->urn) continue;  // about another authority
        if (d.refers_to == "inspection" && start && end) {
          if (d.from && d.to) {
            bool ok = overlaps(*d.from, *d.to, *start, *end);
            c.score += ok ? 0.3 : -0.3;
            if (ok) c.has_evidence = true;
            else c.contradicted = true;
            c.reasons.push_back(std::string(ok ? "dates agree" : "dates differ") + ": '" + d.text + "' (" + to_iso(*d.from) +
                                " to " + to_iso(*d.to) + ") vs fieldwork " + r.inspection_start + " to " +
                                r.inspection_end);
          } else if (!d.months.empty()) {
            bool ok = std::all_of(d.months.begin(), d.months.end(),
                                  [&](unsigned mo) { return month_in_fieldwork(mo, *start, *end); });
            c.score += ok ? 0.15 : -0.2;
            if (ok) c.has_evidence = true;
            c.reasons.push_back(std::string(ok ? "months agree" : "months differ") + ": '" + d.text +
                                "' vs fieldwork " + r.inspection_start + " to " + r.inspection_end);
          }
        } else if (d.refers_to == "publication" && d.from && published) {
          int diff = std::abs(days_between(*d.from, *published));
          bool ok = diff <= 7;
          c.score += ok ? 0.2 : -0.2;
          if (ok) c.has_evidence = true;
          c.reasons.push_back(std::string(ok ? "publication agrees" : "publication differs") + ": '" + d.text + "' (" +
                              to_iso(*d.from) + ") vs published " + r.published);
        } else if (d.refers_to == "earlier_inspection" && d.year && start &&
                   static_cast<int>(start->year()) <= *d.year && d.precision == "year") {
          c.score -= 0.2;
          c.reasons.push_back("the article names '" + d.text + "' as an earlier inspection");
        }
      }
      all.push_back(std::move(c));
    }
  }
  if (all.empty()) {
    std::string names;
    for (size_t i = 0; i < reading.authorities.size() && i < 3; ++i)
      names += (i ? ", " : "") + reading.authorities[i].authority->name;
    result.no_link_reason = "no matching inspection: the register holds no inspections of " + names;
    return result;
  }
  // Among otherwise equal candidates, the latest one published by the article's date is the news.
  if (ad) {
    for (size_t ai = 0; ai < reading.authorities.size(); ++ai) {
      LinkCandidate* latest = nullptr;
      for (auto& c : all) {
        if (c.row.authority_urn != reading.authorities[ai].authority->urn || c.contradicted) continue;
        auto pub = parse_iso_date(c.row.published);
        if (!pub || days_between(*pub, *ad) < -3) continue;
        if (!latest || c.row.published > latest->row.published) latest = &c;
      }
      if (latest) {
        latest->score += 0.1;
        latest->reasons.push_back("latest " + event_kind_of(latest->row) + " published by the article's date");
      }
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const LinkCandidate& a, const LinkCandidate& b) { return a.score > b.score; });
  for (auto& c : all) c.score = std::clamp(c.score, 0.0, 1.0);
  const LinkCandidate& best = all.front();
  bool linked = best.has_evidence && !best.contradicted && best.score >= 0.5;
  if (linked && all.size() > 1) {
    const LinkCandidate& second = all[1];
    if (second.row.authority_urn == best.row.authority_urn && best.score - second.score < 0.1 && second.has_evidence) {
      linked = false;
      result.no_link_reason = "ambiguous: " + best.row.source_file + " and " + second.row.source_file +
                              " fit equally well (" + fixed2(best.score) + " vs " + fixed2(second.score) + ")";
    }
  }
  if (linked) {
    result.linked = best;
    // Other authorities the article names, each with its own confident link.
    for (size_t k = 1; k < all.size(); ++k) {
      const auto& c = all[k];
      if (c.row.authority_urn == best.row.authority_urn || !c.has_evidence || c.contradicted || c.score < 0.5) continue;
      bool seen = false;
      for (const auto& o : result.other_links) seen = seen || o.row.authority_urn == c.row.authority_urn;
      if (!seen) result.other_links.push_back(c);
    }
  } else if (result.no_link_reason.empty()) {
    std::string why;
    if (best.contradicted) {
      for (const auto& r : best.reasons)
        if (r.find("differ") != std::string::npos || r.find("before this") != std::string::npos ||
            r.find("earlier") != std::string::npos) {
          why = r;
          break;
        }
      result.no_link_reason = "no matching inspection: the closest (" + best.row.source_file + ") does not fit — " + why;
    } else if (!best.has_evidence) {
      result.no_link_reason = "no matching inspection: only the authority matches; nothing the article states (grade, "
                              "dates) picks out one of " + std::to_string(all.size()) + " inspections";
    } else {
      result.no_link_reason = "no matching inspection: the best candidate scores only " + fixed2(best.score);
    }
  }
  for (size_t k = 0; k < all.size() && k < 5; ++k) result.candidates.push_back(all[k]);
  return result;
}

}  // namespace cscwatch::news
