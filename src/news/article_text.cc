#include "news/article_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <utility>

namespace cscwatch::news {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool iequals_at(std::string_view s, size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (lower(s[pos + i]) != word[i]) return false;
  return true;
}

size_t ifind(std::string_view s, std::string_view word, size_t from = 0) {
  if (word.empty() || s.size() < word.size()) return std::string_view::npos;
  for (size_t i = from; i + word.size() <= s.size(); ++i)
    if (iequals_at(s, i, word)) return i;
  return std::string_view::npos;
}

void append_utf8(std::string& out, uint32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;  // e.g. from "&#xD800;"
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

// Length of a valid UTF-8 sequence at i, 0 if invalid.
size_t utf8_length(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not
  // UTF-8 (RFC 3629); letting them through makes the JSON output invalid.
  auto c1 = n > 1 ? static_cast<unsigned char>(s[i + 1]) : 0;
  if (n == 2 && c < 0xC2) return 0;
  if (n == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))) return 0;
  if (n == 4 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90) || c > 0xF4)) return 0;
  return n;
}

// Windows-1252 for the bytes 0x80-0x9F that differ from Latin-1.
constexpr std::array<uint16_t, 32> kCp1252 = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Valid UTF-8 is kept; stray bytes are read as Windows-1252 (smart quotes in
// older web pages). Returns the number of repaired bytes.
size_t repair_utf8(std::string_view in, std::string& out) {
  size_t repaired = 0;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    size_t n = utf8_length(in, i);
    if (n > 0) {
      out.append(in.substr(i, n));
      i += n;
      continue;
    }
    auto c = static_cast<unsigned char>(in[i]);
    append_utf8(out, c >= 0x80 && c < 0xA0 ? kCp1252[c - 0x80] : c);
    ++repaired;
    ++i;
  }
  return repaired;
}

struct NamedEntity {
  std::string_view name;
  uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},       {"apos", '\''},
    {"nbsp", 0xA0},     {"rsquo", 0x2019},   {"lsquo", 0x2018},   {"rdquo", 0x201D},   {"ldquo", 0x201C},
    {"ndash", 0x2013},  {"mdash", 0x2014},   {"hellip", 0x2026},  {"pound", 0xA3},     {"euro", 0x20AC},
    {"eacute", 0xE9},   {"egrave", 0xE8},    {"aacute", 0xE1},    {"iacute", 0xED},    {"oacute", 0xF3},
    {"uacute", 0xFA},   {"ouml", 0xF6},      {"uuml", 0xFC},      {"auml", 0xE4},      {"ccedil", 0xE7},
    {"copy", 0xA9},     {"reg", 0xAE},       {"trade", 0x2122},   {"bull", 0x2022},    {"middot", 0xB7},
    {"sbquo", 0x201A},  {"bdquo", 0x201E},   {"laquo", 0xAB},     {"raquo", 0xBB},     {"shy", 0xAD},
    {"zwj", 0x200D},    {"zwnj", 0x200C},    {"thinsp", 0x2009},  {"ensp", 0x2002},    {"emsp", 0x2003},
    {"frac12", 0xBD},   {"deg", 0xB0},       {"times", 0xD7},     {"minus", 0x2212},   {"prime", 0x2032},
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Tidies text: CRLF -> LF, control characters dropped, runs of spaces
// collapsed, lines trimmed, empty lines dropped.
std::string tidy_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::string line;
  auto flush = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty()) {
      out += line;
      out.push_back('\n');
    }
    line.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      flush();
    } else if (c == ' ' || c == '\t') {
      if (!line.empty() && line.back() != ' ') line.push_back(' ');
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      continue;
    } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // NBSP
      if (!line.empty() && line.back() != ' ') line.push_back(' ');
      ++i;
    } else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
               (text[i + 2] == '\x8B' || text[i + 2] == '\x8C' || text[i + 2] == '\x8D')) {
      i += 2;  // zero-width space / joiners
    } else if (c == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBB' && text[i + 2] == '\xBF') {
      i += 2;  // BOM
    } else {
      line.push_back(c);
    }
  }
  flush();
  return out;
}

