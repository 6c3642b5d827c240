#include "analysis/fts_query.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace cscwatch {

namespace {

enum class Kind { Term, Open, Close, And, Or, Not };

struct Token {
  Kind kind;
  std::string text;  // Term: the FTS5 string, already quoted
  bool prefix = false;
  std::size_t prefix_chars = 0;  // Term with prefix: characters before the *
};

// Characters as a person counts them (UTF-8 continuation bytes not counted).
std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Letters and digits as the unicode61 tokenizer sees them: ASCII alphanumerics
// and any non-ASCII byte (accented letters and the like).
bool has_word_content(std::string_view s) {
  for (unsigned char c : s)
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) return true;
  return false;
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += "\"\"";
    else if (static_cast<unsigned char>(c) < 0x20)
      out += ' ';  // control characters: plain separators
    else
      out += c;
  }
  out += '"';
  return out;
}

void add_word(std::vector<Token>& tokens, std::string_view word) {
  if (word == "AND") return tokens.push_back({Kind::And, {}});
  if (word == "OR") return tokens.push_back({Kind::Or, {}});
  if (word == "NOT") return tokens.push_back({Kind::Not, {}});
  bool prefix = false;
  while (!word.empty() && word.back() == '*') {
    prefix = true;
    word.remove_suffix(1);
  }
  // Pure punctuation ("<", "-", "&") would tokenize to nothing: drop it.
  if (!has_word_content(word)) return;
  tokens.push_back({Kind::Term, quote(word) + (prefix ? "*" : ""), prefix, char_count(word)});
}

const char* kSyntaxHint =
    " Write words or \"quoted phrases\"; join them with AND, OR or NOT (in capitals), e.g. "
    "neglect NOT \"domestic abuse\".";

// A quoted phrase starting at query[i] (the opening quote), with an optional
// trailing *; an unclosed quote runs to the end. Returns the index after it.
size_t read_phrase(std::string_view query, size_t i, std::vector<Token>& tokens) {
  size_t end = query.find('"', i + 1);
  std::string_view phrase = query.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
  i = end == std::string_view::npos ? query.size() : end + 1;
  bool prefix = i < query.size() && query[i] == '*';
  if (prefix) ++i;
  if (has_word_content(phrase))
    tokens.push_back({Kind::Term, quote(phrase) + (prefix ? "*" : ""), prefix, char_count(phrase)});
  return i;
}

// A bare word starting at query[i], up to a space or quote. Returns the index after it.
size_t read_word(std::string_view query, size_t i, std::vector<Token>& tokens) {
  size_t end = i;
  while (end < query.size() && !is_space(query[end]) && query[end] != '"') ++end;
  std::string_view word = query.substr(i, end - i);
  // Leading "(" and trailing ")" group; parentheses inside a word
  // ("alert(1)", "s.17(10)") are punctuation for the tokenizer.
  size_t opens = 0, closes = 0;
  while (opens < word.size() && word[opens] == '(') ++opens;
  while (closes < word.size() - opens && word[word.size() - 1 - closes] == ')') ++closes;
  std::string_view inner = word.substr(opens, word.size() - opens - closes);
  if (inner.find_first_of("()") != std::string_view::npos) {
    add_word(tokens, word);
    return end;
  }
  for (size_t k = 0; k < opens; ++k) tokens.push_back({Kind::Open, {}});
  add_word(tokens, inner);
  for (size_t k = 0; k < closes; ++k) tokens.push_back({Kind::Close, {}});
  return end;
}

std::vector<Token> tokenize(std::string_view query) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < query.size()) {
    if (is_space(query[i]))
      ++i;
    else if (query[i] == '"')
      i = read_phrase(query, i, tokens);
    else
      i = read_word(query, i, tokens);
  }
  return tokens;
}

// Unbalanced parentheses are far more often stray punctuation than an
// attempt at grouping: drop them all rather than refuse the query.
void drop_unbalanced_parentheses(std::vector<Token>& tokens) {
  int depth = 0;
  bool balanced = true;
  for (const auto& t : tokens) {
    if (t.kind == Kind::Open) ++depth;
    if (t.kind == Kind::Close && --depth < 0) balanced = false;
  }
  if (depth != 0 || !balanced)
    std::erase_if(tokens, [](const Token& t) { return t.kind == Kind::Open || t.kind == Kind::Close; });
}

