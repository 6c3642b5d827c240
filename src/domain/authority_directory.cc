#include "domain/authority_directory.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace cscwatch {

namespace {

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

// Words that say what kind of council (or what part of it) is meant, not
// which place: dropped wherever they stand.
const std::set<std::string, std::less<>>& designator_words() {
  static const std::set<std::string, std::less<>> words{
      "the",     "of",          "and",     "council",    "borough", "metropolitan", "district", "county", "city",
      "royal",   "corporation", "unitary", "authority",  "local",   "childrens",    "children", "s",      "services",
      "service", "social",      "care",    "inspection", "in",      "mbc",          "lbc",      "cc",     "bc"};
  return words;
}

std::string set_key(std::vector<std::string> tokens) {
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  std::string key;
  for (const auto& t : tokens) key += (key.empty() ? "" : " ") + t;
  return key;
}

std::string join_words(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) out += (out.empty() ? "" : " ") + t;
  return out;
}

// A delivery body's name as words: every word counts ("Together for
// Children"), only spelling is evened out.
std::vector<std::string> body_tokens(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : split_words(AuthorityDirectory::normalise(text))) {
    if (w == "the") continue;
    if (w == "childrens") w = "children";
    if (w == "saint") w = "st";
    out.push_back(std::move(w));
  }
  return out;
}

std::string list_names(const std::vector<const Authority*>& authorities) {
  std::string out;
  for (size_t i = 0; i < authorities.size(); ++i)
    out += (i == 0 ? "" : i + 1 == authorities.size() ? " and " : ", ") + authorities[i]->name;
  return out;
}

// Adds i to v unless it is there already (first-found order kept).
void add_unique(std::vector<size_t>& v, size_t i) {
  if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
}

// Days from a delivery body's period to the day; 0 inside it.
int days_outside(const DeliveryBody& row, const Date& day) {
  if (auto s = row.start(); s && day < *s) return days_between(day, *s);
  if (auto e = row.end(); e && *e < day) return days_between(*e, day);
  return 0;
}

}  // namespace

