#include "http/static_assets.h"

namespace cscwatch {

const EmbeddedAsset* find_asset(std::string_view name) {
  for (const auto& a : embedded_assets())
    if (a.name == name) return &a;
  return nullptr;
}

WebResponse static_asset(const WebRequest& request) {
  const std::string& name = request.path_args.at(0);
  const EmbeddedAsset* a = find_asset(name);
  if (!a) throw NotFound("no such asset");
  WebResponse r;
  r.content_type = std::string(a->content_type);
  r.body = std::string(a->data);
  return r;
}

}  // namespace cscwatch
