#include "analysis/authority_profile.h"

namespace cscwatch {

namespace {

constexpr const char* kAuthorityColumns =
    "a.urn, a.la_code, a.ons_code, a.name, a.slug, a.region_name, a.la_type, a.legacy";

AuthoritySummary read_summary(const Statement& q, int first) {
  AuthoritySummary s;
  s.urn = q.text(first);
  s.la_code = q.text(first + 1);
  s.ons_code = q.text(first + 2);
  s.name = q.text(first + 3);
  s.slug = q.text(first + 4);
  s.region_name = q.text(first + 5);
  s.la_type = q.text(first + 6);
  s.legacy = q.integer(first + 7) != 0;
  return s;
}

std::vector<std::string> split_codes(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (c != ' ') {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace

std::optional<AuthorityProfile> authority_profile(const Connection& db, const std::string& slug) {
  auto q = db.prepare(std::string("SELECT ") + kAuthorityColumns + ", a.stat_neighbours FROM authorities a WHERE a.slug = ?");
  q.bind(1, slug);
  if (!q.step()) return std::nullopt;
  AuthorityProfile p;
  p.authority = read_summary(q, 0);
  std::string neighbour_codes = q.text(8);

  InspectionFilter mine;
  mine.authority_urn = p.authority.urn;
  for (auto& row : query_inspections(db, mine)) {
    InspectionHistoryItem item;
    item.improvement_points = query_improvement_points(db, row.inspection_id);
    item.row = std::move(row);
    p.inspections.push_back(std::move(item));
  }

  // A neighbour's latest graded inspection: the same rule as the register.
  auto by_code = db.prepare(std::string("SELECT ") + kAuthorityColumns +
                            " FROM authorities a WHERE a.la_code = ? ORDER BY a.legacy LIMIT 1");
  auto latest = db.prepare(R"sql(
    SELECT COALESCE(j.grade,''), COALESCE(i.start_date,''), d.file_name
    FROM inspections i JOIN documents d ON d.id = i.document_id
    JOIN judgements j ON j.inspection_id = i.id AND j.area = 'overall'
    WHERE i.authority_urn = ? ORDER BY i.start_date DESC, d.file_name DESC LIMIT 1)sql");
  for (const auto& code : split_codes(neighbour_codes)) {
    NeighbourGrade n;
    n.la_code = code;
    by_code.bind(1, code);
    if (by_code.step()) n.authority = read_summary(by_code, 0);
    by_code.reset();
    if (n.authority) {
      latest.bind(1, n.authority->urn);
      if (latest.step()) {
        n.overall = latest.text(0);
        n.inspection_start = latest.text(1);
        n.source_file = latest.text(2);
      }
      latest.reset();
    }
    p.neighbours.push_back(std::move(n));
  }

  auto reorg = [&](const char* sql, std::vector<ReorganisationLink>& out) {
    auto r = db.prepare(sql);
    r.bind(1, p.authority.urn);
    while (r.step()) out.push_back({read_summary(r, 0), r.text(8), r.text(9)});
  };
  reorg(R"sql(SELECT a.urn, a.la_code, a.ons_code, a.name, a.slug, a.region_name, a.la_type, a.legacy,
                     r.effective, r.note
              FROM reorganisations r JOIN authorities a ON a.urn = r.predecessor_urn
              WHERE r.successor_urn = ? ORDER BY r.effective, a.name)sql",
        p.predecessors);
  reorg(R"sql(SELECT a.urn, a.la_code, a.ons_code, a.name, a.slug, a.region_name, a.la_type, a.legacy,
                     r.effective, r.note
              FROM reorganisations r JOIN authorities a ON a.urn = r.successor_urn
              WHERE r.predecessor_urn = ? ORDER BY r.effective, a.name)sql",
        p.successors);
  return p;
}

}  // namespace cscwatch
