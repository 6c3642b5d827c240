#include "store/change_log.h"

#include <map>
#include <set>

#include "domain/date.h"
#include "domain/grade.h"
#include "store/inspection_rows.h"

namespace cscwatch {

namespace {

// A change not yet in the log.
struct NewChange {
  std::string key, kind, authority_urn, occurred, summary, link;
};

bool is_letter(const std::string& kind) { return kind == "monitoring_visit" || kind == "focused_visit"; }

std::string kind_of_document(const std::string& kind) {
  if (kind == "sif_report") return "SIF inspection report";
  if (kind == "ilacs_report") return "ILACS inspection report";
  if (kind == "looked_after_children_report") return "looked after children inspection report";
  if (kind == "monitoring_visit") return "monitoring visit letter";
  if (kind == "focused_visit") return "focused visit letter";
  if (kind == "joint_targeted_inspection") return "joint targeted area inspection letter";
  if (kind == "lscb_review") return "review of the Local Safeguarding Children Board";
  return "inspection document";
}

std::string grade_label(const std::string& machine) {
  auto g = parse_grade(machine);
  return g ? std::string(label(*g)) : machine;
}

// "5 April 2016" from "2016-04-05", "April 2022" from "2022-04" (records
// state months or years when that is all that is known); the text itself
// otherwise.
std::string long_date(const std::string& iso) {
  if (auto d = parse_iso_date(iso)) return to_long_form(*d);
  if (iso.size() == 7 && iso[4] == '-') {
    if (auto d = parse_iso_date(iso + "-01")) return std::string(month_name(static_cast<unsigned>(d->month()))) + " " + iso.substr(0, 4);
  }
  return iso;
}

// A stated date ("2021-03-04", "2021-03" or "2021") as a day, for ordering:
// the first day of the month or year stated.
std::string as_day(const std::string& stated) {
  if (stated.size() == 4) return stated + "-01-01";
  if (stated.size() == 7) return stated + "-01";
  return stated.substr(0, 10);
}

// The date a document's change happened: its publication, else the end of
// the visit, else the day it was read.
std::string document_date(const InspectionRow& r, const std::string& today) {
  if (!r.published.empty()) return r.published;
  if (!r.inspection_end.empty()) return r.inspection_end;
  return today;
}

// Documents, their overall grades and their review items.
void document_changes(const Connection& db, const std::string& today, std::vector<NewChange>& out) {
  auto rows = query_inspections(db);  // by authority, then start date
  std::map<std::string, std::pair<std::string, std::string>> last_grade;  // urn -> (grade, start)
  for (const auto& r : rows) {
    std::string link = "/report/" + std::to_string(r.document_id);
    std::string date = document_date(r, today);
    std::string what = kind_of_document(r.kind);
    std::string overall = r.grade("overall");
    std::string summary = r.authority_name + ": " + what + " published " + long_date(date);
    if (!overall.empty()) summary += "; overall effectiveness " + grade_label(overall);
    out.push_back({"document:" + r.sha256, is_letter(r.kind) ? kChangeNewLetter : kChangeNewReport, r.authority_urn,
                   date, summary, link});
    if (!overall.empty()) {
      auto prev = last_grade.find(r.authority_urn);
      std::string was = prev == last_grade.end()  ? "the first graded inspection in the register"
                        : prev->second.first == overall
                            ? "unchanged from the inspection of " + long_date(prev->second.second)
                            : "was " + grade_label(prev->second.first) + " at the inspection of " +
                                  long_date(prev->second.second);
      bool changed = prev != last_grade.end() && prev->second.first != overall;
      out.push_back({"grade:" + r.sha256, changed ? kChangeGradeChange : kChangeGrade, r.authority_urn, date,
                     r.authority_name + ": overall effectiveness " + grade_label(overall) + " (" + was + ")",
                     link});
      last_grade[r.authority_urn] = {overall, r.inspection_start};
    }
    for (const auto& item : r.review)
      out.push_back({"review:" + r.sha256 + ":" + item.field, kChangeReviewItem, r.authority_urn, date,
                     r.authority_name + ": " + item.field + " to review in the " + what + " of " + long_date(date) +
                         ": " + item.reason,
                     link});
  }
}

// Interventions, improvement boards and visits without a letter (a letter's
// visit is already a change of its document).
void improvement_changes(const Connection& db, std::vector<NewChange>& out) {
  auto add = [&](const char* sql, const char* kind, auto summarise) {
    auto q = db.prepare(sql);
    while (q.step()) {
      std::string id = q.text(0), urn = q.text(1), name = q.text(2), slug = q.text(3);
      std::string stated = q.text(4), created = q.text(5);
      out.push_back({std::string(kind) + ":" + id, kind, urn, as_day(stated.empty() ? created : stated),
                     summarise(name, q), "/authority/" + slug + "#improvement"});
    }
  };
  add("SELECT i.id, i.authority_urn, a.name, a.slug, COALESCE(i.start, ''), i.created_at, i.kind, i.issuer "
      "FROM interventions i JOIN authorities a ON a.urn = i.authority_urn",
      kChangeIntervention, [](const std::string& name, const Statement& q) {
        std::string kind = q.text(6);
        for (auto& c : kind)
          if (c == '_') c = ' ';
        std::string since = q.text(4).empty() ? "" : " from " + long_date(q.text(4));
        return name + ": " + kind + " by " + q.text(7) + " recorded" + since;
      });
  add("SELECT b.id, b.authority_urn, a.name, a.slug, COALESCE(b.established, ''), b.created_at, b.name, b.chair "
      "FROM improvement_boards b JOIN authorities a ON a.urn = b.authority_urn",
      kChangeBoard, [](const std::string& name, const Statement& q) {
        return name + ": improvement board \"" + q.text(6) + "\" recorded, chaired by " + q.text(7);
      });
  add("SELECT v.id, v.authority_urn, a.name, a.slug, COALESCE(v.start, ''), v.created_at, v.kind "
      "FROM visits v JOIN authorities a ON a.urn = v.authority_urn WHERE v.letter_document_id IS NULL",
      kChangeVisit, [](const std::string& name, const Statement& q) {
        std::string on = q.text(4).empty() ? "" : " on " + long_date(q.text(4));
        return name + ": " + q.text(6) + " visit recorded" + on;
      });
}

}  // namespace

int record_changes(Connection& db, const std::vector<ChangeEntry>& derived) {
  Transaction tx(db);
  std::string today = to_iso(cscwatch::today());
  std::set<std::string> known;
  {
    auto q = db.prepare("SELECT change_key FROM change_log");
    while (q.step()) known.insert(q.text(0));
  }
  std::vector<NewChange> changes;
  document_changes(db, today, changes);
  improvement_changes(db, changes);
  for (const auto& d : derived) changes.push_back({d.key, d.kind, d.authority_urn, d.occurred, d.summary, d.link});
  auto insert = db.prepare(
      "INSERT OR IGNORE INTO change_log(change_key, kind, authority_urn, occurred, recorded_at, summary, link) "
      "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?)");
  int added = 0;
  for (const auto& c : changes) {
    if (!known.insert(c.key).second) continue;
    insert.reset();
    insert.bind(1, c.key).bind(2, c.kind).bind(3, c.authority_urn).bind(4, c.occurred).bind(5, c.summary)
        .bind(6, c.link).run();
    added += db.changes();
  }
  tx.commit();
  return added;
}

std::vector<ChangeEntry> query_changes(const Connection& db, const ChangeFilter& f) {
  std::string sql =
      "SELECT c.id, c.change_key, c.kind, c.authority_urn, COALESCE(a.name, c.authority_urn), COALESCE(a.slug, ''), "
      "COALESCE(a.region_name, ''), c.occurred, c.recorded_at, c.summary, c.link "
      "FROM change_log c LEFT JOIN authorities a ON a.urn = c.authority_urn WHERE 1";
  if (f.authority_urn) sql += " AND c.authority_urn = ?1";
  if (f.region_name) sql += " AND a.region_name = ?2";
  if (f.since) sql += " AND c.occurred >= ?3";
  if (!f.kinds.empty()) {
    sql += " AND c.kind IN (";
    for (size_t i = 0; i < f.kinds.size(); ++i) sql += (i ? ", ?" : "?") + std::to_string(10 + i);
    sql += ")";
  }
  sql += " ORDER BY c.occurred DESC, c.id DESC LIMIT ?4";
  auto q = db.prepare(sql);
  if (f.authority_urn) q.bind(1, *f.authority_urn);
  if (f.region_name) q.bind(2, *f.region_name);
  if (f.since) q.bind(3, *f.since);
  q.bind(4, f.limit);
  for (size_t i = 0; i < f.kinds.size(); ++i) q.bind(static_cast<int>(10 + i), f.kinds[i]);
  std::vector<ChangeEntry> out;
  while (q.step()) {
    ChangeEntry e;
    e.id = q.integer(0);
    e.key = q.text(1);
    e.kind = q.text(2);
    e.authority_urn = q.text(3);
    e.authority_name = q.text(4);
    e.authority_slug = q.text(5);
    e.region_name = q.text(6);
    e.occurred = q.text(7);
    e.recorded_at = q.text(8);
    e.summary = q.text(9);
    e.link = q.text(10);
    out.push_back(std::move(e));
  }
  return out;
}

const std::vector<std::string>& alert_kinds() {
  static const std::vector<std::string> kinds = {kChangeNewReport, kChangeNewLetter, kChangeGrade, kChangeGradeChange,
                                                 kChangeVisit,     kChangeIntervention, kChangeBoard,
                                                 kChangeForecastWindow};
  return kinds;
}

std::string change_kind_title(const std::string& kind) {
  if (kind == kChangeNewReport) return "New report";
  if (kind == kChangeNewLetter) return "New letter";
  if (kind == kChangeGrade) return "Grade";
  if (kind == kChangeGradeChange) return "Grade change";
  if (kind == kChangeVisit) return "Visit recorded";
  if (kind == kChangeIntervention) return "Intervention recorded";
  if (kind == kChangeBoard) return "Improvement board recorded";
  if (kind == kChangeReviewItem) return "To review";
  if (kind == kChangeForecastWindow) return "Inspection window open";
  return kind;
}

}  // namespace cscwatch
