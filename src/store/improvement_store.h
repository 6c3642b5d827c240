// The improvement records in the register: interventions, improvement boards,
// plans and their actions, and visits (whether an authority's records are
// public is store/improvement_visibility.h). Every write takes the actor, records its audit row in the caller's
// transaction (store/audit_log.h) and, for an update, checks the version the
// editor started from: a stale one throws StaleVersion holding the record as
// it now is, so nothing is lost silently. Ingest never writes these tables
// except for the visit a letter describes (upsert_visit_from_letter).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/improvement_records.h"
#include "domain/inspection.h"
#include "store/sqlite.h"

namespace cscwatch {

// An update based on a version that is no longer current.
struct StaleVersion : std::runtime_error {
  StaleVersion(std::string entity, std::int64_t current_version, nlohmann::json current)
      : std::runtime_error("the " + entity + " was changed by someone else (now version " +
                           std::to_string(current_version) + ")"),
        current_version(current_version),
        current(std::move(current)) {}
  std::int64_t current_version;
  nlohmann::json current;  // the record as it now is
};

nlohmann::json to_json(const Intervention& i);
nlohmann::json to_json(const ImprovementBoard& b);
nlohmann::json to_json(const ImprovementPlan& p);
nlohmann::json to_json(const PlanAction& a);
nlohmann::json to_json(const Visit& v);

// Reads (oldest first).
std::vector<Intervention> interventions_for(const Connection& db, std::string_view urn);
std::vector<ImprovementBoard> boards_for(const Connection& db, std::string_view urn);
std::vector<ImprovementPlan> plans_for(const Connection& db, std::string_view urn);
std::vector<PlanAction> actions_for_plan(const Connection& db, std::int64_t plan_id);
std::vector<Visit> visits_for(const Connection& db, std::string_view urn);
std::optional<Intervention> find_intervention(const Connection& db, std::int64_t id);
std::optional<ImprovementBoard> find_board(const Connection& db, std::int64_t id);
std::optional<ImprovementPlan> find_plan(const Connection& db, std::int64_t id);
std::optional<PlanAction> find_action(const Connection& db, std::int64_t id);
std::optional<Visit> find_visit(const Connection& db, std::int64_t id);
// The URNs of every authority with an intervention record (for the register's filter).
std::vector<std::string> authorities_with_interventions(const Connection& db);

// Writes: create returns the new id; save updates the record whose id and
// version it carries (throws StaleVersion, or NotFoundRecord when absent).
struct RecordNotFound : std::runtime_error {
  using std::runtime_error::runtime_error;
};
std::int64_t create(const Connection& db, const Intervention& i, const std::string& actor);
std::int64_t create(const Connection& db, const ImprovementBoard& b, const std::string& actor);
std::int64_t create(const Connection& db, const ImprovementPlan& p, const std::string& actor);
std::int64_t create(const Connection& db, const PlanAction& a, const std::string& actor);
std::int64_t create(const Connection& db, const Visit& v, const std::string& actor);
void save(const Connection& db, const Intervention& i, const std::string& actor);
void save(const Connection& db, const ImprovementBoard& b, const std::string& actor);
void save(const Connection& db, const ImprovementPlan& p, const std::string& actor);
void save(const Connection& db, const PlanAction& a, const std::string& actor);
void save(const Connection& db, const Visit& v, const std::string& actor);

// The actor name reference rows and letters are written under.
inline constexpr const char* kReferenceActor = "reference table";
inline constexpr const char* kIngestActor = "ingest";

// Loads the known interventions (data/known_interventions.csv): inserts rows
// not yet present, refreshes rows nobody has edited since, never overwrites a
// row a person edited, and removes rows the table no longer holds that nobody
// edited. Rows for authorities not in the register are skipped.
// Returns how many rows were inserted, refreshed or removed.
int load_known_interventions(const Connection& db, const std::vector<Intervention>& rows);

// The visit a monitoring or focused visit letter describes: created on first
// ingest, completed (dates, ordinal, theme, the letter) on later ones, without
// overwriting what a person entered. Matches an existing record by the letter
// or, failing that, by authority, kind and first day.
void upsert_visit_from_letter(const Connection& db, std::int64_t document_id, const std::string& authority_urn,
                              const Visit& from_letter);

}  // namespace cscwatch
