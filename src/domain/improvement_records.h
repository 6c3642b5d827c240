// What a grade sets in motion (domain brief, section 3): the Department for
// Education's interventions, the council's improvement board and plan, and
// Ofsted's monitoring and focused visits. Plain records; the store keeps them
// with a version each (optimistic concurrency) and validation lives in
// improvement_validation.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"

namespace cscwatch {

// A date as sources state it: a day, a month or only a year ("Apr 2022",
// "2018"). Computations use its first day; pages show it as stated.
struct StatedDate {
  Date first_day;
  enum class Precision { Day, Month, Year } precision = Precision::Day;
};
// "2016-04-05", "2022-04" or "2018"; nullopt otherwise.
std::optional<StatedDate> parse_stated_date(std::string_view text);
std::string to_iso(const StatedDate& date);      // as stated: "2022-04"
std::string to_display(const StatedDate& date);  // "5 April 2016", "April 2022", "2018"

enum class InterventionKind {
  ImprovementNotice,    // non-statutory
  StatutoryDirection,   // s497A Education Act 1996
  Commissioner,
  ImprovementAdviser,
  AlternativeDelivery,  // a trust or company runs the services
  Other,
};
std::string_view to_string(InterventionKind kind);  // "statutory_direction"
std::string_view label(InterventionKind kind);      // "Statutory direction"
std::optional<InterventionKind> parse_intervention_kind(std::string_view text);
const std::vector<InterventionKind>& all_intervention_kinds();

struct Intervention {
  std::int64_t id = 0;
  std::string authority_urn;
  InterventionKind kind = InterventionKind::Other;
  std::string issuer;   // "DfE", "the council"
  std::string person;   // the commissioner or adviser, when named
  std::optional<StatedDate> start, review, end;
  std::string outcome;
  // Where it is stated: the address (or, for a record a person wrote, a
  // citation), the source's own title and its date, so pages can link to
  // it as "title (date)" rather than show a bare address.
  std::string source;
  std::string source_title;
  std::optional<StatedDate> source_date;
  std::string origin = "user";  // "reference" when loaded from data/known_interventions.csv
  std::int64_t version = 0;
};

struct BoardMember {
  std::string name, organisation, role;
};
struct BoardMeeting {
  Date date;
  std::string note;
};
struct ImprovementBoard {
  std::int64_t id = 0;
  std::string authority_urn;
  std::string name;
  std::string chair;
  bool independent_chair = false;
  std::optional<StatedDate> established;
  std::vector<BoardMember> members;
  std::vector<BoardMeeting> meetings;
  std::int64_t version = 0;
};

struct ImprovementPlan {
  std::int64_t id = 0;
  std::string authority_urn;
  std::string title;
  std::optional<Date> agreed;
  std::optional<std::int64_t> report_document_id;  // the report whose improvement points it answers
  std::int64_t version = 0;
};

enum class ActionStatus { NotStarted, InProgress, Done, Blocked, Dropped };
std::string_view to_string(ActionStatus status);  // "in_progress"
std::string_view label(ActionStatus status);      // "In progress"
std::optional<ActionStatus> parse_action_status(std::string_view text);
const std::vector<ActionStatus>& all_action_statuses();

enum class Rag { None, Red, Amber, Green };
std::string_view to_string(Rag rag);  // "" for None
std::string_view label(Rag rag);      // "Not rated"
std::optional<Rag> parse_rag(std::string_view text);

struct PlanAction {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string description;
  // The report's improvement point it answers: that report's document id and
  // the point's ordinal there (stable across re-ingest: documents keep their id).
  std::optional<std::int64_t> point_document_id;
  std::optional<int> point_ordinal;
  std::string owner, partner;
  std::optional<Date> due;
  ActionStatus status = ActionStatus::NotStarted;
  Rag rag = Rag::None;
  std::vector<std::string> evidence_links;
  std::string notes;
  std::int64_t version = 0;
};
// Past its due date and neither done nor dropped.
bool is_overdue(const PlanAction& action, const Date& today);

enum class VisitKind { Monitoring, Focused };
std::string_view to_string(VisitKind kind);  // "monitoring"
std::string_view label(VisitKind kind);      // "Monitoring visit"
std::optional<VisitKind> parse_visit_kind(std::string_view text);

struct Visit {
  std::int64_t id = 0;
  std::string authority_urn;
  VisitKind kind = VisitKind::Monitoring;
  std::optional<Date> start, end;
  std::optional<int> ordinal;  // "the third monitoring visit", when printed
  std::string theme;
  std::vector<std::string> priority_areas;  // areas for priority action (focused visits)
  std::optional<std::int64_t> letter_document_id;
  std::int64_t version = 0;
};

}  // namespace cscwatch
