#include <cstdio>

#include "reader/pdf_reader.h"

int main(int argc, char** argv) {
  cscwatch::PdfReader reader;
  for (int i = 1; i < argc; ++i) {
    auto r = reader.read_file(argv[i]);
    if (!r) { std::printf("%s: %s\n", argv[i], r.error().c_str()); continue; }
    for (auto& p : r->pages) std::printf("=== page %d\n%s", p.number, p.text.c_str());
  }
}
