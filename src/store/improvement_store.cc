#include "store/improvement_store.h"

#include <sstream>

#include "store/audit_log.h"

namespace cscwatch {

namespace {

using nlohmann::json;

json opt(const std::optional<StatedDate>& d) { return d ? json(to_iso(*d)) : json(nullptr); }
json opt(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }
template <typename T>
json opt(const std::optional<T>& v) { return v ? json(*v) : json(nullptr); }

std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += '\n';
    out += i;
  }
  return out;
}
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

void bind_stated(Statement& s, int i, const std::optional<StatedDate>& d) {
  if (d) s.bind(i, to_iso(*d)); else s.bind_null(i);
}
void bind_date(Statement& s, int i, const std::optional<Date>& d) {
  if (d) s.bind(i, to_iso(*d)); else s.bind_null(i);
}
void bind_int(Statement& s, int i, const std::optional<std::int64_t>& v) {
  if (v) s.bind(i, *v); else s.bind_null(i);
}
std::optional<StatedDate> stated_at(const Statement& q, int c) {
  return q.is_null(c) ? std::nullopt : parse_stated_date(q.text(c));
}
std::optional<Date> date_at(const Statement& q, int c) { return q.is_null(c) ? std::nullopt : parse_iso_date(q.text(c)); }
std::optional<std::int64_t> int_at(const Statement& q, int c) {
  return q.is_null(c) ? std::nullopt : std::optional<std::int64_t>(q.integer(c));
}

void audit(const Connection& db, const std::string& actor, const std::string& urn, const char* entity,
           std::int64_t id, const char* action, const json& before, const json& after) {
  record_audit(db, AuditChange{actor, urn, entity, id, action, before.is_null() ? "" : before.dump(),
                               after.is_null() ? "" : after.dump()});
}

// After an UPDATE ... WHERE id = ? AND version = ?: nothing changed means the
// record is gone or someone saved first.
template <typename Record>
void check_updated(const Connection& db, const char* entity, const std::optional<Record>& now) {
  if (db.changes() > 0) return;
  if (!now) throw RecordNotFound(std::string("no such ") + entity);
  throw StaleVersion(entity, now->version, to_json(*now));
}

constexpr const char* kStampColumns = "created_by, created_at, updated_by, updated_at";
constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%SZ','now')";

// --- interventions ---
constexpr const char* kInterventionColumns =
    "id, authority_urn, kind, issuer, person, start, review, end_date, outcome, source, origin, version, source_title, "
    "source_date";
Intervention intervention_at(const Statement& q) {
  Intervention i;
  i.id = q.integer(0);
  i.authority_urn = q.text(1);
  i.kind = parse_intervention_kind(q.text(2)).value_or(InterventionKind::Other);
  i.issuer = q.text(3);
  i.person = q.text(4);
  i.start = stated_at(q, 5);
  i.review = stated_at(q, 6);
  i.end = stated_at(q, 7);
  i.outcome = q.text(8);
  i.source = q.text(9);
  i.origin = q.text(10);
  i.version = q.integer(11);
  i.source_title = q.text(12);
  i.source_date = stated_at(q, 13);
  return i;
}
void bind_intervention(Statement& s, const Intervention& i) {
  s.bind(1, i.authority_urn).bind(2, to_string(i.kind)).bind(3, i.issuer).bind(4, i.person);
  bind_stated(s, 5, i.start);
  bind_stated(s, 6, i.review);
  bind_stated(s, 7, i.end);
  s.bind(8, i.outcome).bind(9, i.source).bind(13, i.source_title);
  bind_stated(s, 14, i.source_date);
}