std::optional<Date> iso_prefix_date(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (is_space(s[i]) || s[i] == '"' || s[i] == '\'')) ++i;
  if (s.size() < i + 10) return std::nullopt;
  return parse_iso_date(s.substr(i, 10));
}

// The value of attribute `name` inside one tag's text.
std::string attribute(std::string_view tag, std::string_view name) {
  for (size_t p = ifind(tag, name); p != std::string_view::npos; p = ifind(tag, name, p + 1)) {
    if (p > 0 && !is_space(tag[p - 1])) continue;
    size_t q = p + name.size();
    while (q < tag.size() && is_space(tag[q])) ++q;
    if (q >= tag.size() || tag[q] != '=') continue;
    ++q;
    while (q < tag.size() && is_space(tag[q])) ++q;
    if (q >= tag.size()) return {};
    char quote = tag[q];
    if (quote == '"' || quote == '\'') {
      size_t e = tag.find(quote, q + 1);
      return std::string(tag.substr(q + 1, e == std::string_view::npos ? std::string_view::npos : e - q - 1));
    }
    size_t e = q;
    while (e < tag.size() && !is_space(tag[e]) && tag[e] != '>') ++e;
    return std::string(tag.substr(q, e - q));
  }
  return {};
}

// Publication date from page metadata, searched in the raw HTML (bounded).
void find_meta_date(std::string_view html, ArticleText& out) {
  // <meta property="article:published_time" content="2016-04-05T19:16:00Z">
  for (size_t p = ifind(html, "<meta"); p != std::string_view::npos; p = ifind(html, "<meta", p + 5)) {
    size_t e = html.find('>', p);
    if (e == std::string_view::npos) break;
    std::string_view tag = html.substr(p, e - p);
    std::string key = attribute(tag, "property");
    if (key.empty()) key = attribute(tag, "name");
    if (key.empty()) key = attribute(tag, "itemprop");
    for (char& c : key) c = lower(c);
    if (key == "article:published_time" || key == "datepublished" || key == "date" || key == "pubdate" ||
        key == "dc.date" || key == "dcterms.created" || key == "og:published_time" || key == "publish-date") {
      if (auto d = iso_prefix_date(attribute(tag, "content"))) {
        out.meta_date = d;
        out.meta_date_source = "html meta " + key;
        return;
      }
    }
  }
  // JSON-LD: "datePublished": "2022-02-11T..."
  size_t p = ifind(html, "\"datepublished\"");
  if (p != std::string_view::npos) {
    size_t colon = html.find(':', p + 15);
    if (colon != std::string_view::npos && colon < p + 40) {
      if (auto d = iso_prefix_date(html.substr(colon + 1, 40))) {
        out.meta_date = d;
        out.meta_date_source = "json-ld datePublished";
        return;
      }
    }
  }
  // <time datetime="2016-04-05">
  p = ifind(html, "<time");
  if (p != std::string_view::npos) {
    size_t e = html.find('>', p);
    if (e != std::string_view::npos) {
      if (auto d = iso_prefix_date(attribute(html.substr(p, e - p), "datetime"))) {
        out.meta_date = d;
        out.meta_date_source = "html <time datetime>";
      }
    }
  }
}

bool is_block_tag(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",      "div",     "br",     "h1",   "h2",       "h3",     "h4",     "h5",      "h6",   "li",
      "ul",     "ol",      "tr",     "td",   "th",       "table",  "section", "article", "header", "footer",
      "blockquote", "figcaption", "figure", "aside", "nav", "main", "hr", "dd", "dt", "pre", "caption", "form"};
  for (auto b : kBlocks)
    if (name == b) return true;
  return false;
}

// Elements whose content is never text for the reader.
bool is_skipped_element(std::string_view name) {
  static constexpr std::string_view kSkipped[] = {"script", "style",  "noscript", "template", "svg",
                                                   "iframe", "object", "head",     "math",     "canvas",
                                                   "select", "button", "textarea", "video",    "audio"};
  for (auto s : kSkipped)
    if (name == s) return true;
  return false;
}

