// What an article claims: the authority, the grade, the kind of event, the
// dates (stated outright or relative to the article's own date), earlier
// grades and interventions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/authority.h"
#include "domain/authority_directory.h"
#include "domain/date.h"
#include "domain/grade.h"

namespace cscwatch::news {

// What the article reports happened.
enum class EventKind { Inspection, MonitoringVisit, FocusedVisit, JointTargetedInspection, Unknown };
// inspection, monitoring_visit, focused_visit, joint_targeted_inspection, unknown
std::string_view to_string(EventKind kind);

struct AuthorityMention {
  const Authority* authority = nullptr;
  int mentions = 0;
  double weight = 0;                 // headline and opening paragraphs count more
  std::vector<std::string> printed;  // distinct forms as printed
  bool in_address = false;           // also named in the article's web address
};

struct StatedDate {
  std::string text;        // as printed: "in January and February", "5 April 2016", "today"
  std::string refers_to;   // inspection, publication, earlier_inspection, focused_visit, monitoring_visit,
                           // intervention, other
  std::string precision;   // day, month, year, relative, relation
  std::optional<Date> from, to;   // resolved interval (inclusive), when the year is known
  std::vector<unsigned> months;   // months named (1-12), also when the year is not known
  std::optional<int> year;
  std::optional<unsigned> day;    // day of the month, when a single day is named (also without a year)
  bool year_inferred = false;     // year taken from the article's date
  std::string sentence;
  std::string authority_urn;      // the authority named nearest in its sentence; empty: none named
};

struct GradeMention {
  Grade grade{};
  std::string text;        // the sentence
  bool earlier = false;    // about an earlier inspection
  std::optional<int> year;
  std::string area;        // care_leavers, in_care, help_protection, leadership, adoption, lscb, some_areas;
                           // empty: overall
  bool overall_stated = false;  // said to be the overall grade ("an overall 'good' rating")
  double weight = 1;
  std::string authority_urn;  // the authority named nearest in its sentence; empty: none named
};

enum class InterventionKind {
  Commissioner, ImprovementBoard, ImprovementNotice, Direction, Adviser, Trust, SectorLedPartner, Intervention,
  NewDirector,  // a new (or interim) director of children's services appointed
};
// commissioner, improvement_board, improvement_notice, direction, adviser, trust, sector_led_partner,
// intervention, new_director
std::string_view to_string(InterventionKind kind);

struct Intervention {
  InterventionKind kind{};
  std::string text;        // the sentence
  std::string actor;       // "Department for Education", "government", ... when named
  std::string date_text;   // a date stated in the same sentence
};

struct ArticleReading {
  std::string headline;
  std::optional<Date> article_date;
  std::string article_date_source;   // "byline", "html meta ..."
  std::vector<AuthorityMention> authorities;  // most prominent first
  std::optional<Grade> grade;
  std::vector<GradeMention> grade_mentions;
  EventKind event_kind = EventKind::Unknown;
  std::vector<StatedDate> dates;
  std::vector<GradeMention> earlier_grades;
  std::vector<Intervention> interventions;
};

// `hidden` are byte ranges (quotations by people other than the inspectorate)
// whose words are not the article's own claims: they are ignored for grades,
// dates, event kind and interventions (authorities are still counted).
ArticleReading read_article(std::string_view text, const AuthorityDirectory& directory,
                            const std::vector<std::pair<size_t, size_t>>& hidden,
                            std::optional<Date> meta_date = std::nullopt, std::string meta_source = {});

// The grade the article reports for one authority (claims in sentences naming
// another authority are left out); empty urn: every claim.
std::optional<Grade> grade_for_authority(const ArticleReading& reading, const std::string& urn);

// A date at the start of `text`: "5 April 2016", "Tuesday 5 April 2016",
// "April 5, 2016", "2016-04-05", "05/04/2016".
std::optional<Date> leading_date(std::string_view text);

}  // namespace cscwatch::news
