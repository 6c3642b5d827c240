#include "news/article_reading.h"

#include <algorithm>

#include "news/reading_context.h"

namespace cscwatch::news {

std::optional<Grade> grade_for_authority(const ArticleReading& reading, const std::string& urn) {
  return grade_of(reading.grade_mentions, urn);
}

ArticleReading read_article(std::string_view text, const AuthorityDirectory& directory,
                            const std::vector<std::pair<size_t, size_t>>& hidden, std::optional<Date> meta_date,
                            std::string meta_source) {
  ReadingContext ctx(text, hidden);
  ArticleReading out;
  out.headline = collapse_spaces(utf8_prefix(text.substr(0, text.find('\n')), 300));
  if (meta_date) {
    ctx.article_date = meta_date;
    ctx.article_date_source = std::move(meta_source);
  } else {
    read_byline_date(ctx);
  }
  out.article_date = ctx.article_date;
  out.article_date_source = ctx.article_date_source;
  // Councils first: every other claim is assigned to the council named nearest it.
  out.authorities = read_councils(ctx, directory);
  int max_year = 0;
  for (const auto& w : ctx.all_words)
    if (reading::is_year(w.norm)) max_year = std::max(max_year, reading::to_int(w.norm));
  ctx.ref_year = ctx.article_date ? static_cast<int>(ctx.article_date->year()) : max_year;

  size_t headline_end = std::min(text.size(), text.find('\n'));
  GradeReading grades;
  EventKindTally events;
  for (size_t si = 0; si < ctx.sentences.size(); ++si) {
    SentenceWords se = sentence_words(ctx, si);
    if (se.w.empty()) continue;
    read_dates(ctx, se, out.dates);
    read_grades(ctx, se, grades);
    events.add_sentence(se.w, se.earlier_cue, se.weight);
    size_t before = out.interventions.size();
    read_interventions(se.w, se.sentence, out.dates, out.interventions);
    if (se.begin < headline_end)
      for (size_t k = before; k < out.interventions.size(); ++k)
        out.headline_interventions.push_back(out.interventions[k].kind);
  }
  out.grade_mentions = std::move(grades.current);
  out.earlier_grades = std::move(grades.earlier);
  std::string primary = out.authorities.empty() ? std::string{} : out.authorities.front().authority->urn;
  out.grade = grade_of(out.grade_mentions, primary);
  double grade_weight = 0;
  for (const auto& m : out.grade_mentions) grade_weight += m.weight;
  out.event_kind = events.decide(grade_weight);
  return out;
}

}  // namespace cscwatch::news