// --- boards ---
ImprovementBoard board_at(const Connection& db, const Statement& q) {
  ImprovementBoard b;
  b.id = q.integer(0);
  b.authority_urn = q.text(1);
  b.name = q.text(2);
  b.chair = q.text(3);
  b.independent_chair = q.integer(4) != 0;
  b.established = stated_at(q, 5);
  b.version = q.integer(6);
  auto m = db.prepare("SELECT name, organisation, role FROM board_members WHERE board_id = ? ORDER BY position");
  m.bind(1, b.id);
  while (m.step()) b.members.push_back({m.text(0), m.text(1), m.text(2)});
  auto g = db.prepare("SELECT date, note FROM board_meetings WHERE board_id = ? ORDER BY date");
  g.bind(1, b.id);
  while (g.step())
    if (auto d = parse_iso_date(g.text(0))) b.meetings.push_back({*d, g.text(1)});
  return b;
}
constexpr const char* kBoardColumns = "id, authority_urn, name, chair, independent_chair, established, version";
void write_board_children(const Connection& db, const ImprovementBoard& b, std::int64_t id) {
  db.prepare("DELETE FROM board_members WHERE board_id = ?").bind(1, id).run();
  db.prepare("DELETE FROM board_meetings WHERE board_id = ?").bind(1, id).run();
  auto m = db.prepare("INSERT INTO board_members(board_id, position, name, organisation, role) VALUES (?,?,?,?,?)");
  for (size_t n = 0; n < b.members.size(); ++n) {
    m.bind(1, id).bind(2, static_cast<std::int64_t>(n)).bind(3, b.members[n].name).bind(4, b.members[n].organisation)
        .bind(5, b.members[n].role);
    m.run();
  }
  auto g = db.prepare("INSERT INTO board_meetings(board_id, date, note) VALUES (?,?,?)");
  for (const auto& meeting : b.meetings) {
    g.bind(1, id).bind(2, to_iso(meeting.date)).bind(3, meeting.note);
    g.run();
  }
}

// --- plans and actions ---
constexpr const char* kPlanColumns = "id, authority_urn, title, agreed, report_document_id, version";
ImprovementPlan plan_at(const Statement& q) {
  ImprovementPlan p;
  p.id = q.integer(0);
  p.authority_urn = q.text(1);
  p.title = q.text(2);
  p.agreed = date_at(q, 3);
  p.report_document_id = int_at(q, 4);
  p.version = q.integer(5);
  return p;
}
constexpr const char* kActionColumns =
    "id, plan_id, description, point_document_id, point_ordinal, owner, partner, due, status, rag, evidence, notes, "
    "version";
PlanAction action_at(const Statement& q) {
  PlanAction a;
  a.id = q.integer(0);
  a.plan_id = q.integer(1);
  a.description = q.text(2);
  a.point_document_id = int_at(q, 3);
  if (auto o = int_at(q, 4)) a.point_ordinal = static_cast<int>(*o);
  a.owner = q.text(5);
  a.partner = q.text(6);
  a.due = date_at(q, 7);
  a.status = parse_action_status(q.text(8)).value_or(ActionStatus::NotStarted);
  a.rag = parse_rag(q.text(9)).value_or(Rag::None);
  a.evidence_links = split_lines(q.text(10));
  a.notes = q.text(11);
  a.version = q.integer(12);
  return a;
}
void bind_action(Statement& s, const PlanAction& a) {
  s.bind(1, a.plan_id).bind(2, a.description);
  bind_int(s, 3, a.point_document_id);
  bind_int(s, 4, a.point_ordinal ? std::optional<std::int64_t>(*a.point_ordinal) : std::nullopt);
  s.bind(5, a.owner).bind(6, a.partner);
  bind_date(s, 7, a.due);
  s.bind(8, to_string(a.status)).bind(9, to_string(a.rag)).bind(10, join_lines(a.evidence_links)).bind(11, a.notes);
}
std::string plan_authority(const Connection& db, std::int64_t plan_id) {
  auto q = db.prepare("SELECT authority_urn FROM improvement_plans WHERE id = ?");
  q.bind(1, plan_id);
  if (!q.step()) throw RecordNotFound("no such improvement plan");
  return q.text(0);
}

// --- visits ---
constexpr const char* kVisitColumns =
    "id, authority_urn, kind, start, end_date, ordinal, theme, priority_areas, letter_document_id, version";
Visit visit_at(const Statement& q) {
  Visit v;
  v.id = q.integer(0);
  v.authority_urn = q.text(1);
  v.kind = parse_visit_kind(q.text(2)).value_or(VisitKind::Monitoring);
  v.start = date_at(q, 3);
  v.end = date_at(q, 4);
  if (auto o = int_at(q, 5)) v.ordinal = static_cast<int>(*o);
  v.theme = q.text(6);
  v.priority_areas = split_lines(q.text(7));
  v.letter_document_id = int_at(q, 8);
  v.version = q.integer(9);
  return v;
}
void bind_visit(Statement& s, const Visit& v) {
  s.bind(1, v.authority_urn).bind(2, to_string(v.kind));
  bind_date(s, 3, v.start);
  bind_date(s, 4, v.end);
  bind_int(s, 5, v.ordinal ? std::optional<std::int64_t>(*v.ordinal) : std::nullopt);
  s.bind(6, v.theme).bind(7, join_lines(v.priority_areas));
  bind_int(s, 8, v.letter_document_id);
}