std::string title_of(std::string_view html) {
  for (std::string_view tag : {"<title", "<h1"}) {
    size_t p = ifind(html, tag);
    if (p == std::string_view::npos) continue;
    size_t s = html.find('>', p);
    if (s == std::string_view::npos) continue;
    size_t e = ifind(html, std::string("</") + std::string(tag.substr(1)), s);
    if (e == std::string_view::npos || e - s > 2000) continue;
    std::string inner = html_to_text(html.substr(s + 1, e - s - 1));
    std::string t = tidy_lines(decode_entities(inner));
    std::replace(t.begin(), t.end(), '\n', ' ');
    while (!t.empty() && t.back() == ' ') t.pop_back();
    if (!t.empty()) return t;
  }
  return {};
}

}  // namespace

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out.push_back(text[i]);
      continue;
    }
    size_t semi = text.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back('&');
      continue;
    }
    std::string_view ref = text.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    bool ok = false;
    if (!ref.empty() && ref[0] == '#') {
      bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      size_t k = hex ? 2 : 1;
      ok = k < ref.size();
      for (; k < ref.size() && ok; ++k) {
        char c = ref[k];
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : (hex && std::isxdigit(static_cast<unsigned char>(c))) ? lower(c) - 'a' + 10
                                                                        : -1;
        if (d < 0) ok = false;
        else cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        if (cp > 0x10FFFF) ok = false;
      }
      if (ok && (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))) cp = 0xFFFD;
      if (ok && cp >= 0x80 && cp < 0xA0) cp = kCp1252[cp - 0x80];  // &#146; in old pages
    } else {
      for (const auto& e : kEntities)
        if (ref == e.name) {
          cp = e.cp;
          ok = true;
          break;
        }
    }
    if (!ok) {
      out.push_back('&');
      continue;
    }
    if (cp == 0xAD) {  // soft hyphen: invisible
      i = semi;
      continue;
    }
    if (cp < 0x20 && cp != '\n' && cp != '\t') cp = ' ';
    append_utf8(out, cp);
    i = semi;
  }
  return out;
}

bool looks_like_html(std::string_view raw) {
  std::string_view head = raw.substr(0, 4096);
  size_t i = 0;
  while (i < head.size() && is_space(head[i])) ++i;
  if (i < head.size() && head[i] == '<') {
    if (iequals_at(head, i, "<!doctype") || iequals_at(head, i, "<html") || iequals_at(head, i, "<head") ||
        iequals_at(head, i, "<body") || iequals_at(head, i, "<?xml") || iequals_at(head, i, "<!--") ||
        iequals_at(head, i, "<div") || iequals_at(head, i, "<p") || iequals_at(head, i, "<article") ||
        iequals_at(head, i, "<meta") || iequals_at(head, i, "<h1") || iequals_at(head, i, "<script"))
      return true;
  }
  // Plain text that contains a handful of well-formed tags.
  int tags = 0;
  for (std::string_view t : {"<p>", "<p ", "<br", "<div", "</p>", "</div>", "<script", "<a href", "<span"})
    if (ifind(head, t) != std::string_view::npos) ++tags;
  return tags >= 2;
}

