// The LSCB judgement, printed as a sentence rather than a table row:
// "The Local Safeguarding Children Board is inadequate", "The effectiveness of
// the Local Safeguarding Children Board (LSCB) is / requires improvement",
// "The Local Safeguarding Children Board requires improvement" (Hull's appended
// pilot review, the stand-alone reviews of 2015-2017). The grade must end the
// sentence, so body text never matches.
#pragma once

#include <optional>

#include "domain/judgement.h"
#include "parse/document_lines.h"

namespace cscwatch::parse {

std::optional<Judgement> read_lscb_sentence(const DocumentLines& doc);

}  // namespace cscwatch::parse
