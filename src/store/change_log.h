// The change log: what became known to the register, one row per change
// (a report or letter published, a grade given, a visit, intervention or
// improvement board recorded, a fact left for review), with the date it
// happened, a one-line summary and the address of the record. The Atom feeds
// and the "what changed since" page are read from it; `cscwatch update`
// writes it. Each change has a stable key, so recording is idempotent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace cscwatch {


// The kinds of change, as stored in change_log.kind.
inline constexpr const char* kChangeNewReport = "new_report";      // an inspection report published
inline constexpr const char* kChangeNewLetter = "new_letter";      // a monitoring or focused visit letter
inline constexpr const char* kChangeGrade = "grade";               // an overall effectiveness grade, the first or unchanged
inline constexpr const char* kChangeGradeChange = "grade_change";  // an overall grade unlike the one before
inline constexpr const char* kChangeVisit = "visit";               // a visit recorded in the improvement records
inline constexpr const char* kChangeIntervention = "intervention"; // a statutory direction, commissioner, ...
inline constexpr const char* kChangeBoard = "board";               // an improvement board set up
inline constexpr const char* kChangeReviewItem = "review_item";    // a fact the reader could not settle
inline constexpr const char* kChangeForecastWindow = "forecast_window";  // the next inspection's window opened

struct ChangeEntry {
  int64_t id = 0;
  std::string key;        // stable: "document:<sha256>", "grade:<sha256>", "intervention:<id>", ...
  std::string kind;       // one of the kChange* names
  std::string authority_urn, authority_name, authority_slug, region_name;
  std::string occurred;   // YYYY-MM-DD: when it happened (publication date where there is one)
  std::string recorded_at;  // UTC, ISO 8601: when the register learnt of it
  std::string summary;    // one line, plain text (escape on output)
  std::string link;       // the record's address on the site, e.g. "/report/12"
};

// Records every change the register holds that the log does not yet have,
// in one transaction, with `derived` changes the store cannot see itself (a
// forecast window opening: update/forecast_alerts.h; their key, kind,
// authority, date, summary and link are used). Returns how many were added:
// 0 when nothing is new.
int record_changes(Connection& db, const std::vector<ChangeEntry>& derived = {});

struct ChangeFilter {
  std::optional<std::string> authority_urn;
  std::optional<std::string> region_name;
  std::optional<std::string> since;      // YYYY-MM-DD: changes that occurred on or after it
  std::vector<std::string> kinds;        // empty: every kind
  int limit = 100;
};

// Newest first (by date it occurred, then by id).
std::vector<ChangeEntry> query_changes(const Connection& db, const ChangeFilter& filter);

// The kinds an alert is about (everything but review items).
const std::vector<std::string>& alert_kinds();

// Title of a change's kind for people: "New report", "Grade", ...
std::string change_kind_title(const std::string& kind);

}  // namespace cscwatch
