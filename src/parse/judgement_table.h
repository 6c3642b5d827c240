// The judgement tables on a report's front page (and the pre-SIF "Record of
// main findings"): rows of a label, possibly wrapped over several lines,
// followed by a grade cell. Read in the reader's line order, which for these
// two-column tables is label then grade.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/judgement.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

// Maps a row label (normalised, section number stripped) to the area it
// judges; nullopt for rows the framework does not record.
using LabelClassifier = std::function<std::optional<JudgementArea>(std::string_view label)>;

// Rows of lines [from, to). The first row for each area wins. Paragraph text
// (long lines, sentences) between rows resets the pending label.
std::vector<Judgement> read_judgement_table(const DocumentLines& doc, size_t from, size_t to,
                                            const LabelClassifier& classify);

// Labels of the SIF and ILACS tables (and the LSCB sentence heads).
std::optional<JudgementArea> classify_report_label(std::string_view label);

// Adds `j` unless its area is already present.
void add_judgement(std::vector<Judgement>& judgements, Judgement j);

}  // namespace cscwatch::parse
