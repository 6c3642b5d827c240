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

std::string str(const nlohmann::json& j, const char* fallback = "-") {
  if (j.is_string()) return safe(j.get<std::string>());
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  if (j.is_number()) return fmt::format("{:.2f}", j.get<double>());
  return fallback;
}

std::string shorten(const std::string& s, size_t n) { return s.size() <= n ? s : s.substr(0, n) + "..."; }

void print_report(const std::string& file, const nlohmann::json& j) {
  fmt::print("== {}\n", safe(file));
  fmt::print("  headline:     {}\n", shorten(str(j["headline"]), 160));
  fmt::print("  article date: {}{}\n", str(j["article_date"], "not stated"),
             j["article_date"].is_null() ? "" : " (" + str(j["article_date_source"]) + ")");
  if (j["authority"].is_null()) fmt::print("  authority:    none recognised\n");
  else fmt::print("  authority:    {} (URN {})\n", str(j["authority"]["name"]), str(j["authority"]["urn"]));
  if (j["authorities_mentioned"].size() > 1) {
    std::string names;
    for (const auto& a : j["authorities_mentioned"])
      names += (names.empty() ? "" : ", ") + str(a["name"]) + " x" + str(a["mentions"]);
    fmt::print("  mentioned:    {}\n", names);
  }
  fmt::print("  event:        {}    grade reported: {}\n", str(j["event_kind"]), str(j["grade_reported"], "none"));
  if (j["linked"].is_null()) {
    fmt::print("  linked:       none - {}\n", str(j["link_reason"]));
  } else {
    const auto& l = j["linked"];
    fmt::print("  linked:       {} (confidence {}, {})\n", str(l["source_file"]), str(l["confidence"]),
               str(l["confidence_label"]));
    fmt::print("                {} {} to {}, published {}, overall {}\n", str(l["kind"]), str(l["inspection_start"]),
               str(l["inspection_end"]), str(l["published"]), str(l["overall_grade"]));
    for (const auto& r : l["reasons"]) fmt::print("                - {}\n", str(r));
  }
  if (j.contains("other_links"))
    for (const auto& o : j["other_links"])
      fmt::print("  also linked:  {} (confidence {})\n", str(o["source_file"]), str(o["confidence"]));
  const auto& gc = j["grade_check"];
  fmt::print("  grade check:  {} (article {}, report {})\n", str(gc["status"]), str(gc["article"], "none"),
             str(gc["report"], "none"));
  const auto& dc = j["date_check"];
  fmt::print("  date check:   {}\n", str(dc["status"]));
  for (const auto& c : dc["checks"]) {
    std::string report = c["report"].is_object() ? str(c["report"]["from"]) + " to " + str(c["report"]["to"])
                                                  : str(c["report"]);
    fmt::print("                - '{}' ({}) vs report {}: {}\n", str(c["stated"]), str(c["refers_to"]), report,
               str(c["status"]));
  }
  if (!j["dates_stated"].empty()) {
    fmt::print("  dates stated:\n");
    for (const auto& d : j["dates_stated"])
      fmt::print("                - '{}' -> {} ({}{})\n", str(d["text"]), str(d["refers_to"]), str(d["precision"]),
                 d["from"].is_null() ? "" : ": " + str(d["from"]) + " to " + str(d["to"]));
  }
  for (const auto& e : j["earlier_grades"])
    fmt::print("  earlier:      {} ({})\n", str(e["grade"]), str(e["year"], "year not stated"));
  for (const auto& i : j["interventions"])
    fmt::print("  intervention: {}{}: {}\n", str(i["kind"]), i.contains("date_text") ? " (" + str(i["date_text"]) + ")" : "",
               shorten(str(i["sentence"]), 140));
  for (const auto& p : j["people"])
    fmt::print("  person:       {}{}\n", str(p["name"]), p["role"].is_null() ? "" : " - " + str(p["role"]));
  if (!j["quotes"].empty()) fmt::print("  quotations:\n");
  for (const auto& q : j["quotes"]) {
    std::string verdict = str(q["verdict"]);
    if (!q["page"].is_null()) verdict += " p. " + str(q["page"]);
    std::string who = q["attributed_to"].is_null() ? "unattributed" : str(q["attributed_to"]);
    if (q.contains("role")) who += " (" + str(q["role"]) + ")";
    if (q.contains("relayed_by")) who += ", relayed by " + str(q["relayed_by"]);
    fmt::print("    [{}] \"{}\" - {}\n", verdict, shorten(str(q["text"]), 200), who);
    if (q.contains("differences"))
      for (const auto& d : q["differences"]) {
        std::string kind = str(d["kind"]);
        if (kind == "omitted") fmt::print("        omitted from the report: \"{}\"\n", str(d["report"]));
        else if (kind == "added") fmt::print("        not in the report: \"{}\"\n", str(d["quote"]));
        else fmt::print("        changed: \"{}\" (report: \"{}\")\n", str(d["quote"]), str(d["report"]));
      }
    if (q.contains("source_file") && !j["linked"].is_null() && q["source_file"] != j["linked"]["source_file"])
      fmt::print("        found in {}\n", str(q["source_file"]));
  }
  fmt::print("\n");
}

}  // namespace

void add_news_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand(
      "news", "Link news articles (text or HTML) to the inspection they report; check grades, dates and quotations");
  auto files = std::make_shared<std::vector<std::string>>();
  auto json_out = std::make_shared<bool>(false);
  cmd->add_option("files", *files, "Article files (plain text or HTML); '-' or none: standard input");
  cmd->add_flag("--json", *json_out, "Print a JSON array, one object per article");
  cmd->callback([&ctx, &status, files, json_out] {
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
      Result<nlohmann::json> analysed = data ? analyse_article(reg->connection(), *data) : Result<nlohmann::json>(Error{data.error()});
      if (!analysed) {
        ++failed;
        if (*json_out) all.push_back({{"file", name}, {"error", analysed.error()}});
        else fail(name + ": " + analysed.error());
        continue;
      }
      nlohmann::json j = std::move(*analysed);
      if (*json_out) {
        nlohmann::json with_file = {{"file", name}};
        with_file.update(j);
        all.push_back(std::move(with_file));
      } else {
        print_report(name, j);
      }
    }
    if (*json_out) fmt::print("{}\n", all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    status = failed == 0 ? 0 : 1;
  });
}

}  // namespace cscwatch