std::vector<std::string> AuthorityDirectory::place_tokens(std::string_view printed) {
  auto words = split_words(normalise(printed.substr(0, 300)));
  const auto& drop = designator_words();
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string& w = words[i];
    if (w == "saint") w = "st";
    if (w == "london" && i + 1 < words.size() && words[i + 1] == "borough") continue;
    if (drop.count(w)) continue;
    out.push_back(std::move(w));
  }
  return out;
}

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
  for (size_t i = 0; i < authorities_.size(); ++i) {
    const Authority& a = authorities_[i];
    std::vector<std::string> names{a.name};
    names.insert(names.end(), a.also_known_as.begin(), a.also_known_as.end());
    for (const auto& n : names) {
      auto tokens = place_tokens(n);
      if (tokens.empty()) continue;
      std::string key = set_key(tokens);
      auto& indices = by_set_key_[key];
      if (std::find(indices.begin(), indices.end(), i) == indices.end()) indices.push_back(i);
      keys_.push_back({std::move(tokens), std::move(key), i});
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
  return resolve(printed, std::nullopt).authority;
}

AuthorityResolution AuthorityDirectory::resolve(std::string_view printed, std::optional<Date> on) const {
  printed = printed.substr(0, 300);
  auto tokens = place_tokens(printed);
  if (auto by_body = resolve_by_body(printed, tokens, on)) return std::move(*by_body);
  auto r = resolve_by_name(tokens);
  if (r.by == AuthorityResolution::By::NotFound && r.note.empty())
    r.note = "no authority is called '" + std::string(printed) + "'";
  return r;
}

AuthorityResolution AuthorityDirectory::resolve_by_name(const std::vector<std::string>& tokens) const {
  if (tokens.empty()) {
    AuthorityResolution r;
    r.note = "no place name among the words printed";
    return r;
  }
  const std::string words = join_words(tokens);

  // 1. The same place words, in any order.
  if (auto it = by_set_key_.find(set_key(tokens)); it != by_set_key_.end()) {
    if (it->second.size() == 1)
      return named(it->second.front(), "name '" + words + "' is " + authorities_[it->second.front()].name);
    return tied(it->second, "'" + words + "' is the name of several authorities");
  }
  // 2. A shortened name.
  if (auto by_prefix = resolve_by_prefix(tokens, words)) return std::move(*by_prefix);
  // 3. A whole name among other words.
  return resolve_within_words(tokens, words);
}

AuthorityResolution AuthorityDirectory::named(size_t index, std::string note) const {
  AuthorityResolution r;
  r.authority = &authorities_[index];
  r.by = AuthorityResolution::By::Name;
  r.note = std::move(note);
  return r;
}

AuthorityResolution AuthorityDirectory::tied(const std::vector<size_t>& indices, const std::string& why) const {
  AuthorityResolution r;
  r.by = AuthorityResolution::By::Ambiguous;
  for (size_t i : indices) r.candidates.push_back(&authorities_[i]);
  r.note = why + ": " + list_names(r.candidates);
  return r;
}

// A shortened name ("East Riding", "Newcastle"): the first words of exactly
// one authority's name. nullopt when no name begins so (or the words are too
// short to be a shortened name).
std::optional<AuthorityResolution> AuthorityDirectory::resolve_by_prefix(const std::vector<std::string>& tokens,
                                                                         const std::string& words) const {
  if (words.size() < 4) return std::nullopt;
  std::vector<size_t> hits;
  for (const auto& key : keys_) {
    if (key.tokens.size() > tokens.size() && std::equal(tokens.begin(), tokens.end(), key.tokens.begin()))
      add_unique(hits, key.index);
  }
  if (hits.size() == 1)
    return named(hits.front(), "'" + words + "' begins the name of " + authorities_[hits.front()].name);
  if (hits.size() > 1) return tied(hits, "'" + words + "' begins the names of several authorities");
  return std::nullopt;
}

// Every place where an authority's whole name stands among the tokens.
std::vector<AuthorityDirectory::NameSpan> AuthorityDirectory::name_spans(const std::vector<std::string>& tokens) const {
  std::vector<NameSpan> hits;
  for (const auto& key : keys_) {
    const size_t n = key.tokens.size();
    for (size_t s = 0; s + n <= tokens.size(); ++s)
      if (std::equal(key.tokens.begin(), key.tokens.end(), tokens.begin() + static_cast<std::ptrdiff_t>(s)))
        hits.push_back({key.index, s, n});
  }
  return hits;
}

// One authority's whole name among other words ("Dudley Partnership");
// every other name found must lie within it ("Northamptonshire" within
// "North Northamptonshire"), else it is ambiguous.
AuthorityResolution AuthorityDirectory::resolve_within_words(const std::vector<std::string>& tokens,
                                                             const std::string& words) const {
  const std::vector<NameSpan> hits = name_spans(tokens);
  if (hits.empty()) return {};
  size_t longest = 0;
  for (const auto& h : hits) longest = std::max(longest, h.length);
  std::vector<size_t> best;
  for (const auto& h : hits)
    if (h.length == longest) add_unique(best, h.index);
  if (best.size() > 1) return tied(best, "'" + words + "' names several authorities");
  std::vector<const NameSpan*> spans;
  for (const auto& h : hits)
    if (h.index == best.front() && h.length == longest) spans.push_back(&h);
  std::vector<size_t> others;
  for (const auto& h : hits) {
    bool inside = std::any_of(spans.begin(), spans.end(), [&](const NameSpan* s) {
      return h.start >= s->start && h.start + h.length <= s->start + s->length;
    });
    if (!inside) add_unique(others, h.index);
  }
  if (!others.empty()) {
    add_unique(others, best.front());
    return tied(others, "'" + words + "' names several authorities");
  }
  std::vector<std::string> ignored;
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool covered = std::any_of(spans.begin(), spans.end(),
                               [&](const NameSpan* s) { return i >= s->start && i < s->start + s->length; });
    if (!covered) ignored.push_back(tokens[i]);
  }
  if (ignored.size() > 5) {
    AuthorityResolution r;
    r.note = "'" + words + "' holds " + authorities_[best.front()].name + " among too many other words";
    return r;
  }
  return named(best.front(), "found " + authorities_[best.front()].name + " in '" + words +
                                 "', other words ignored: '" + join_words(ignored) + "'");
}

std::optional<AuthorityResolution> AuthorityDirectory::resolve_by_body(std::string_view printed,
                                                                       const std::vector<std::string>& tokens,
                                                                       std::optional<Date> on) const {
  const BodyMatch match = match_delivery_bodies(printed);
  if (!match.matched) return std::nullopt;
  const auto& candidates = match.candidates;
  if (candidates.empty()) {
    AuthorityResolution r;
    r.note = "'" + std::string(printed) + "' is a delivery body but no authority it serves is in the directory";
    return r;
  }
  const std::vector<BodyCandidate> named = named_with_body(match, tokens);
  if (!named.empty()) {
    if (authorities_of(named).size() == 1) return delivered_by(named, "named in '" + std::string(printed) + "'", on);
    return body_tie(named, ", and more than one of them is named");
  }
  if (authorities_of(candidates).size() == 1) return delivered_by(candidates, "", on);
  if (!on) return body_tie(candidates, "; the printed name does not say which, and no date was given");
  return resolve_body_by_date(candidates, *on);
}