template <typename T, typename Read>
std::vector<T> read_all(const Connection& db, const std::string& sql, std::string_view key, Read read) {
  std::vector<T> out;
  auto q = db.prepare(sql);
  q.bind(1, key);
  while (q.step()) out.push_back(read(q));
  return out;
}
template <typename T, typename Read>
std::optional<T> read_one(const Connection& db, const std::string& sql, std::int64_t id, Read read) {
  auto q = db.prepare(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read(q);
}

}  // namespace

json to_json(const Intervention& i) {
  return {{"id", i.id},         {"authority_urn", i.authority_urn}, {"kind", to_string(i.kind)},
          {"issuer", i.issuer}, {"person", i.person},               {"start", opt(i.start)},
          {"review", opt(i.review)}, {"end", opt(i.end)},           {"outcome", i.outcome},
          {"source", i.source}, {"source_title", i.source_title},   {"source_date", opt(i.source_date)},
          {"origin", i.origin}, {"version", i.version}};
}
json to_json(const ImprovementBoard& b) {
  json members = json::array(), meetings = json::array();
  for (const auto& m : b.members) members.push_back({{"name", m.name}, {"organisation", m.organisation}, {"role", m.role}});
  for (const auto& m : b.meetings) meetings.push_back({{"date", to_iso(m.date)}, {"note", m.note}});
  return {{"id", b.id},       {"authority_urn", b.authority_urn}, {"name", b.name},
          {"chair", b.chair}, {"independent_chair", b.independent_chair}, {"established", opt(b.established)},
          {"members", members}, {"meetings", meetings},           {"version", b.version}};
}
json to_json(const ImprovementPlan& p) {
  return {{"id", p.id},         {"authority_urn", p.authority_urn},          {"title", p.title},
          {"agreed", opt(p.agreed)}, {"report_document_id", opt(p.report_document_id)}, {"version", p.version}};
}
json to_json(const PlanAction& a) {
  return {{"id", a.id},
          {"plan_id", a.plan_id},
          {"description", a.description},
          {"point_document_id", opt(a.point_document_id)},
          {"point_ordinal", opt(a.point_ordinal)},
          {"owner", a.owner},
          {"partner", a.partner},
          {"due", opt(a.due)},
          {"status", to_string(a.status)},
          {"rag", to_string(a.rag)},
          {"evidence_links", a.evidence_links},
          {"notes", a.notes},
          {"version", a.version}};
}
json to_json(const Visit& v) {
  return {{"id", v.id},
          {"authority_urn", v.authority_urn},
          {"kind", to_string(v.kind)},
          {"start", opt(v.start)},
          {"end", opt(v.end)},
          {"ordinal", opt(v.ordinal)},
          {"theme", v.theme},
          {"priority_areas", v.priority_areas},
          {"letter_document_id", opt(v.letter_document_id)},
          {"version", v.version}};
}

