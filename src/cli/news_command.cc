// cscwatch news FILE... : reads news articles (text or HTML), links each to the
// inspection it reports and checks its grade, dates and quotations against the
// register. Terminal report, or --json (one object per article).
#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "news/article_analysis.h"
#include "news/article_text.h"

namespace cscwatch {

namespace {

// Reads at most the article limit plus one byte, so oversized input is
// refused by the analysis without being held in memory.
Result<std::string> read_article(const std::string& path) {
  const size_t limit = news::kMaxArticleBytes + 1;
  std::string data;
  if (path == "-") {
    data.resize(limit);
    size_t n = std::fread(data.data(), 1, limit, stdin);
    data.resize(n);
    return data;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Error{"not a readable file"};
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > news::kMaxArticleBytes)
    return Error{"article too large: " + std::to_string(size) + " bytes (limit " +
                 std::to_string(news::kMaxArticleBytes) + ")"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot open the file"};
  data.resize(limit);
  in.read(data.data(), static_cast<std::streamsize>(limit));
  data.resize(static_cast<size_t>(in.gcount()));
  return data;
}

// Printable on a terminal: control characters (escape sequences) dropped.
std::string safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out.push_back(c);
  return out;
}

std::string shorten(const std::string& s, size_t n) { return s.size() <= n ? s : s.substr(0, n) + "..."; }

std::string date_or(const std::optional<Date>& d, const char* fallback) { return d ? to_iso(*d) : fallback; }

std::string grade_or(const std::optional<Grade>& g, const char* fallback) {
  return g ? std::string(to_string(*g)) : fallback;
}

std::string or_dash(const std::string& s) { return s.empty() ? "-" : safe(s); }

void print_link(const news::LinkCandidate& l) {
  fmt::print("  linked:       {} (confidence {:.2f}, {})\n", safe(l.row.source_file), l.confidence,
             news::confidence_label(l.confidence));
  fmt::print("                {} {} to {}, published {}, overall {}\n", or_dash(l.row.kind), or_dash(l.row.inspection_start),
             or_dash(l.row.inspection_end), or_dash(l.row.published), grade_or(news::overall_grade_of(l.row), "-"));
  for (const auto& e : l.evidence)
    fmt::print("                {:+.2f} {}: {}\n", e.weight, news::to_string(e.kind), safe(e.detail));
}

void print_intervention(const news::InterventionLink& l) {
  const auto& r = l.record;
  fmt::print("  linked:       intervention {} of {} from {}{} (confidence {:.2f}, {})\n", to_string(r.kind),
             safe(r.authority_urn), r.start ? to_iso(*r.start) : "-", r.end ? " to " + to_iso(*r.end) : "",
             l.confidence, news::confidence_label(l.confidence));
  if (!r.person.empty()) fmt::print("                {}\n", safe(r.person));
  for (const auto& e : l.evidence) fmt::print("                {}\n", safe(e));
}

void print_quote(const news::QuoteCheck& c, const news::ArticleAnalysis& a) {
  const auto& q = c.quote;
  std::string verdict(news::to_string(c.verdict));
  if (c.page > 0) verdict += " p. " + std::to_string(c.page);
  std::string who = q.attributed_to.empty() ? "unattributed" : safe(q.attributed_to);
  if (!c.role.empty()) who += " (" + safe(c.role) + ")";
  if (!q.relayed_by.empty()) who += ", relayed by " + safe(q.relayed_by);
  fmt::print("    [{}] \"{}\" - {}\n", verdict, shorten(safe(q.text), 200), who);
  for (const auto& d : c.differences) {
    switch (d.kind) {
      case news::DifferenceKind::Omitted: fmt::print("        omitted from the report: \"{}\"\n", safe(d.report_text)); break;
      case news::DifferenceKind::Added: fmt::print("        not in the report: \"{}\"\n", safe(d.quote_text)); break;
      case news::DifferenceKind::Changed:
        fmt::print("        changed: \"{}\" (report: \"{}\")\n", safe(d.quote_text), safe(d.report_text));
        break;
    }
  }
  if (!c.source_file.empty() && a.link.linked && c.source_file != a.link.linked->row.source_file)
    fmt::print("        found in {}\n", safe(c.source_file));
}

void print_report(const std::string& file, const news::ArticleAnalysis& a) {
  const auto& r = a.reading;
  fmt::print("== {}\n", safe(file));
  fmt::print("  headline:     {}\n", shorten(or_dash(a.headline), 160));
  fmt::print("  article date: {}{}\n", date_or(a.article_date, "not stated"),
             a.article_date ? " (" + safe(a.article_date_source) + ")" : "");
  if (!a.authority) fmt::print("  authority:    none recognised\n");
  else fmt::print("  authority:    {} (URN {})\n", safe(a.authority->name), safe(a.authority->urn));
  if (r.authorities.size() > 1) {
    std::string names;
    for (const auto& m : r.authorities)
      names += (names.empty() ? "" : ", ") + safe(m.authority->name) + " x" + std::to_string(m.mentions);
    fmt::print("  mentioned:    {}\n", names);
  }
  fmt::print("  event:        {}    grade reported: {}\n", news::to_string(r.event_kind), grade_or(r.grade, "none"));
  if (a.link.linked) print_link(*a.link.linked);
  else if (a.link.intervention) print_intervention(*a.link.intervention);
  else fmt::print("  linked:       none - {}\n", safe(a.link.no_link_reason));
  // Context, never the link: the inspection the intervention or visit follows.
  if (a.link.follows)
    fmt::print("  follows:      {} ({}, published {}, overall {})\n", safe(a.link.follows->source_file),
               or_dash(a.link.follows->kind), or_dash(a.link.follows->published),
               grade_or(news::overall_grade_of(*a.link.follows), "-"));
  for (const auto& o : a.link.other_links)
    fmt::print("  also linked:  {} (confidence {:.2f})\n", safe(o.row.source_file), o.confidence);
  const auto& gc = a.grade_check;
  fmt::print("  grade check:  {} (article {}, report {})\n", news::to_string(gc.status), grade_or(gc.article, "none"),
             grade_or(gc.report, "none"));
  fmt::print("  date check:   {}\n", news::to_string(a.date_check.status));
  for (const auto& c : a.date_check.checks) {
    std::string report = c.report_from == c.report_to ? or_dash(c.report_from) : or_dash(c.report_from) + " to " + or_dash(c.report_to);
    fmt::print("                - '{}' ({}) vs report {}: {}\n", safe(c.stated), c.refers_to, report, news::to_string(c.status));
  }
  if (!r.dates.empty()) {
    fmt::print("  dates stated:\n");
    for (const auto& d : r.dates)
      fmt::print("                - '{}' -> {} ({}{})\n", safe(d.text), d.refers_to, d.precision,
                 d.from ? ": " + to_iso(*d.from) + " to " + date_or(d.to, "-") : "");
  }
  for (const auto& e : r.earlier_grades)
    fmt::print("  earlier:      {} ({})\n", to_string(e.grade), e.year ? std::to_string(*e.year) : "year not stated");
  for (const auto& f : a.proposed_facts)
    fmt::print("  proposed:     {}{}{}: {}\n", news::to_string(f.kind), f.person.empty() ? "" : " - " + safe(f.person),
               f.date_text.empty() ? "" : " (" + safe(f.date_text) + ")", shorten(safe(f.sentence), 140));
  for (const auto& p : a.people)
    fmt::print("  person:       {}{}\n", safe(p.name), p.role.empty() ? "" : " - " + safe(p.role));
  if (!a.quotes.empty()) fmt::print("  quotations:\n");
  for (const auto& q : a.quotes) print_quote(q, a);
  fmt::print("\n");
}

}  // namespace

void add_news_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand(
      "news", "Link news articles (text or HTML) to the inspection they report; check grades, dates and quotations");
  auto files = std::make_shared<std::vector<std::string>>();
  auto json_out = std::make_shared<bool>(false);
  auto about = std::make_shared<news::ArticleInput>();
  auto date_text = std::make_shared<std::string>();
  cmd->add_option("files", *files, "Article files (plain text or HTML); '-' or none: standard input");
  cmd->add_flag("--json", *json_out, "Print a JSON array, one object per article");
  cmd->add_option("--title", about->title, "The article's headline, when the file does not start with it");
  cmd->add_option("--url", about->url, "The article's web address (an authority named there counts as named)");
  cmd->add_option("--date", *date_text,
                  "The article's date: a day (2014-06-05, 5 June 2014), a month (2014-06, June 2014), a year, or as "
                  "news feeds write it (RFC 822, ISO 8601 with a time); a month or year is used at that precision");
  cmd->callback([&ctx, &status, files, json_out, about, date_text] {
    if (!date_text->empty()) {
      if (auto error = news::set_article_date(*about, *date_text)) {
        status = fail("--date " + *date_text + ": " + error->message);
        return;
      }
    }
    auto reg = ctx.open_existing();
    if (!reg) {
      status = fail(reg.error());
      return;
    }
    std::vector<std::string> inputs = *files;
    if (inputs.empty()) inputs.push_back("-");
    nlohmann::json all = nlohmann::json::array();
    int failed = 0;
    for (const auto& path : inputs) {
      std::string name = path == "-" ? "(standard input)" : path;
      auto data = read_article(path);
      Result<news::ArticleAnalysis> analysed = Error{data ? std::string() : data.error()};
      if (data) {
        news::ArticleInput input = *about;
        input.text = std::move(*data);
        analysed = news::analyse_article(reg->connection(), input);
      }
      if (!analysed) {
        ++failed;
        if (*json_out) all.push_back({{"file", name}, {"error", analysed.error()}});
        else fail(name + ": " + analysed.error());
        continue;
      }
      if (*json_out) {
        nlohmann::json with_file = {{"file", name}};
        with_file.update(news::to_json(*analysed));
        all.push_back(std::move(with_file));
      } else {
        print_report(name, *analysed);
      }
    }
    if (*json_out) fmt::print("{}\n", all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    status = failed == 0 ? 0 : 1;
  });
}

}  // namespace cscwatch
