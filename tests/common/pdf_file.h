// Assembles a PDF file from its objects (numbered 1..n in order, object 1 the
// catalog) with a correct cross-reference table, for tests that need
// documents the corpus does not have.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace cscwatch::testing {

inline std::string assemble_pdf(const std::vector<std::string>& objects, std::string_view header = "%PDF-1.4\n") {
  std::string pdf(header);
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace cscwatch::testing