std::string html_to_text(std::string_view html) {
  // Keep only the (first, non-trivial) <article> element when there is one.
  size_t a = ifind(html, "<article");
  if (a != std::string_view::npos) {
    size_t e = ifind(html, "</article>", a);
    if (e != std::string_view::npos && e - a > 200) html = html.substr(a, e + 10 - a);
  }
  std::string out;
  out.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c != '<') {
      out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
      ++i;
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      size_t e = html.find("-->", i + 4);
      i = e == std::string_view::npos ? html.size() : e + 3;
      continue;
    }
    if (html.substr(i, 9) == "<![CDATA[") {
      size_t e = html.find("]]>", i + 9);
      i = e == std::string_view::npos ? html.size() : e + 3;
      continue;
    }
    // A tag: read its name. A '<' not followed by a name is text.
    size_t j = i + 1;
    bool closing = j < html.size() && html[j] == '/';
    if (closing) ++j;
    size_t name_start = j;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-' || html[j] == ':'))
      ++j;
    bool special = j < html.size() && (html[j] == '!' || html[j] == '?') && j == name_start;
    if (j == name_start && !special) {
      out.push_back('<');
      ++i;
      continue;
    }
    std::string name;
    for (size_t k = name_start; k < j; ++k) name.push_back(lower(html[k]));
    // End of the tag, skipping quoted attribute values.
    size_t k = j;
    char quote = 0;
    while (k < html.size()) {
      char ch = html[k];
      if (quote) {
        if (ch == quote) quote = 0;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '>') {
        break;
      }
      ++k;
    }
    if (k >= html.size()) break;  // unterminated tag: drop the rest
    bool self_closing = k > i && html[k - 1] == '/';
    i = k + 1;
    if (!closing && !self_closing && is_skipped_element(name)) {
      // Skip to the matching close tag (no nesting for these elements).
      std::string close = "</" + name;
      size_t e = ifind(html, close, i);
      if (e == std::string_view::npos) {
        i = html.size();
      } else {
        size_t gt = html.find('>', e);
        i = gt == std::string_view::npos ? html.size() : gt + 1;
      }
      continue;
    }
    if (is_block_tag(name)) out.push_back('\n');
    else if (name == "img" || name == "input") out.push_back(' ');
  }
  return out;
}

Result<ArticleText> prepare_article_text(std::string_view raw) {
  if (raw.size() > kMaxArticleBytes)
    return Error{"article too large: " + std::to_string(raw.size()) + " bytes (limit " +
                 std::to_string(kMaxArticleBytes) + ")"};
  size_t start = 0;
  while (start < raw.size() && is_space(raw[start])) ++start;
  if (start == raw.size()) return Error{"empty article: no text to read"};
  // Binary: NUL bytes, known binary signatures, or many control characters.
  std::string_view head = raw.substr(start, 8);
  if (head.substr(0, 5) == "%PDF-") return Error{"binary input: this is a PDF, not an article (ingest it instead)"};
  if (head.substr(0, 4) == "PK\x03\x04" || head.substr(0, 4) == "\x89PNG" || head.substr(0, 3) == "\xFF\xD8\xFF" ||
      head.substr(0, 4) == "GIF8" || head.substr(0, 2) == "\x1F\x8B" || head.substr(0, 4) == "\x7F" "ELF")
    return Error{"binary input: not a text or HTML article"};
  size_t controls = 0;
  for (char c : raw) {
    auto u = static_cast<unsigned char>(c);
    if (u == 0) return Error{"binary input: the file contains NUL bytes (not a text or HTML article)"};
    if (u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (controls * 100 > raw.size()) return Error{"binary input: too many control characters for a text article"};

  ArticleText out;
  std::string utf8;
  size_t repaired = repair_utf8(raw, utf8);
  if (repaired * 20 > raw.size()) return Error{"binary input: the file is not readable text"};
  if (repaired > 0) out.warnings.push_back("input was not valid UTF-8; " + std::to_string(repaired) +
                                           " bytes read as Windows-1252");
  if (looks_like_html(utf8)) {
    out.was_html = true;
    find_meta_date(utf8, out);
    out.html_title = title_of(utf8);
    out.text = tidy_lines(decode_entities(html_to_text(utf8)));
    // Lead with the headline when the body does not already start with it.
    if (!out.html_title.empty() && out.text.rfind(out.html_title, 0) != 0) out.text = out.html_title + "\n" + out.text;
  } else {
    out.text = tidy_lines(utf8);
  }
  size_t letters = 0;
  for (char c : out.text)
    if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
  if (letters < 20) return Error{"no article text: fewer than 20 letters after reading the input"};
  return out;
}

}  // namespace cscwatch::news
