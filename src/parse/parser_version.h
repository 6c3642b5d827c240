// The version of what the parsers extract. Bump it whenever a parser change
// alters any extracted fact: the register then re-parses documents stored by an
// older version on the next ingest (unchanged files are otherwise skipped).
#pragma once

namespace cscwatch {
inline constexpr int kParserVersion = 4;  // 4: recommendations under "Priority and immediate action" alone
}
