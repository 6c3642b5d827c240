// How an intervention's source shows on a page: a link titled with the
// source's own headline and dated, so a reader sees what the fact rests on
// before following it; a citation a person typed stays plain text.
#pragma once

#include <string>

#include "domain/improvement_records.h"

namespace cscwatch {

// "Source: <a href=…>Title</a> (5 April 2016)", escaped; empty when the
// record names no source.
std::string intervention_source_html(const Intervention& intervention);

}  // namespace cscwatch
