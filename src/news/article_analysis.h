// News coverage linked to the evidence: reads an article, links it to the
// inspection it is about, and checks its claims and quotations against the
// report's text in the register.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "domain/result.h"
#include "store/sqlite.h"

namespace cscwatch {

// Analyses one article (plain text or HTML; HTML is reduced to text, never
// rendered). Returns the JSON object documented in the README under "news":
// at least authority {urn, name}, event_kind, grade_reported, linked
// {source_file, confidence, reasons} or null, and quotes
// [{text, attributed_to, verdict, page}]. Fails with a clear message on empty,
// binary or oversized input.
Result<nlohmann::json> analyse_article(const Connection& db, std::string_view article);

}  // namespace cscwatch