// Each delivery body with a name wholly among the printed words (its first
// such name), and its row's authority if the directory has it.
AuthorityDirectory::BodyMatch AuthorityDirectory::match_delivery_bodies(std::string_view printed) const {
  auto printed_words = body_tokens(printed);
  std::set<std::string, std::less<>> printed_set(printed_words.begin(), printed_words.end());
  BodyMatch match;
  for (const auto& row : known_delivery_bodies()) {
    for (auto name : row.names) {
      if (name.empty()) continue;
      auto words = body_tokens(name);
      if (words.empty() ||
          !std::all_of(words.begin(), words.end(), [&](const auto& w) { return printed_set.count(w); }))
        continue;
      match.matched = true;
      match.words.insert(words.begin(), words.end());
      if (const Authority* a = by_urn(row.urn))
        match.candidates.push_back({&row, static_cast<size_t>(a - authorities_.data())});
      break;
    }
  }
  return match;
}

// The candidates whose authority is named by the other words printed with the
// body: all its place words printed, at least one of them not part of the
// body's name.
std::vector<AuthorityDirectory::BodyCandidate> AuthorityDirectory::named_with_body(
    const BodyMatch& match, const std::vector<std::string>& tokens) const {
  std::set<std::string, std::less<>> place(tokens.begin(), tokens.end());
  std::vector<BodyCandidate> named;
  for (const auto& c : match.candidates) {
    for (const auto& key : keys_) {
      if (key.index != c.index) continue;
      bool all = std::all_of(key.tokens.begin(), key.tokens.end(), [&](const auto& t) { return place.count(t); });
      bool own =
          std::any_of(key.tokens.begin(), key.tokens.end(), [&](const auto& t) { return !match.words.count(t); });
      if (all && own) {
        named.push_back(c);
        break;
      }
    }
  }
  return named;
}

std::vector<const Authority*> AuthorityDirectory::authorities_of(const std::vector<BodyCandidate>& candidates) const {
  std::vector<const Authority*> out;
  for (const auto& c : candidates)
    if (std::find(out.begin(), out.end(), &authorities_[c.index]) == out.end()) out.push_back(&authorities_[c.index]);
  return out;
}

// Resolved to the authority of one authority's rows: among them the one
// covering the date, else the nearest.
AuthorityResolution AuthorityDirectory::delivered_by(const std::vector<BodyCandidate>& rows, const std::string& how,
                                                     std::optional<Date> on) const {
  const BodyCandidate* pick = &rows.front();
  if (on) {
    for (const auto& c : rows)
      if (days_outside(*c.row, *on) < days_outside(*pick->row, *on)) pick = &c;
  }
  const Authority& a = authorities_[pick->index];
  AuthorityResolution r;
  r.authority = &a;
  r.by = AuthorityResolution::By::DeliveryBody;
  r.delivery_body = pick->row;
  r.note =
      std::string(pick->row->name()) + " delivers " + a.name + "'s children's services (" + pick->row->period() + ")";
  if (!how.empty()) r.note += "; " + how;
  if (on && !pick->row->covers(*on)) {
    r.outside_dates = true;
    r.note += "; but " + to_long_form(*on) + " is outside that period";
  } else if (!on) {
    r.note += "; no date given to check";
  }
  return r;
}

AuthorityResolution AuthorityDirectory::body_tie(const std::vector<BodyCandidate>& candidates,
                                                 const std::string& why) const {
  AuthorityResolution r;
  r.by = AuthorityResolution::By::Ambiguous;
  r.candidates = authorities_of(candidates);
  r.note = std::string(candidates.front().row->name()) + " serves " + list_names(r.candidates) + why;
  return r;
}

// A body serving several authorities, none named: the one it served on the
// date, else the one whose dates are nearest it.
AuthorityResolution AuthorityDirectory::resolve_body_by_date(const std::vector<BodyCandidate>& candidates,
                                                             const Date& on) const {
  std::vector<BodyCandidate> covering;
  for (const auto& c : candidates)
    if (c.row->covers(on)) covering.push_back(c);
  if (authorities_of(covering).size() == 1) {
    std::vector<BodyCandidate> its_rows;
    for (const auto& c : covering)
      if (c.index == covering.front().index) its_rows.push_back(c);
    return delivered_by(its_rows, "the only one it served on " + to_long_form(on), on);
  }
  if (!covering.empty()) return body_tie(covering, " on " + to_long_form(on) + "; the printed name does not say which");
  int nearest = days_outside(*candidates.front().row, on);
  for (const auto& c : candidates) nearest = std::min(nearest, days_outside(*c.row, on));
  std::vector<BodyCandidate> closest;
  for (const auto& c : candidates)
    if (days_outside(*c.row, on) == nearest) closest.push_back(c);
  if (authorities_of(closest).size() == 1)
    return delivered_by(closest, "the one whose dates are nearest " + to_long_form(on), on);
  return body_tie(closest, "; none on " + to_long_form(on) + " and the printed name does not say which");
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
