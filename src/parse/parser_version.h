// The version of what the parsers extract. Bump it whenever a parser change
// alters any extracted fact: the register then re-parses documents stored by an
// older version on the next ingest (unchanged files are otherwise skipped).
#pragma once

namespace cscwatch {
// 4: recommendations under "Priority and immediate action" alone
// 5: ParseEvidence filled for the completeness checks; a judgement table makes
//    a graded report whatever its title; trust titles give the body's name;
//    grade cells must sit right of their labels; unread table rows become
//    review items; a SIF report without a readable overall is kept and flagged.
// 6: improvement points whole (sub-items kept with their item, headings after
//    the list never points, the report's numbering and SIF sections kept).
// 7: SIF reports' context figures ("Information about this local authority
//    area"); no other fact changes.
// 8: stand-alone LSCB reviews read (kind lscb_review); a summary sentence's
//    subject is the services (Leicester 2021); unfinished items keep their
//    sub-items; counts glued to "children" and "open cases" read.
inline constexpr int kParserVersion = 8;
}
