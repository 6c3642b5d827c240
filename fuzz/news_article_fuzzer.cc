// libFuzzer target: arbitrary bytes as a news article (text or HTML) against
// an in-memory register holding a few authorities and no reports. Reading,
// attribution and linking must return JSON or a clear error, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "news/article_analysis.h"
#include "store/register.h"

namespace {

cscwatch::Register& register_with_authorities() {
  static cscwatch::Register reg = [] {
    auto r = cscwatch::Register::open(":memory:");
    if (!r) __builtin_trap();
    std::vector<cscwatch::Authority> authorities;
    for (auto [urn, code, name] : {std::tuple{"80464", "332", "Dudley"},
                                   std::tuple{"2532287", "839", "Bournemouth, Christchurch and Poole"},
                                   std::tuple{"80481", "383", "Leeds"}, std::tuple{"80500", "311", "Havering"}}) {
      cscwatch::Authority a;
      a.urn = urn;
      a.la_code = code;
      a.name = name;
      a.slug = cscwatch::slugify(name);
      authorities.push_back(a);
    }
    authorities[1].also_known_as = {"BCP"};
    if (!r->load_authorities(authorities)) __builtin_trap();
    return std::move(*r);
  }();
  return reg;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto result = cscwatch::analyse_article(register_with_authorities().connection(),
                                          std::string_view(reinterpret_cast<const char*>(data), size));
  if (result) (void)result->dump();  // throws (and so fails) unless every string is valid UTF-8
  return 0;
}
