#include "store/migrations.h"

#include <string>

namespace cscwatch {

namespace {

// Append-only: never edit a migration that has shipped; add a new one.
constexpr const char* kMigrations[] = {
    // 1: the register.
    R"sql(
CREATE TABLE authorities (
  urn TEXT PRIMARY KEY,
  la_code TEXT NOT NULL,
  ons_code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  also_known_as TEXT NOT NULL DEFAULT '',      -- '; '-separated
  region_code TEXT NOT NULL DEFAULT '',
  region_name TEXT NOT NULL DEFAULT '',
  la_type TEXT NOT NULL DEFAULT '',
  population_0_25 INTEGER NOT NULL DEFAULT 0,
  stat_neighbours TEXT NOT NULL DEFAULT '',    -- DfE codes, ', '-separated
  stat_neighbours_previous TEXT NOT NULL DEFAULT '',
  legacy INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE reorganisations (
  predecessor_urn TEXT NOT NULL,
  successor_urn TEXT NOT NULL,
  effective TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (predecessor_urn, successor_urn)
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  path TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  kind TEXT NOT NULL,
  page_count INTEGER NOT NULL,
  parser_version INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_file_name ON documents(file_name);

-- The PDF itself, so the register stays whole when source folders move.
CREATE TABLE document_files (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  pdf BLOB NOT NULL
);

CREATE TABLE inspections (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
  authority_urn TEXT NOT NULL REFERENCES authorities(urn),
  authority_printed TEXT NOT NULL,
  authority_page INTEGER NOT NULL,
  framework TEXT NOT NULL,
  inspection_type TEXT NOT NULL,
  type_inferred INTEGER NOT NULL,
  start_date TEXT, start_page INTEGER,
  end_date TEXT, end_page INTEGER,
  published TEXT, published_source TEXT, published_page INTEGER,
  lead_inspector TEXT, lead_inspector_page INTEGER,
  headline TEXT, headline_page INTEGER
);
CREATE INDEX inspections_authority ON inspections(authority_urn, start_date);

CREATE TABLE judgements (
  inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  area TEXT NOT NULL,
  grade TEXT,                 -- NULL: printed "Not judged"
  printed_label TEXT NOT NULL,
  printed_grade TEXT NOT NULL,
  page INTEGER NOT NULL,
  PRIMARY KEY (inspection_id, area)
);

CREATE TABLE improvement_points (
  inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  page INTEGER NOT NULL,
  PRIMARY KEY (inspection_id, ordinal)
);

CREATE TABLE pages (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (document_id, number)
);

-- Full text of every page; external content kept in step by triggers.
CREATE VIRTUAL TABLE page_fts USING fts5(text, content='pages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER pages_ai AFTER INSERT ON pages BEGIN
  INSERT INTO page_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER pages_ad AFTER DELETE ON pages BEGIN
  INSERT INTO page_fts(page_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
)sql",
    // 2: review items and corrections (no silent gaps), improvement points as
    // printed, how each document's authority was resolved.
    R"sql(
-- Each fact a document falls short of its completeness rules on, and why.
-- Written with the document, replaced with it on re-parse.
CREATE TABLE review_items (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  page INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX review_items_document ON review_items(document_id);

-- Corrections by a person, kept apart from what the extractor read and keyed
-- by the document's content, so they survive re-ingest and new parsers.
CREATE TABLE corrections (
  sha256 TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  extracted TEXT NOT NULL,        -- what the extractor read when the correction was made
  page INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  corrected_by TEXT NOT NULL,
  corrected_at TEXT NOT NULL,
  PRIMARY KEY (sha256, field)
);

ALTER TABLE improvement_points ADD COLUMN number TEXT NOT NULL DEFAULT '';
ALTER TABLE improvement_points ADD COLUMN section TEXT NOT NULL DEFAULT '';
ALTER TABLE inspections ADD COLUMN authority_resolution TEXT NOT NULL DEFAULT '';
)sql",
    // 3: accounts, their sessions and the audit trail of every write.
    R"sql(
-- password_hash is an argon2id encoded string ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

-- An editor's authorities to edit; a viewer's restricted authorities to view.
CREATE TABLE account_authorities (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  authority_urn TEXT NOT NULL,
  PRIMARY KEY (account_id, authority_urn)
);

-- Only the SHA-256 of a session id is stored: a copy of the database does not
-- sign anyone in. Times are Unix seconds.
CREATE TABLE sessions (
  id_sha256 TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_account ON sessions(account_id);

-- Authorities whose improvement records only signed-in accounts allowed to
-- see them may read (absent: public).
CREATE TABLE improvement_visibility (
  authority_urn TEXT PRIMARY KEY,
  restricted INTEGER NOT NULL DEFAULT 0
);

-- Append-only: who changed what, when, before and after.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  authority_urn TEXT NOT NULL DEFAULT '',
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL DEFAULT 0,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  before_json TEXT NOT NULL DEFAULT '',
  after_json TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_authority ON audit_log(authority_urn, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
)sql",
    // 4: the hex map of England's upper-tier authorities
    // (reference/upper_tier_hexmap.hexjson), loaded with the authority table
    // on every ingest so the server draws the map from the register alone.
    R"sql(
CREATE TABLE hex_layout (
  ons_code TEXT PRIMARY KEY,   -- the hexjson's key (ONS code when the map was drawn)
  name TEXT NOT NULL,
  q INTEGER NOT NULL,          -- column
  r INTEGER NOT NULL           -- row; rows grow northwards, odd rows shifted right ("odd-r")
);
)sql",
    // 5: improvement records (issue 10): interventions, improvement boards,
    // plans and actions, and visits. Each record
    // has a version for optimistic concurrency and who/when it was created and
    // last changed. Document ids are plain integers, never foreign keys: a
    // re-ingested report must not cascade into records people wrote.
    R"sql(
CREATE TABLE interventions (
  id INTEGER PRIMARY KEY,
  authority_urn TEXT NOT NULL REFERENCES authorities(urn),
  kind TEXT NOT NULL,
  issuer TEXT NOT NULL,
  person TEXT NOT NULL DEFAULT '',
  start TEXT, review TEXT, end_date TEXT,          -- YYYY-MM-DD, YYYY-MM or YYYY, as stated
  outcome TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  origin TEXT NOT NULL DEFAULT 'user',            -- 'reference': data/known_interventions.csv
  reference_key TEXT UNIQUE,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX interventions_authority ON interventions(authority_urn);

CREATE TABLE improvement_boards (
  id INTEGER PRIMARY KEY,
  authority_urn TEXT NOT NULL REFERENCES authorities(urn),
  name TEXT NOT NULL,
  chair TEXT NOT NULL,
  independent_chair INTEGER NOT NULL DEFAULT 0,
  established TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX improvement_boards_authority ON improvement_boards(authority_urn);
CREATE TABLE board_members (
  board_id INTEGER NOT NULL REFERENCES improvement_boards(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL, organisation TEXT NOT NULL, role TEXT NOT NULL DEFAULT ''
);
CREATE INDEX board_members_board ON board_members(board_id);
CREATE TABLE board_meetings (
  board_id INTEGER NOT NULL REFERENCES improvement_boards(id) ON DELETE CASCADE,
  date TEXT NOT NULL, note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX board_meetings_board ON board_meetings(board_id);

CREATE TABLE improvement_plans (
  id INTEGER PRIMARY KEY,
  authority_urn TEXT NOT NULL REFERENCES authorities(urn),
  title TEXT NOT NULL,
  agreed TEXT,
  report_document_id INTEGER,                      -- the report whose improvement points it answers
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX improvement_plans_authority ON improvement_plans(authority_urn);
CREATE TABLE plan_actions (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES improvement_plans(id),
  description TEXT NOT NULL,
  point_document_id INTEGER, point_ordinal INTEGER,
  owner TEXT NOT NULL DEFAULT '', partner TEXT NOT NULL DEFAULT '',
  due TEXT,
  status TEXT NOT NULL DEFAULT 'not_started',
  rag TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',               -- one web address a line
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX plan_actions_plan ON plan_actions(plan_id);

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  authority_urn TEXT NOT NULL REFERENCES authorities(urn),
  kind TEXT NOT NULL,                              -- 'monitoring' | 'focused'
  start TEXT, end_date TEXT,
  ordinal INTEGER,
  theme TEXT NOT NULL DEFAULT '',
  priority_areas TEXT NOT NULL DEFAULT '',         -- one a line
  letter_document_id INTEGER UNIQUE,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX visits_authority ON visits(authority_urn, start);

)sql",
    // 6: the statistics a SIF report prints about its area (domain/context_figure.h).
    R"sql(
CREATE TABLE context_figures (
  inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  figure TEXT NOT NULL,       -- children_living_in_area, child_poverty, children_in_need, child_protection_plans, looked_after
  value REAL NOT NULL,        -- a count of children; a percentage for child_poverty
  rate REAL,                  -- per 10,000 children; % of the population for children_living_in_area; NULL: not printed
  as_at TEXT NOT NULL,        -- "the time of inspection", "31 December 2016", as printed
  printed TEXT NOT NULL,      -- the sentence it was read from
  page INTEGER NOT NULL,
  PRIMARY KEY (inspection_id, figure)
);
)sql",
    // 7: the change log the feeds are read from, and each `cscwatch update`
    // run (store/change_log.h, update/register_update.h).
    R"sql(
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY,
  change_key TEXT NOT NULL UNIQUE,  -- stable: 'document:<sha256>', 'grade:<sha256>', 'intervention:<id>', ...
  kind TEXT NOT NULL CHECK (kind IN ('new_report', 'new_letter', 'grade', 'grade_change', 'visit', 'intervention',
                                     'board', 'review_item', 'forecast_window')),
  authority_urn TEXT NOT NULL,
  occurred TEXT NOT NULL,           -- YYYY-MM-DD it happened (publication date where there is one)
  recorded_at TEXT NOT NULL,        -- UTC ISO 8601, when the register learnt of it
  summary TEXT NOT NULL,            -- one line of plain text
  link TEXT NOT NULL                -- the record's address on the site
);
CREATE INDEX change_log_occurred ON change_log(occurred, id);
CREATE INDEX change_log_authority ON change_log(authority_urn, occurred);

CREATE TABLE update_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  outcome TEXT NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'complete', 'failed')),
  downloaded INTEGER NOT NULL DEFAULT 0,
  ingested INTEGER NOT NULL DEFAULT 0,
  changes INTEGER NOT NULL DEFAULT 0,
  failures TEXT NOT NULL DEFAULT ''  -- one a line
);
)sql",
    // 8: an intervention's source as a link: the source's title and date
    // beside its address (data/known_interventions.csv, issue 19).
    R"sql(
ALTER TABLE interventions ADD COLUMN source_title TEXT NOT NULL DEFAULT '';
ALTER TABLE interventions ADD COLUMN source_date TEXT;  -- YYYY-MM-DD, YYYY-MM or YYYY, as stated
)sql",
};

}  // namespace

int latest_schema_version() { return static_cast<int>(std::size(kMigrations)); }

Result<int> migrate(Connection& db) {
  try {
    db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    int current = 0;
    {
      // Finalised before any write: an open read would turn another
      // process's commit into SQLITE_BUSY without waiting.
      auto q = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      q.step();
      current = static_cast<int>(q.integer(0));
    }
    if (current > latest_schema_version())
      return Error{"the database was made by a newer cscwatch (schema version " + std::to_string(current) + "; this one knows up to " +
                   std::to_string(latest_schema_version()) + "): use a newer cscwatch"};
    for (int v = current + 1; v <= latest_schema_version(); ++v) {
      Transaction tx(db);
      // Another process (a second ingest started at the same moment) may
      // have applied it while this one waited for the lock.
      auto again = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
      again.step();
      if (again.integer(0) >= v) continue;
      db.exec(kMigrations[v - 1]);
      db.prepare("INSERT INTO schema_migrations(version, applied_at) VALUES (?, datetime('now'))").bind(1, v).run();
      tx.commit();
    }
    return latest_schema_version();
  } catch (const SqlError& e) {
    return Error{std::string("schema migration failed: ") + e.what()};
  }
}

}  // namespace cscwatch
