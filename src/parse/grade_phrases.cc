#include "parse/grade_phrases.h"

#include <array>
#include <cctype>

#include "parse/text_normalise.h"

namespace cscwatch::parse {

namespace {

// Drops a trailing full stop and footnote markers ("Good1", "Good.").
std::string_view strip_cell_tail(std::string_view text) {
  text = trim(text);
  while (!text.empty() && (text.back() == '.' || text.back() == '*' ||
                           std::isdigit(static_cast<unsigned char>(text.back())) || text.back() == ' '))
    text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<PrintedGrade> grade_cell(std::string_view text) {
  const std::string cleaned = clean_text(text);
  std::string_view body = strip_cell_tail(cleaned);
  if (body.empty() || body.size() > 60) return std::nullopt;
  const std::string norm = normalise(body);
  if (norm == "not judged" || norm == "not judged separately") return PrintedGrade{std::nullopt, std::string(body)};
  // Cells print words only; "Grade 3" alone is not a cell we trust.
  if (!std::isalpha(static_cast<unsigned char>(norm[0]))) return std::nullopt;
  // SIF tables sometimes print the verb form "Require improvement".
  if (norm == "require improvement" || norm == "require improvement to be good")
    return PrintedGrade{Grade::RequiresImprovement, std::string(body)};
  auto grade = parse_grade(body);
  if (!grade) return std::nullopt;
  return PrintedGrade{grade, std::string(body)};
}

std::optional<PrintedGrade> grade_in_sentence(std::string_view text, size_t from) {
  const std::string norm = normalise(text);
  const std::string cleaned = clean_text(text);
  if (from >= norm.size()) return std::nullopt;
  struct Phrase {
    std::string_view words;
    Grade grade;
  };
  static constexpr std::array<Phrase, 8> kPhrases = {{
      {"requires improvement to be good", Grade::RequiresImprovement},
      {"require improvement to be good", Grade::RequiresImprovement},
      {"requires improvement", Grade::RequiresImprovement},
      {"require improvement", Grade::RequiresImprovement},
      {"inadequate", Grade::Inadequate},
      {"outstanding", Grade::Outstanding},
      {"adequate", Grade::Adequate},
      {"good", Grade::Good},
  }};
  size_t best = std::string::npos;
  const Phrase* best_phrase = nullptr;
  for (const auto& phrase : kPhrases) {
    size_t at = norm.find(phrase.words, from);
    while (at != std::string::npos) {
      // Whole words only ("inadequate" is not "adequate").
      const bool left_ok = at == 0 || !std::isalpha(static_cast<unsigned char>(norm[at - 1]));
      const size_t after = at + phrase.words.size();
      const bool right_ok = after >= norm.size() || !std::isalpha(static_cast<unsigned char>(norm[after]));
      if (left_ok && right_ok) break;
      at = norm.find(phrase.words, at + 1);
    }
    // Longer phrases are listed first, so an equal position keeps the longer.
    if (at != std::string::npos && (best == std::string::npos || at < best)) {
      best = at;
      best_phrase = &phrase;
    }
  }
  if (!best_phrase) return std::nullopt;
  // normalise() keeps byte offsets of ASCII text, so the printed form is cut
  // from the cleaned text when the two align.
  std::string printed = cleaned.size() == norm.size()
                            ? cleaned.substr(best, best_phrase->words.size())
                            : std::string(best_phrase->words);
  return PrintedGrade{best_phrase->grade, printed};
}

}  // namespace cscwatch::parse
