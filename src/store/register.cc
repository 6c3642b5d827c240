#include "store/register.h"

#include <chrono>
#include <thread>

#include "domain/reorganisation.h"
#include "parse/parser_version.h"
#include "parse/visit_details.h"
#include "store/improvement_store.h"
#include "store/migrations.h"

namespace cscwatch {

namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t from = 0;
  while (true) {
    size_t at = s.find(sep, from);
    out.push_back(s.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) break;
    from = at + sep.size();
  }
  return out;
}

template <typename T>
void bind_sourced_date(Statement& s, int index, const std::optional<Sourced<T>>& v) {
  if (v) {
    s.bind(index, to_iso(v->value)).bind(index + 1, v->page);
  } else {
    s.bind_null(index).bind_null(index + 1);
  }
}

std::string_view section_name(ImprovementSection section) {
  switch (section) {
    case ImprovementSection::PriorityAction:
      return "priority_action";
    case ImprovementSection::AreaForImprovement:
      return "area_for_improvement";
    case ImprovementSection::None:
      return "";
  }
  return "";
}

}  // namespace

namespace {

// The tables of a file that is not a cscwatch register (another
// application's SQLite database), or empty when it is one or is new.
std::vector<std::string> foreign_tables(const Connection& db) {
  std::vector<std::string> names;
  bool ours = false;
  auto q = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  while (q.step()) {
    std::string name = q.text(0);
    if (name == "schema_migrations") ours = true;
    names.push_back(std::move(name));
  }
  if (ours) return {};
  return names;
}

// Switching a new file to WAL needs it to itself for a moment; a second
// ingest started at the same instant gets SQLITE_BUSY without the busy
// handler being asked, so wait here (bounded) until one of them has done it.
void switch_to_wal(Connection& db) {
  for (int attempt = 0;; ++attempt) {
    try {
      auto mode = db.prepare("PRAGMA journal_mode");
      if (mode.step() && mode.text(0) == "wal") return;
    } catch (const SqlError&) {
      // busy reading the mode: try again below
    }
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const SqlError&) {
      if (attempt >= 600) throw;  // about 30 s
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

int schema_version(const Connection& db) {
  auto v = db.prepare("SELECT COALESCE(MAX(version),0) FROM schema_migrations");
  v.step();
  return static_cast<int>(v.integer(0));
}

}  // namespace

Result<Register> Register::open(const std::string& path, bool read_only) {
  auto db = Connection::open(path, read_only);
  if (!db) return Error{db.error()};
  try {
    if (read_only) {
      // A WAL register on a read-only mount cannot create its -shm file:
      // nobody can be writing it there, so read it as immutable.
      try {
        db->prepare("SELECT COUNT(*) FROM sqlite_master").step();
      } catch (const SqlError&) {
        auto immutable = Connection::open_immutable(path);
        if (!immutable) return Error{immutable.error()};
        db = std::move(immutable);
      }
    }
    // Check before changing anything: never add tables to, or switch the
    // journal of, another application's database.
    if (auto tables = foreign_tables(*db); !tables.empty()) {
      std::string list;
      for (size_t i = 0; i < tables.size() && i < 5; ++i) list += (i ? ", " : "") + tables[i];
      return Error{"database " + path + " is not a cscwatch register (it holds other tables: " + list +
                   (tables.size() > 5 ? ", ..." : "") + "); nothing was changed. Give --db a new file name"};
    }
    db->exec("PRAGMA foreign_keys = ON");
    if (!read_only) {
      // WAL: readers (the web server) never block the writer, and a killed
      // writer leaves the last committed state intact.
      switch_to_wal(*db);
      db->exec("PRAGMA synchronous = NORMAL");
      auto migrated = migrate(*db);
      if (!migrated) return Error{migrated.error()};
    }
    bool has_schema = false;
    {
      auto t = db->prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
      has_schema = t.step();
    }
    if (!has_schema) return Error{"database " + path + " is empty: run 'cscwatch ingest' first"};
    const int version = schema_version(*db);
    if (version > latest_schema_version())
      return Error{"database " + path + " was made by a newer cscwatch (schema version " + std::to_string(version) +
                   "; this one knows up to " + std::to_string(latest_schema_version()) + "): use a newer cscwatch"};
    if (version != latest_schema_version())
      return Error{"database " + path + " has schema version " + std::to_string(version) + ", expected " +
                   std::to_string(latest_schema_version()) +
                   (read_only ? "; run 'cscwatch ingest' to bring it up to date" : "")};
  } catch (const SqlError& e) {
    return Error{"cannot use database " + path + ": " + e.what()};
  }
  return Register(std::move(*db));
}

Result<int> Register::load_authorities(const std::vector<Authority>& authorities) {
  try {
    Transaction tx(db_);
    auto upsert = db_.prepare(R"sql(
      INSERT INTO authorities(urn, la_code, ons_code, name, slug, also_known_as, region_code, region_name,
                              la_type, population_0_25, stat_neighbours, stat_neighbours_previous, legacy)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
      ON CONFLICT(urn) DO UPDATE SET la_code=excluded.la_code, ons_code=excluded.ons_code, name=excluded.name,
        slug=excluded.slug, also_known_as=excluded.also_known_as, region_code=excluded.region_code,
        region_name=excluded.region_name, la_type=excluded.la_type, population_0_25=excluded.population_0_25,
        stat_neighbours=excluded.stat_neighbours, stat_neighbours_previous=excluded.stat_neighbours_previous,
        legacy=excluded.legacy)sql");
    for (const auto& a : authorities) {
      upsert.bind(1, a.urn)
          .bind(2, a.la_code)
          .bind(3, a.ons_code)
          .bind(4, a.name)
          .bind(5, a.slug)
          .bind(6, join(a.also_known_as, "; "))
          .bind(7, a.region_code)
          .bind(8, a.region_name)
          .bind(9, a.la_type)
          .bind(10, static_cast<int64_t>(a.population_0_25))
          .bind(11, join(a.stat_neighbours, ", "))
          .bind(12, join(a.stat_neighbours_previous, ", "))
          .bind(13, a.legacy ? 1 : 0);
      upsert.run();
    }
    auto reorg = db_.prepare(R"sql(
      INSERT INTO reorganisations(predecessor_urn, successor_urn, effective, note)
      SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM authorities WHERE urn = ?1)
                              AND EXISTS (SELECT 1 FROM authorities WHERE urn = ?2)
      ON CONFLICT DO UPDATE SET effective = excluded.effective, note = excluded.note)sql");
    for (const auto& r : known_reorganisations()) {
      reorg.bind(1, r.predecessor_urn).bind(2, r.successor_urn).bind(3, r.date).bind(4, r.note);
      reorg.run();
    }
    tx.commit();
    return static_cast<int>(authorities.size());
  } catch (const SqlError& e) {
    return Error{std::string("cannot load authorities: ") + e.what()};
  }
}

std::vector<Authority> Register::authorities() const {
  return read_authorities(db_);
}

std::vector<Authority> read_authorities(const Connection& db) {
  std::vector<Authority> out;
  auto q = db.prepare(R"sql(SELECT urn, la_code, ons_code, name, slug, also_known_as, region_code, region_name,
      la_type, population_0_25, stat_neighbours, stat_neighbours_previous, legacy FROM authorities ORDER BY name)sql");
  while (q.step()) {
    Authority a;
    a.urn = q.text(0);
    a.la_code = q.text(1);
    a.ons_code = q.text(2);
    a.name = q.text(3);
    a.slug = q.text(4);
    a.also_known_as = split(q.text(5), "; ");
    a.region_code = q.text(6);
    a.region_name = q.text(7);
    a.la_type = q.text(8);
    a.population_0_25 = static_cast<long>(q.integer(9));
    a.stat_neighbours = split(q.text(10), ", ");
    a.stat_neighbours_previous = split(q.text(11), ", ");
    a.legacy = q.integer(12) != 0;
    out.push_back(std::move(a));
  }
  return out;
}

int Register::authority_count() const {
  auto q = db_.prepare("SELECT COUNT(*) FROM authorities");
  q.step();
  return static_cast<int>(q.integer(0));
}

std::optional<StoredDocument> Register::find_document(const std::string& sha256) const {
  auto q = db_.prepare("SELECT id, parser_version, path FROM documents WHERE sha256 = ?");
  q.bind(1, sha256);
  if (!q.step()) return std::nullopt;
  return StoredDocument{q.integer(0), static_cast<int>(q.integer(1)), q.text(2)};
}

void Register::touch_path(int64_t document_id, const std::string& path) {
  db_.prepare("UPDATE documents SET path = ? WHERE id = ? AND path <> ?1").bind(1, path).bind(2, document_id).run();
}

namespace {

// Removes what an older parser wrote for this content, and an earlier version
// of the file at this path (a report replaced in place). Matching on the file
// name alone would let a same-named file elsewhere erase it. Returns the
// replaced document's id (by content first), kept for the new one.
std::optional<int64_t> remove_earlier_document(const Connection& db, const DocumentToStore& d) {
  std::optional<int64_t> keep_id;
  {
    auto old = db.prepare("SELECT id FROM documents WHERE sha256 = ?1 OR path = ?2 ORDER BY sha256 = ?1 DESC LIMIT 1");
    old.bind(1, d.sha256).bind(2, d.path);
    if (old.step()) keep_id = old.integer(0);
  }
  db.prepare("DELETE FROM documents WHERE sha256 = ? OR path = ?").bind(1, d.sha256).bind(2, d.path).run();
  return keep_id;
}

// The document row, and its PDF if given. Returns its id.
int64_t insert_document(const Connection& db, const DocumentToStore& d, std::optional<int64_t> keep_id) {
  auto doc = db.prepare(R"sql(INSERT INTO documents(sha256, file_name, path, bytes, kind, page_count,
        parser_version, ingested_at, id) VALUES (?,?,?,?,?,?,?, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?))sql");
  if (keep_id)
    doc.bind(8, *keep_id);
  else
    doc.bind_null(8);
  doc.bind(1, d.sha256)
      .bind(2, d.file_name)
      .bind(3, d.path)
      .bind(4, static_cast<int64_t>(d.pdf_bytes ? d.pdf_bytes->size() : 0))
      .bind(5, to_string(d.record.kind))
      .bind(6, static_cast<int64_t>(d.pages ? d.pages->size() : 0))
      .bind(7, kParserVersion);
  doc.run();
  const int64_t document_id = db.last_insert_id();
  if (d.pdf_bytes) {
    db.prepare("INSERT INTO document_files(document_id, pdf) VALUES (?, ?)")
        .bind(1, document_id)
        .bind_blob(2, d.pdf_bytes->data(), d.pdf_bytes->size())
        .run();
  }
  return document_id;
}

// The inspection row the document records. Returns its id.
int64_t insert_inspection(const Connection& db, const DocumentToStore& d, int64_t document_id) {
  const InspectionRecord& r = d.record;
  auto ins = db.prepare(R"sql(INSERT INTO inspections(document_id, authority_urn, authority_printed,
        authority_page, framework, inspection_type, type_inferred, start_date, start_page, end_date, end_page,
        published, published_page, published_source, lead_inspector, lead_inspector_page, headline, headline_page,
        authority_resolution) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))sql");
  ins.bind(1, document_id)
      .bind(2, d.authority_urn)
      .bind(3, r.authority_printed.value)
      .bind(4, r.authority_printed.page)
      .bind(5, to_string(r.framework))
      .bind(6, to_string(r.type))
      .bind(7, r.type_inferred ? 1 : 0);
  bind_sourced_date(ins, 8, r.start);
  bind_sourced_date(ins, 10, r.end);
  bind_sourced_date(ins, 12, r.published);
  if (r.published)
    ins.bind(14, r.published_source);
  else
    ins.bind_null(14);
  if (r.lead_inspector)
    ins.bind(15, r.lead_inspector->value).bind(16, r.lead_inspector->page);
  else
    ins.bind_null(15).bind_null(16);
  if (r.headline)
    ins.bind(17, r.headline->value).bind(18, r.headline->page);
  else
    ins.bind_null(17).bind_null(18);
  ins.bind(19, d.authority_resolution);
  ins.run();
  return db.last_insert_id();
}