std::vector<Intervention> interventions_for(const Connection& db, std::string_view urn) {
  return read_all<Intervention>(db,
                                std::string("SELECT ") + kInterventionColumns +
                                    " FROM interventions WHERE authority_urn = ? ORDER BY COALESCE(start, end_date), id",
                                urn, intervention_at);
}
std::vector<ImprovementBoard> boards_for(const Connection& db, std::string_view urn) {
  return read_all<ImprovementBoard>(
      db, std::string("SELECT ") + kBoardColumns + " FROM improvement_boards WHERE authority_urn = ? ORDER BY id", urn,
      [&](const Statement& q) { return board_at(db, q); });
}
std::vector<ImprovementPlan> plans_for(const Connection& db, std::string_view urn) {
  return read_all<ImprovementPlan>(
      db, std::string("SELECT ") + kPlanColumns + " FROM improvement_plans WHERE authority_urn = ? ORDER BY id", urn,
      plan_at);
}
std::vector<PlanAction> actions_for_plan(const Connection& db, std::int64_t plan_id) {
  std::vector<PlanAction> out;
  auto q = db.prepare(std::string("SELECT ") + kActionColumns + " FROM plan_actions WHERE plan_id = ? ORDER BY id");
  q.bind(1, plan_id);
  while (q.step()) out.push_back(action_at(q));
  return out;
}
std::vector<Visit> visits_for(const Connection& db, std::string_view urn) {
  return read_all<Visit>(db,
                         std::string("SELECT ") + kVisitColumns +
                             " FROM visits WHERE authority_urn = ? ORDER BY start, id",
                         urn, visit_at);
}
std::optional<Intervention> find_intervention(const Connection& db, std::int64_t id) {
  return read_one<Intervention>(db, std::string("SELECT ") + kInterventionColumns + " FROM interventions WHERE id = ?",
                                id, intervention_at);
}
std::optional<ImprovementBoard> find_board(const Connection& db, std::int64_t id) {
  return read_one<ImprovementBoard>(db, std::string("SELECT ") + kBoardColumns + " FROM improvement_boards WHERE id = ?",
                                    id, [&](const Statement& q) { return board_at(db, q); });
}
std::optional<ImprovementPlan> find_plan(const Connection& db, std::int64_t id) {
  return read_one<ImprovementPlan>(db, std::string("SELECT ") + kPlanColumns + " FROM improvement_plans WHERE id = ?",
                                   id, plan_at);
}
std::optional<PlanAction> find_action(const Connection& db, std::int64_t id) {
  return read_one<PlanAction>(db, std::string("SELECT ") + kActionColumns + " FROM plan_actions WHERE id = ?", id,
                              action_at);
}
std::optional<Visit> find_visit(const Connection& db, std::int64_t id) {
  return read_one<Visit>(db, std::string("SELECT ") + kVisitColumns + " FROM visits WHERE id = ?", id, visit_at);
}

std::vector<std::string> authorities_with_interventions(const Connection& db) {
  std::vector<std::string> out;
  auto q = db.prepare("SELECT DISTINCT authority_urn FROM interventions ORDER BY 1");
  while (q.step()) out.push_back(q.text(0));
  return out;
}

std::int64_t create(const Connection& db, const Intervention& i, const std::string& actor) {
  auto s = db.prepare(std::string("INSERT INTO interventions(authority_urn, kind, issuer, person, start, review, "
                                  "end_date, outcome, source, origin, version, source_title, source_date, ") +
                      kStampColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?10,1,?13,?14,?11," + kNow + ",?11," + kNow + ")");
  bind_intervention(s, i);
  s.bind(10, i.origin.empty() ? std::string("user") : i.origin).bind(11, actor);
  s.run();
  const std::int64_t id = db.last_insert_id();
  audit(db, actor, i.authority_urn, "intervention", id, "create", nullptr, to_json(*find_intervention(db, id)));
  return id;
}

void save(const Connection& db, const Intervention& i, const std::string& actor) {
  auto before = find_intervention(db, i.id);
  if (!before) throw RecordNotFound("no such intervention");
  auto s = db.prepare(std::string("UPDATE interventions SET kind=?2, issuer=?3, person=?4, start=?5, review=?6, "
                                  "end_date=?7, outcome=?8, source=?9, source_title=?13, source_date=?14, "
                                  "version = version + 1, updated_by=?10, "
                                  "updated_at=") +
                      kNow + " WHERE id=?11 AND version=?12 AND authority_urn=?1");
  bind_intervention(s, i);
  s.bind(10, actor).bind(11, i.id).bind(12, i.version);
  s.run();
  check_updated(db, "intervention", before);
  audit(db, actor, before->authority_urn, "intervention", i.id, "update", to_json(*before),
        to_json(*find_intervention(db, i.id)));
}

std::int64_t create(const Connection& db, const ImprovementBoard& b, const std::string& actor) {
  auto s = db.prepare(std::string("INSERT INTO improvement_boards(authority_urn, name, chair, independent_chair, "
                                  "established, version, ") +
                      kStampColumns + ") VALUES (?,?,?,?,?,1,?6," + kNow + ",?6," + kNow + ")");
  s.bind(1, b.authority_urn).bind(2, b.name).bind(3, b.chair).bind(4, b.independent_chair ? 1 : 0);
  bind_stated(s, 5, b.established);
  s.bind(6, actor);
  s.run();
  const std::int64_t id = db.last_insert_id();
  write_board_children(db, b, id);
  audit(db, actor, b.authority_urn, "improvement_board", id, "create", nullptr, to_json(*find_board(db, id)));
  return id;
}

