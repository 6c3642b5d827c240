// Switches for the parser's rules, so tests can disable one rule at a time and
// show that every document it affects is flagged by check_completeness rather
// than silently blank (rule ablation). Production code uses the defaults.
#pragma once

namespace cscwatch {

struct ParseOptions {
  // The authority's name from the title block (and its fallbacks).
  bool read_title_block = true;
  // Judgements from the rows of the front judgement table. The table's grade
  // cells are still counted when off, as the evidence the checks compare.
  bool read_table_rows = true;
  // The report's own summary sentence: the SIF overall judgement, and the
  // cross-check of the ILACS overall row where a report prints one.
  bool read_summary_sentence = true;
  // The SIF LSCB judgement from its own sentence.
  bool read_lscb_sentence = true;
  // The lead inspector from the header or the team list.
  bool read_lead_inspector = true;
};

}  // namespace cscwatch