// What the inspection found: its judgements, improvement points and context figures.
void insert_findings(const Connection& db, const InspectionRecord& r, int64_t inspection_id) {
  auto judgement = db.prepare(R"sql(INSERT INTO judgements(inspection_id, area, grade, printed_label,
        printed_grade, page) VALUES (?,?,?,?,?,?)
        ON CONFLICT(inspection_id, area) DO NOTHING)sql");
  for (const auto& j : r.judgements) {
    judgement.bind(1, inspection_id).bind(2, to_string(j.area));
    if (j.grade)
      judgement.bind(3, to_string(*j.grade));
    else
      judgement.bind_null(3);
    judgement.bind(4, j.printed_label).bind(5, j.printed_grade).bind(6, j.page);
    judgement.run();
  }
  auto point = db.prepare(
      "INSERT INTO improvement_points(inspection_id, ordinal, text, page, number, section) VALUES (?,?,?,?,?,?)");
  for (size_t i = 0; i < r.improvement_points.size(); ++i) {
    const ImprovementPoint& p = r.improvement_points[i];
    point.bind(1, inspection_id)
        .bind(2, static_cast<int64_t>(i + 1))
        .bind(3, p.text)
        .bind(4, p.page)
        .bind(5, p.number)
        .bind(6, section_name(p.section));
    point.run();
  }
  auto figure = db.prepare(R"sql(INSERT INTO context_figures(inspection_id, figure, value, rate, as_at, printed, page)
        VALUES (?,?,?,?,?,?,?) ON CONFLICT(inspection_id, figure) DO NOTHING)sql");
  for (const ContextFigure& f : r.context_figures) {
    figure.bind(1, inspection_id).bind(2, f.figure).bind(3, f.value);
    if (f.rate)
      figure.bind(4, *f.rate);
    else
      figure.bind_null(4);
    figure.bind(5, f.as_at).bind(6, f.printed).bind(7, f.page);
    figure.run();
  }
}