void save(const Connection& db, const ImprovementBoard& b, const std::string& actor) {
  auto before = find_board(db, b.id);
  if (!before) throw RecordNotFound("no such improvement board");
  auto s = db.prepare(std::string("UPDATE improvement_boards SET name=?1, chair=?2, independent_chair=?3, "
                                  "established=?4, version = version + 1, updated_by=?5, updated_at=") +
                      kNow + " WHERE id=?6 AND version=?7");
  s.bind(1, b.name).bind(2, b.chair).bind(3, b.independent_chair ? 1 : 0);
  bind_stated(s, 4, b.established);
  s.bind(5, actor).bind(6, b.id).bind(7, b.version);
  s.run();
  check_updated(db, "improvement board", before);
  write_board_children(db, b, b.id);
  audit(db, actor, before->authority_urn, "improvement_board", b.id, "update", to_json(*before),
        to_json(*find_board(db, b.id)));
}

std::int64_t create(const Connection& db, const ImprovementPlan& p, const std::string& actor) {
  auto s = db.prepare(std::string("INSERT INTO improvement_plans(authority_urn, title, agreed, report_document_id, "
                                  "version, ") +
                      kStampColumns + ") VALUES (?,?,?,?,1,?5," + kNow + ",?5," + kNow + ")");
  s.bind(1, p.authority_urn).bind(2, p.title);
  bind_date(s, 3, p.agreed);
  bind_int(s, 4, p.report_document_id);
  s.bind(5, actor);
  s.run();
  const std::int64_t id = db.last_insert_id();
  audit(db, actor, p.authority_urn, "improvement_plan", id, "create", nullptr, to_json(*find_plan(db, id)));
  return id;
}

void save(const Connection& db, const ImprovementPlan& p, const std::string& actor) {
  auto before = find_plan(db, p.id);
  if (!before) throw RecordNotFound("no such improvement plan");
  auto s = db.prepare(std::string("UPDATE improvement_plans SET title=?1, agreed=?2, report_document_id=?3, "
                                  "version = version + 1, updated_by=?4, updated_at=") +
                      kNow + " WHERE id=?5 AND version=?6");
  s.bind(1, p.title);
  bind_date(s, 2, p.agreed);
  bind_int(s, 3, p.report_document_id);
  s.bind(4, actor).bind(5, p.id).bind(6, p.version);
  s.run();
  check_updated(db, "improvement plan", before);
  audit(db, actor, before->authority_urn, "improvement_plan", p.id, "update", to_json(*before),
        to_json(*find_plan(db, p.id)));
}

std::int64_t create(const Connection& db, const PlanAction& a, const std::string& actor) {
  const std::string urn = plan_authority(db, a.plan_id);
  auto s = db.prepare(std::string("INSERT INTO plan_actions(plan_id, description, point_document_id, point_ordinal, "
                                  "owner, partner, due, status, rag, evidence, notes, version, ") +
                      kStampColumns + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?12," + kNow + ",?12," + kNow + ")");
  bind_action(s, a);
  s.bind(12, actor);
  s.run();
  const std::int64_t id = db.last_insert_id();
  audit(db, actor, urn, "plan_action", id, "create", nullptr, to_json(*find_action(db, id)));
  return id;
}

void save(const Connection& db, const PlanAction& a, const std::string& actor) {
  auto before = find_action(db, a.id);
  if (!before) throw RecordNotFound("no such action");
  const std::string urn = plan_authority(db, before->plan_id);
  auto s = db.prepare(std::string("UPDATE plan_actions SET description=?2, point_document_id=?3, point_ordinal=?4, "
                                  "owner=?5, partner=?6, due=?7, status=?8, rag=?9, evidence=?10, notes=?11, "
                                  "version = version + 1, updated_by=?12, updated_at=") +
                      kNow + " WHERE id=?13 AND version=?14 AND plan_id=?1");
  bind_action(s, a);
  s.bind(12, actor).bind(13, a.id).bind(14, a.version);
  s.run();
  check_updated(db, "action", before);
  audit(db, actor, urn, "plan_action", a.id, "update", to_json(*before), to_json(*find_action(db, a.id)));
}

