// Untrusted article input -> plain text: size limits, binary detection,
// encoding repair and HTML reduced to text (never rendered or executed).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"

namespace cscwatch::news {

// The one limit on a news article's size, in bytes, wherever it comes from:
// `cscwatch news FILE`, the form at /news and POST /api/news (the web server
// accepts a request body big enough for an article this size sent as a
// URL-encoded form). Documented in docs/limits.md.
inline constexpr std::size_t kMaxArticleBytes = 2 * 1024 * 1024;

struct ArticleText {
  std::string text;                 // paragraphs one per line, UTF-8, no markup
  bool was_html = false;
  std::string html_title;           // <title> or first <h1>, when the input was HTML
  std::optional<Date> meta_date;    // article:published_time, datePublished, <time datetime>
  std::string meta_date_source;
  std::vector<std::string> warnings;
};

// Fails with a clear message on empty, oversized, binary or letterless input.
Result<ArticleText> prepare_article_text(std::string_view raw);

// True when the input looks like HTML rather than plain text.
bool looks_like_html(std::string_view raw);

// HTML -> text: drops script/style/noscript/template/svg/iframe/head content,
// comments and every tag; block elements end a line; entities decoded. When the
// page has an <article> element only its content is kept.
std::string html_to_text(std::string_view html);

// Decodes HTML character references (&amp; &#8217; &#x2019; &rsquo; ...).
std::string decode_entities(std::string_view text);

}  // namespace cscwatch::news
