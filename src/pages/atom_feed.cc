#include "pages/atom_feed.h"

#include <openssl/sha.h>

#include <cstdint>

namespace cscwatch {

namespace {

// The namespace of cscwatch's name-based ids: itself a version 5 UUID of
// "cscwatch change log" in the URL namespace of RFC 4122. Fixed forever:
// changing it would change every entry id and make readers show old entries
// as new.
constexpr unsigned char kNamespace[16] = {0x3f, 0x1c, 0x8a, 0x52, 0x6e, 0x0b, 0x5d, 0x21,
                                          0x9a, 0x47, 0xc3, 0x18, 0x2e, 0x65, 0xd0, 0x9b};

// Appends one code point as UTF-8, unless XML 1.0 forbids it (Char production).
void append_xml_char(std::string& out, uint32_t cp) {
  bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                 (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
  if (!allowed) return;
  switch (cp) {
    case '&': out += "&amp;"; return;
    case '<': out += "&lt;"; return;
    case '>': out += "&gt;"; return;
    case '"': out += "&quot;"; return;
    case '\'': out += "&apos;"; return;
    default: break;
  }
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The code point starting at text[i] and its length; 0xFFFD and 1 for a byte
// that does not start a well-formed sequence (overlong forms and surrogates
// included).
std::pair<uint32_t, size_t> decode_utf8(std::string_view text, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return {c, 1};
  size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  if (len == 0 || (c >= 0xF0 && len != 4) || i + len > text.size()) return {0xFFFD, 1};
  uint32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return {0xFFFD, 1};
  return {cp, len};
}

// RFC 3339 of a change's date: midnight UTC of the day it happened.
std::string entry_updated(const ChangeEntry& e) {
  if (e.occurred.size() == 10) return e.occurred + "T00:00:00Z";
  return e.recorded_at;
}

void element(std::string& out, std::string_view name, std::string_view text) {
  out += "<";
  out += name;
  out += ">";
  out += xml_escape(text);
  out += "</";
  out += name;
  out += ">";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    auto [cp, len] = decode_utf8(text, i);
    append_xml_char(out, cp);
    i += len;
  }
  return out;
}

std::string name_based_urn(std::string_view name) {
  std::string input(reinterpret_cast<const char*>(kNamespace), sizeof kNamespace);
  input += name;
  unsigned char h[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(input.data()), input.size(), h);
  h[6] = static_cast<unsigned char>((h[6] & 0x0F) | 0x50);  // version 5
  h[8] = static_cast<unsigned char>((h[8] & 0x3F) | 0x80);  // RFC 4122 variant
  static const char* hex = "0123456789abcdef";
  std::string out = "urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(hex[h[i] >> 4]);
    out.push_back(hex[h[i] & 0xF]);
  }
  return out;
}

std::string render_atom_feed(const AtomFeed& feed, const std::vector<ChangeEntry>& entries) {
  std::string updated = feed.fallback_updated.empty() ? "1970-01-01T00:00:00Z" : feed.fallback_updated;
  if (!entries.empty()) {
    updated = entry_updated(entries.front());
    for (const auto& e : entries) updated = std::max(updated, entry_updated(e));
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">";
  element(out, "title", feed.title);
  element(out, "subtitle", "New reports and letters, grades, interventions and improvement boards, from cscwatch's register");
  element(out, "id", name_based_urn("feed:" + feed.key));
  element(out, "updated", updated);
  out += "<author><name>cscwatch</name></author>";
  out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(feed.self_path) + "\"/>";
  out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(feed.page_path) + "\"/>";
  element(out, "generator", "cscwatch");
  for (const auto& e : entries) {
    out += "\n<entry>";
    element(out, "title", change_kind_title(e.kind) + ": " + e.authority_name);
    element(out, "id", name_based_urn("change:" + e.key));
    element(out, "updated", entry_updated(e));
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(e.link) + "\"/>";
    out += "<category term=\"" + xml_escape(e.kind) + "\" label=\"" + xml_escape(change_kind_title(e.kind)) + "\"/>";
    element(out, "summary", e.summary);
    out += "</entry>";
  }
  out += "\n</feed>\n";
  return out;
}

}  // namespace cscwatch
