// What a full-text search needs to know about every searchable page besides
// its words: which report it belongs to, its page number, and that report's
// inspection (overall grade, framework, year, region, and what a result line
// shows). Searching used to join five tables for every matching page, which
// for a common word ("children": 6,430 of 6,639 pages) cost more than the
// full-text match itself; with the directory in memory, a search runs the
// FTS5 query alone and looks each page up here.
//
// One directory per database connection, built on the connection's first
// search and rebuilt when the register changes: another connection committed
// (SQLite's PRAGMA data_version) or this one wrote (its total change count).
// It is released with the connection. Inside a write transaction nothing is
// cached (a rollback would undo what the directory saw). Only pages of documents that have an
// inspection are listed, as the joins they replace had it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace cscwatch {

struct DirectoryReport {
  int64_t document_id = 0;
  std::string source_file, authority_name, authority_slug, region_name, framework, kind;
  std::string inspection_start, published;  // ISO dates, "" if unknown
  std::string overall;                      // overall grade as stored, "" if none or not judged
  std::string grade_key;                    // overall, or "none": what search counts and filters by
  int year = 0;                             // inspection start year (publication year if no start); 0 unknown
};

struct DirectoryPage {
  int64_t id = 0;       // pages.id (= page_fts rowid)
  uint32_t report = 0;  // index into PageDirectory::reports
  int number = 0;
};

struct PageDirectory {
  std::vector<DirectoryReport> reports;
  std::vector<DirectoryPage> pages;  // by id: 16 bytes a page, a third of a hash map's

  const DirectoryPage* find(int64_t page_id) const {
    auto it = std::lower_bound(pages.begin(), pages.end(), page_id,
                               [](const DirectoryPage& p, int64_t id) { return p.id < id; });
    return it != pages.end() && it->id == page_id ? &*it : nullptr;
  }
};

// Reads the directory from the database (what page_directory() caches).
std::shared_ptr<const PageDirectory> read_page_directory(const Connection& db);

// The directory for the register as `db` sees it now. Call it inside the read
// transaction the search runs in, so both see the same state. Not to be
// called for one connection from two threads at once (connections are not
// shared between threads); different connections may be used concurrently.
std::shared_ptr<const PageDirectory> page_directory(const Connection& db);

}  // namespace cscwatch
