// Registers made by hand, for what the corpus does not hold (a reorganised
// county, the April 2026 framework, hostile text, a document flagged for
// review): a register of the test's own authorities, and documents written
// field by field and stored with Register::store.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "domain/authority.h"
#include "domain/date.h"
#include "domain/grade.h"
#include "domain/result.h"
#include "reader/page.h"
#include "store/register.h"

namespace cscwatch::testing {

// An authority of the test's own (no ONS code, region or neighbours until set).
inline Authority synthetic_authority(std::string urn, std::string la_code, std::string name, std::string slug) {
  Authority a;
  a.urn = std::move(urn);
  a.la_code = std::move(la_code);
  a.name = std::move(name);
  a.slug = std::move(slug);
  return a;
}

// Opens (creating) the register at `path` and loads `authorities` into it.
inline Result<Register> open_register_with(const std::string& path, const std::vector<Authority>& authorities) {
  auto reg = Register::open(path);
  if (!reg) return reg;
  auto loaded = reg->load_authorities(authorities);
  if (!loaded) return Error{loaded.error()};
  return reg;
}

// A document for `urn` stored from /tmp/<file>: its framework and inspection
// type follow `kind`, its pages hold `page_texts`, its PDF is a stand-in, its
// lead inspector is Jane Inspector and it has no judgements until judge()
// adds them. `d` is what Register::store takes; it points into the object,
// which therefore stays where it is made.
struct SyntheticDocument {
  std::string pdf = "%PDF-1.4 not really";
  std::vector<Page> pages;
  DocumentToStore d;

  SyntheticDocument(const std::string& urn, const std::string& file, DocumentKind kind, const char* start,
                    const char* end, const std::vector<std::string>& page_texts) {
    for (size_t i = 0; i < page_texts.size(); ++i) pages.push_back(Page{static_cast<int>(i + 1), page_texts[i], {}});
    d.path = "/tmp/" + file;
    d.file_name = file;
    d.sha256 = std::string(64, 'f');
    d.pdf_bytes = &pdf;
    d.pages = &pages;
    d.authority_urn = urn;
    d.record.kind = kind;
    d.record.framework = kind == DocumentKind::SifReport ? Framework::Sif : Framework::Ilacs;
    d.record.type = kind == DocumentKind::SifReport ? InspectionType::Full : InspectionType::Standard;
    d.record.authority_printed = {"Authority " + urn, 1};
    d.record.start = Sourced<Date>{*parse_iso_date(start), 1};
    d.record.end = Sourced<Date>{*parse_iso_date(end), 1};
    d.record.lead_inspector = Sourced<std::string>{"Jane Inspector", 1};
  }
  SyntheticDocument(const SyntheticDocument&) = delete;
  SyntheticDocument& operator=(const SyntheticDocument&) = delete;

  // A judgement printed with the area's and the grade's own labels on `page`.
  SyntheticDocument& judge(JudgementArea area, Grade grade, int page = 1) {
    d.record.judgements.push_back({area, grade, std::string(label(area)), std::string(label(grade)), page});
    return *this;
  }
};

}  // namespace cscwatch::testing
