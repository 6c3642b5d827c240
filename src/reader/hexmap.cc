#include "reader/hexmap.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace cscwatch {

namespace {
// A map of England has about 150 hexagons; anything far larger is not this file.
constexpr size_t kMaxHexes = 2000;
constexpr size_t kMaxBytes = 4 * 1024 * 1024;
}  // namespace

Result<std::vector<HexCell>> parse_hexmap(const std::string& text) {
  if (text.size() > kMaxBytes) return Error{"hex map larger than 4 MiB: not a hex map of England"};
  auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return Error{"hex map is not a JSON object"};
  if (doc.value("layout", std::string()) != "odd-r") return Error{"hex map layout is not \"odd-r\""};
  auto hexes = doc.find("hexes");
  if (hexes == doc.end() || !hexes->is_object()) return Error{"hex map has no \"hexes\" object"};
  if (hexes->size() > kMaxHexes) return Error{"hex map has more than 2000 hexes"};
  std::vector<HexCell> out;
  for (auto it = hexes->begin(); it != hexes->end(); ++it) {
    const auto& h = it.value();
    if (!h.is_object() || !h.contains("q") || !h.contains("r") || !h["q"].is_number_integer() ||
        !h["r"].is_number_integer())
      return Error{"hex '" + it.key() + "' has no integer q and r"};
    HexCell c;
    c.code = it.key();
    c.name = h.value("n", h.value("name", it.key()));
    c.q = h["q"].get<int>();
    c.r = h["r"].get<int>();
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const HexCell& a, const HexCell& b) { return a.code < b.code; });
  return out;
}

Result<std::vector<HexCell>> load_hexmap(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot read " + path};
  std::ostringstream text;
  text << in.rdbuf();
  auto cells = parse_hexmap(text.str());
  if (!cells) return Error{path + ": " + cells.error()};
  return cells;
}

}  // namespace cscwatch