// The cost bound (see fts_query.h): the first limit the query passes, if any.
std::optional<Error> over_cost_bound(const std::vector<Token>& tokens) {
  int terms = 0, prefixes = 0, ors = 0;
  for (const auto& t : tokens) {
    terms += t.kind == Kind::Term;
    ors += t.kind == Kind::Or;
    if (t.kind == Kind::Term && t.prefix) {
      ++prefixes;
      if (t.prefix_chars < kMinPrefixLength)
        return Error{"A word ending in * needs at least " + std::to_string(kMinPrefixLength) +
                     " letters before the * (a shorter prefix matches too many words): write more of the word."};
    }
  }
  if (prefixes > kMaxPrefixTerms)
    return Error{"The query has " + std::to_string(prefixes) + " words ending in *; at most " +
                 std::to_string(kMaxPrefixTerms) + " are allowed. Search for fewer word beginnings at once."};
  if (ors > kMaxOrOperators)
    return Error{"The query has " + std::to_string(ors) + " ORs; at most " + std::to_string(kMaxOrOperators) +
                 " are allowed. Split it into several searches."};
  if (terms > kMaxQueryTerms)
    return Error{"The query has " + std::to_string(terms) + " words and phrases; at most " +
                 std::to_string(kMaxQueryTerms) + " are allowed."};
  return std::nullopt;
}

const char* operator_name(Kind k) {
  return k == Kind::And ? "AND" : k == Kind::Or ? "OR" : "NOT";
}
bool is_operator(Kind k) {
  return k == Kind::And || k == Kind::Or || k == Kind::Not;
}
bool ends_operand(Kind k) {
  return k == Kind::Term || k == Kind::Close;
}
bool starts_operand(Kind k) {
  return k == Kind::Term || k == Kind::Open;
}

// The FTS5 MATCH string for the tokens, or why it cannot be written.
Result<std::string> render(const std::vector<Token>& tokens) {
  std::string out;
  for (size_t t = 0; t < tokens.size(); ++t) {
    Kind k = tokens[t].kind;
    bool prev_operand = t > 0 && ends_operand(tokens[t - 1].kind);
    if (is_operator(k)) {
      // FTS5's operators are binary: each needs an operand on both sides.
      bool next_operand = t + 1 < tokens.size() && starts_operand(tokens[t + 1].kind);
      if (!prev_operand || !next_operand) {
        std::string msg = std::string(operator_name(k)) + " needs a word or phrase on each side";
        if (k == Kind::Not) msg += " (\"a NOT b\" finds pages with a but not b; a query cannot start with NOT)";
        return Error{msg + "." + kSyntaxHint};
      }
      out += std::string(" ") + operator_name(k) + " ";
      continue;
    }
    if (k == Kind::Close && t > 0 && tokens[t - 1].kind == Kind::Open)
      return Error{std::string("Empty parentheses: put words inside them, or leave them out.") + kSyntaxHint};
    // Adjacent operands are ANDed, explicitly: FTS5's implicit AND joins only
    // bare phrases, not groups.
    if (prev_operand && k != Kind::Close) out += " AND ";
    out += k == Kind::Open ? "(" : k == Kind::Close ? ")" : tokens[t].text;
  }
  return out;
}

}  // namespace

Result<std::string> to_fts5_query(std::string_view query) {
  if (query.size() > kMaxSearchQueryLength)
    return Error{"The query is too long (at most " + std::to_string(kMaxSearchQueryLength) + " characters)."};
  std::vector<Token> tokens = tokenize(query);
  drop_unbalanced_parentheses(tokens);
  if (std::none_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == Kind::Term; }))
    return Error{"The query has no words to search for (punctuation on its own is ignored)." +
                 std::string(kSyntaxHint)};
  if (auto error = over_cost_bound(tokens)) return *error;
  return render(tokens);
}

}  // namespace cscwatch
