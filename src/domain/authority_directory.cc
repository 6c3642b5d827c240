#include "domain/authority_directory.h"

#include <algorithm>
#include <cctype>

namespace cscwatch {

namespace {

// Words around a name that say what kind of council it is, not which one.
constexpr std::string_view kPrefixes[] = {
    "the ",      "council of the ",          "council of ",       "london borough of ",
    "royal borough of ", "metropolitan borough of ",
    "borough of ", "city and county of ",    "county of ",        "city of ",
};
constexpr std::string_view kSuffixes[] = {
    " metropolitan borough council", " metropolitan district council", " borough council",
    " county borough council",       " county council",                " city council",
    " district council",             " unitary authority",             " metropolitan council",
    " corporation",
    " council",
    " local authority",              " childrens services",            " children s services",
    " metropolitan borough",         " borough",                       " city",
    " county",                       " city of",                       " county of",
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Every shorter form of a normalised name, stripping one title word at a time.
std::vector<std::string> reductions(const std::string& name) {
  std::vector<std::string> out{name};
  for (size_t i = 0; i < out.size() && out.size() < 64; ++i) {
    std::string s = out[i];
    for (auto p : kPrefixes)
      if (starts_with(s, p) && s.size() > p.size()) out.push_back(s.substr(p.size()));
    for (auto x : kSuffixes)
      if (ends_with(s, x) && s.size() > x.size()) out.push_back(s.substr(0, s.size() - x.size()));
  }
  return out;
}

}  // namespace

std::string AuthorityDirectory::normalise(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '&') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      out += "and ";
    } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      // UTF-8 punctuation (curly quotes, dashes): a separator, except apostrophes.
      auto c3 = static_cast<unsigned char>(text[i + 2]);
      if (c3 != 0x99 && !out.empty() && out.back() != ' ') out.push_back(' ');
      i += 2;
    } else if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == '\'' || c == '.') {
      continue;  // "St. Helens" -> "st helens", "children's" -> "childrens"
    } else if (c >= 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void AuthorityDirectory::add_form(const std::string& form, size_t index) {
  if (form.empty()) return;
  auto [it, inserted] = by_form_.emplace(form, index);
  if (!inserted && it->second != index) {
    // Two authorities share a form: prefer the current one over a legacy one.
    if (authorities_[it->second].legacy && !authorities_[index].legacy) it->second = index;
  }
}

AuthorityDirectory::AuthorityDirectory(std::vector<Authority> authorities) : authorities_(std::move(authorities)) {
  for (size_t i = 0; i < authorities_.size(); ++i) {
    const Authority& a = authorities_[i];
    std::vector<std::string> names{a.name};
    names.insert(names.end(), a.also_known_as.begin(), a.also_known_as.end());
    for (const auto& n : names) {
      std::string norm = normalise(n);
      // "Bristol, City of" is also printed "City of Bristol" and "Bristol".
      for (std::string_view tail : {" city of", " county of"}) {
        if (ends_with(norm, tail)) {
          std::string base = norm.substr(0, norm.size() - tail.size());
          add_form(base, i);
          add_form(std::string(tail.substr(1)) + " " + base, i);
        }
      }
      add_form(norm, i);
      if (starts_with(norm, "st ")) add_form("saint " + norm.substr(3), i);
      if (norm == "durham") add_form("county durham", i);
      if (ends_with(norm, " borough")) add_form(norm.substr(0, norm.size() - 8), i);
    }
  }
  for (const auto& [form, index] : by_form_) forms_.emplace_back(form, &authorities_[index]);
  std::sort(forms_.begin(), forms_.end(), [](const auto& x, const auto& y) {
    return x.first.size() != y.first.size() ? x.first.size() > y.first.size() : x.first < y.first;
  });
}

const Authority* AuthorityDirectory::by_urn(std::string_view urn) const {
  for (const auto& a : authorities_)
    if (a.urn == urn) return &a;
  return nullptr;
}

const Authority* AuthorityDirectory::by_la_code(std::string_view code) const {
  for (const auto& a : authorities_)
    if (a.la_code == code) return &a;
  return nullptr;
}

const Authority* AuthorityDirectory::by_slug(std::string_view slug) const {
  for (const auto& a : authorities_)
    if (a.slug == slug) return &a;
  return nullptr;
}

const Authority* AuthorityDirectory::resolve_name(std::string_view printed) const {
  std::string norm = normalise(printed.substr(0, 300));
  auto forms = reductions(norm);
  for (const auto& form : forms) {
    auto it = by_form_.find(form);
    if (it != by_form_.end()) return &authorities_[it->second];
  }
  // A shortened name ("East Riding", "Newcastle"): the first words of exactly
  // one authority's name.
  for (const auto& form : forms) {
    if (form.size() < 4) continue;
    const Authority* only = nullptr;
    bool ambiguous = false;
    for (const auto& [known, authority] : forms_) {
      if (known.size() > form.size() && starts_with(known, form) && known[form.size()] == ' ') {
        if (only && only != authority) ambiguous = true;
        only = authority;
      }
    }
    if (only && !ambiguous) return only;
  }
  return nullptr;
}

Result<const Authority*> AuthorityDirectory::find(std::string_view query) const {
  std::string q(query.substr(0, 300));
  while (!q.empty() && std::isspace(static_cast<unsigned char>(q.back()))) q.pop_back();
  while (!q.empty() && std::isspace(static_cast<unsigned char>(q.front()))) q.erase(q.begin());
  if (q.empty()) return Error{"no authority given"};
  std::string upper;
  for (char c : q) upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  for (const auto& a : authorities_) {
    if (a.urn == q || a.la_code == q || (!a.ons_code.empty() && a.ons_code == upper) || a.slug == q) return &a;
  }
  if (const Authority* a = resolve_name(q)) return a;
  if (const Authority* a = by_slug(slugify(q))) return a;
  // Any part of a name, if it picks out one authority.
  std::string norm = normalise(q);
  std::vector<const Authority*> hits;
  for (const auto& a : authorities_) {
    if (normalise(a.name).find(norm) != std::string::npos) hits.push_back(&a);
  }
  if (hits.size() == 1) return hits.front();
  if (hits.empty()) return Error{"no authority matches '" + q + "' (try a name, slug, URN, DfE code or ONS code)"};
  std::string names;
  for (size_t i = 0; i < hits.size() && i < 8; ++i) names += (i ? ", " : "") + hits[i]->name;
  if (hits.size() > 8) names += ", ...";
  return Error{"'" + q + "' matches " + std::to_string(hits.size()) + " authorities: " + names};
}

}  // namespace cscwatch
