#include "news/article_address.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include "news/council_name_forms.h"

namespace cscwatch::news {

namespace {

// Words of one part of an address: letters and digits, lower case.
std::vector<std::string> address_words(std::string_view part) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : part) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Percent-escapes decoded (%E2%80%99 -> ’), '+' kept.
std::string decode_percent(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Longest runs of words that are exactly one authority's name form.
void match_words(const std::vector<std::string>& words, const AuthorityDirectory& directory, bool in_host,
                 std::vector<AddressMention>& out) {
  const auto& forms = directory.name_forms();
  std::unordered_map<std::string, const Authority*> by_form;
  for (const auto& [form, authority] : forms) by_form.emplace(form, authority);
  for (size_t i = 0; i < words.size();) {
    size_t matched = 0;
    for (size_t n = std::min<size_t>(6, words.size() - i); n >= 1 && !matched; --n) {
      std::string key, joined;
      for (size_t k = 0; k < n; ++k) {
        key += (k ? " " : "") + words[i + k];
        joined += words[i + k];
      }
      const Authority* a = nullptr;
      if (auto it = by_form.find(key); it != by_form.end()) a = it->second;
      if (!a && n == 1 && in_host) {
        // A site name is one word: "stockton", "westberks".
        auto r = directory.resolve(words[i], std::nullopt);
        if (r.by == AuthorityResolution::By::Name) a = r.authority;
      }
      if (a) {
        bool seen = false;
        for (const auto& m : out) seen = seen || m.authority == a;
        if (!seen) out.push_back({a, in_host, key});
        matched = n;
      }
    }
    i += matched ? matched : 1;
  }
}

}  // namespace

std::vector<AddressMention> authorities_in_address(std::string_view url, const AuthorityDirectory& directory) {
  std::vector<AddressMention> out;
  std::string u = decode_percent(url);
  std::string_view rest = u;
  if (auto p = rest.find("://"); p != std::string_view::npos) rest.remove_prefix(p + 3);
  size_t slash = rest.find('/');
  std::string_view host = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  // The council's own site, from the table of name forms: "committee.nottinghamcity.gov.uk".
  std::string host_lower;
  for (char c : host) host_lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (const auto& f : council_name_forms()) {
    if (f.kind != "site" || host_lower.size() < f.form.size()) continue;
    bool ends = host_lower.compare(host_lower.size() - f.form.size(), f.form.size(), f.form) == 0;
    bool whole = ends && (host_lower.size() == f.form.size() || host_lower[host_lower.size() - f.form.size() - 1] == '.');
    const Authority* a = whole ? directory.by_urn(f.authority_urn) : nullptr;
    if (a && std::none_of(out.begin(), out.end(), [&](const AddressMention& m) { return m.authority == a; }))
      out.push_back({a, true, f.form});
  }
  // The host's labels, each on its own: "moderngov.stockton.gov.uk".
  size_t pos = 0;
  while (pos <= host.size()) {
    size_t dot = host.find('.', pos);
    if (dot == std::string_view::npos) dot = host.size();
    auto words = address_words(host.substr(pos, dot - pos));
    match_words(words, directory, /*in_host=*/true, out);
    pos = dot + 1;
  }
  // The path's segments: slugs of several words.
  pos = 0;
  while (pos < path.size()) {
    size_t e = path.find_first_of("/?&=#", pos);
    if (e == std::string_view::npos) e = path.size();
    match_words(address_words(path.substr(pos, e - pos)), directory, /*in_host=*/false, out);
    pos = e + 1;
  }
  return out;
}

void add_address_mentions(ArticleReading& reading, const std::vector<AddressMention>& mentions) {
  for (const auto& m : mentions) {
    double weight = m.in_host ? 3 : 2;
    auto it = std::find_if(reading.authorities.begin(), reading.authorities.end(),
                           [&](const AuthorityMention& x) { return x.authority == m.authority; });
    if (it == reading.authorities.end()) {
      AuthorityMention am;
      am.authority = m.authority;
      reading.authorities.push_back(am);
      it = std::prev(reading.authorities.end());
    }
    it->weight += weight;
    it->in_address = true;
    std::string printed = "address: " + m.printed;
    if (std::find(it->printed.begin(), it->printed.end(), printed) == it->printed.end()) it->printed.push_back(printed);
  }
  std::stable_sort(reading.authorities.begin(), reading.authorities.end(),
                   [](const AuthorityMention& x, const AuthorityMention& y) {
                     if (x.authority->legacy != y.authority->legacy) return !x.authority->legacy;
                     return x.weight > y.weight;
                   });
}

}  // namespace cscwatch::news
