#include "fetch/report_listing.h"

#include <cctype>
#include <set>

namespace cscwatch {

namespace {

constexpr std::size_t kMaxPage = 8u << 20;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Text of an HTML fragment: tags dropped, common entities decoded, spaces collapsed.
std::string html_text(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == '<') {
      in_tag = true;
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (c == '&') {
      auto semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 8) {
        std::string entity(html.substr(i + 1, semi - i - 1));
        const char* decoded = entity == "amp" ? "&" : entity == "quot" ? "\"" : entity == "lt" ? "<"
                              : entity == "gt" ? ">" : (entity == "#39" || entity == "apos" || entity == "rsquo" ||
                                                        entity == "#8217") ? "'" : entity == "nbsp" ? " " : nullptr;
        if (decoded) {
          out += decoded;
          i = semi;
          continue;
        }
      }
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  return out;
}

std::string attribute(std::string_view tag, std::string_view name) {
  std::string low = lower(tag);
  std::string key = std::string(name) + "=";
  for (size_t at = low.find(key); at != std::string::npos; at = low.find(key, at + 1)) {
    if (at > 0 && !std::isspace(static_cast<unsigned char>(low[at - 1]))) continue;
    size_t v = at + key.size();
    if (v >= tag.size()) return {};
    char quote = tag[v];
    if (quote == '"' || quote == '\'') {
      size_t end = tag.find(quote, v + 1);
      return end == std::string_view::npos ? std::string{} : std::string(tag.substr(v + 1, end - v - 1));
    }
    size_t end = v;
    while (end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[end])) && tag[end] != '>') ++end;
    return std::string(tag.substr(v, end - v));
  }
  return {};
}

std::string origin_of(std::string_view site) {
  auto scheme = site.find("://");
  if (scheme == std::string_view::npos) return std::string(site);
  auto path = site.find('/', scheme + 3);
  return std::string(site.substr(0, path));
}

}  // namespace

std::optional<Date> find_long_date(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) || (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))))
      continue;
    size_t j = i;
    unsigned day = 0;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) && j - i < 2) day = day * 10 + (text[j++] - '0');
    if (j >= text.size() || text[j] != ' ') continue;
    size_t m = ++j;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    int month = month_from_name(text.substr(m, j - m));
    if (!month || j >= text.size() || text[j] != ' ') continue;
    size_t y = ++j;
    int year = 0;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])) && j - y < 4) year = year * 10 + (text[j++] - '0');
    if (j - y != 4) continue;
    Date d{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}, std::chrono::day{day}};
    if (d.ok()) return d;
  }
  return std::nullopt;
}

std::vector<ListedReport> parse_provider_page(std::string_view html, std::string_view site) {
  if (html.size() > kMaxPage) html = html.substr(0, kMaxPage);
  std::string low = lower(html);
  std::string origin = origin_of(site);
  std::vector<ListedReport> out;
  std::set<std::string> seen;
  for (size_t at = low.find("<a"); at != std::string::npos; at = low.find("<a", at + 2)) {
    size_t tag_end = low.find('>', at);
    if (tag_end == std::string::npos) break;
    std::string href = attribute(html.substr(at, tag_end - at), "href");
    if (href.find("/v1/file/") == std::string::npos) continue;
    size_t close = low.find("</a>", tag_end);
    if (close == std::string::npos) close = tag_end + 1;
    std::string title = html_text(html.substr(tag_end + 1, close - tag_end - 1));
    if (href.rfind("//", 0) == 0) href = "https:" + href;
    else if (href.rfind("/", 0) == 0) href = origin + href;
    if (!seen.insert(href).second) continue;
    ListedReport report{href, title, find_long_date(title)};
    // Dates printed beside the link rather than in it.
    if (!report.published) report.published = find_long_date(html_text(html.substr(close, 600)));
    out.push_back(std::move(report));
  }
  return out;
}

}  // namespace cscwatch
