#include "store/hex_layout.h"

namespace cscwatch {

void store_hex_layout(Connection& db, const std::vector<HexCell>& cells) {
  Transaction tx(db);
  db.exec("DELETE FROM hex_layout");
  for (const auto& c : cells)
    db.prepare("INSERT INTO hex_layout(ons_code, name, q, r) VALUES (?, ?, ?, ?)")
        .bind(1, c.code)
        .bind(2, c.name)
        .bind(3, c.q)
        .bind(4, c.r)
        .run();
  tx.commit();
}

std::vector<HexCell> read_hex_layout(const Connection& db) {
  std::vector<HexCell> out;
  auto q = db.prepare("SELECT ons_code, name, q, r FROM hex_layout ORDER BY ons_code");
  while (q.step()) out.push_back({q.text(0), q.text(1), static_cast<int>(q.integer(2)), static_cast<int>(q.integer(3))});
  return out;
}

}  // namespace cscwatch