std::int64_t create(const Connection& db, const Visit& v, const std::string& actor) {
  auto s = db.prepare(std::string("INSERT INTO visits(authority_urn, kind, start, end_date, ordinal, theme, "
                                  "priority_areas, letter_document_id, version, ") +
                      kStampColumns + ") VALUES (?,?,?,?,?,?,?,?,1,?9," + kNow + ",?9," + kNow + ")");
  bind_visit(s, v);
  s.bind(9, actor);
  s.run();
  const std::int64_t id = db.last_insert_id();
  audit(db, actor, v.authority_urn, "visit", id, "create", nullptr, to_json(*find_visit(db, id)));
  return id;
}

void save(const Connection& db, const Visit& v, const std::string& actor) {
  auto before = find_visit(db, v.id);
  if (!before) throw RecordNotFound("no such visit");
  auto s = db.prepare(std::string("UPDATE visits SET kind=?2, start=?3, end_date=?4, ordinal=?5, theme=?6, "
                                  "priority_areas=?7, letter_document_id=?8, version = version + 1, updated_by=?9, "
                                  "updated_at=") +
                      kNow + " WHERE id=?10 AND version=?11 AND authority_urn=?1");
  bind_visit(s, v);
  s.bind(9, actor).bind(10, v.id).bind(11, v.version);
  s.run();
  check_updated(db, "visit", before);
  audit(db, actor, before->authority_urn, "visit", v.id, "update", to_json(*before), to_json(*find_visit(db, v.id)));
}

int load_known_interventions(const Connection& db, const std::vector<Intervention>& rows) {
  int written = 0;
  for (const auto& row : rows) {
    {
      auto known = db.prepare("SELECT 1 FROM authorities WHERE urn = ?");
      known.bind(1, row.authority_urn);
      if (!known.step()) continue;
    }
    const std::string key = row.authority_urn + "|" + std::string(to_string(row.kind)) + "|" +
                            (row.start ? to_iso(*row.start) : std::string()) + "|" + row.person;
    auto existing = db.prepare("SELECT id, updated_by FROM interventions WHERE reference_key = ?");
    existing.bind(1, key);
    if (!existing.step()) {
      Intervention i = row;
      i.origin = "reference";
      const std::int64_t id = create(db, i, kReferenceActor);
      db.prepare("UPDATE interventions SET reference_key = ? WHERE id = ?").bind(1, key).bind(2, id).run();
      ++written;
      continue;
    }
    // A person's edit wins over the table from then on.
    if (existing.text(1) != kReferenceActor) continue;
    const std::int64_t id = existing.integer(0);
    auto before = find_intervention(db, id);
    Intervention now = row;
    now.id = id;
    now.origin = "reference";
    now.version = before->version;
    json a = to_json(*before), b = to_json(now);
    if (a == b) continue;  // unchanged: no write, no audit row
    save(db, now, kReferenceActor);
    ++written;
  }
  return written;
}

void upsert_visit_from_letter(const Connection& db, std::int64_t document_id, const std::string& authority_urn,
                              const Visit& letter) {
  std::optional<Visit> existing;
  {
    auto q = db.prepare(std::string("SELECT ") + kVisitColumns + " FROM visits WHERE letter_document_id = ?");
    q.bind(1, document_id);
    if (q.step()) existing = visit_at(q);
  }
  if (!existing && letter.start) {
    auto q = db.prepare(std::string("SELECT ") + kVisitColumns +
                        " FROM visits WHERE authority_urn = ? AND kind = ? AND start = ? AND letter_document_id IS NULL");
    q.bind(1, authority_urn).bind(2, to_string(letter.kind)).bind(3, to_iso(*letter.start));
    if (q.step()) existing = visit_at(q);
  }
  if (!existing) {
    Visit v = letter;
    v.authority_urn = authority_urn;
    v.letter_document_id = document_id;
    create(db, v, kIngestActor);
    return;
  }
  // Complete what is missing; what a person entered stays.
  Visit v = *existing;
  if (!v.start) v.start = letter.start;
  if (!v.end) v.end = letter.end;
  if (!v.ordinal) v.ordinal = letter.ordinal;
  if (v.theme.empty()) v.theme = letter.theme;
  if (v.priority_areas.empty()) v.priority_areas = letter.priority_areas;
  v.letter_document_id = document_id;
  if (to_json(v) == to_json(*existing)) return;
  save(db, v, kIngestActor);
}

}  // namespace cscwatch