// The document's review items and page text.
void insert_review_and_pages(const Connection& db, const DocumentToStore& d, int64_t document_id) {
  auto item = db.prepare("INSERT INTO review_items(document_id, field, reason, page) VALUES (?,?,?,?)");
  for (const auto& it : d.review) {
    item.bind(1, document_id).bind(2, it.field).bind(3, it.reason).bind(4, it.page);
    item.run();
  }
  if (d.pages) {
    auto page = db.prepare("INSERT INTO pages(document_id, number, text) VALUES (?,?,?)");
    for (const auto& p : *d.pages) {
      page.bind(1, document_id).bind(2, p.number).bind(3, p.text);
      page.run();
    }
  }
}

// A monitoring or focused visit letter creates or completes its visit
// record, in the same transaction as the letter.
void record_visit_letter(const Connection& db, const DocumentToStore& d, int64_t document_id) {
  const InspectionRecord& r = d.record;
  if (!((r.type == InspectionType::MonitoringVisit || r.type == InspectionType::FocusedVisit) && r.start)) return;
  Visit visit;
  visit.kind = r.type == InspectionType::MonitoringVisit ? VisitKind::Monitoring : VisitKind::Focused;
  visit.start = r.start->value;
  if (r.end) visit.end = r.end->value;
  if (d.pages) {
    std::string text;
    for (const auto& p : *d.pages) text += p.text + "\n\n";
    parse::VisitDetails details = parse::read_visit_details(text);
    visit.ordinal = details.ordinal;
    visit.theme = details.theme;
    if (visit.kind == VisitKind::Focused) visit.priority_areas = details.priority_areas;
  }
  upsert_visit_from_letter(db, document_id, d.authority_urn, visit);
}

}  // namespace

Result<int64_t> Register::store(const DocumentToStore& d) {
  try {
    Transaction tx(db_);
    const std::optional<int64_t> keep_id = remove_earlier_document(db_, d);
    const int64_t document_id = insert_document(db_, d, keep_id);
    const int64_t inspection_id = insert_inspection(db_, d, document_id);
    insert_findings(db_, d.record, inspection_id);
    insert_review_and_pages(db_, d, document_id);
    record_visit_letter(db_, d, document_id);
    tx.commit();
    return document_id;
  } catch (const SqlError& e) {
    return Error{std::string("cannot store document: ") + e.what()};
  }
}

}  // namespace cscwatch
