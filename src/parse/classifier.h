// Which kind of document a set of pages is, from the title on its first pages.
#pragma once

#include "domain/framework.h"
#include "domain/result.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

// Errors start "unsupported document: " and say what was found instead.
Result<DocumentKind> classify_document(const DocumentLines& doc);

// Normalised text of the first `pages` pages, capped, for title matching.
std::string front_text(const DocumentLines& doc, int pages, size_t max_chars = 12000);

}  // namespace cscwatch::parse
