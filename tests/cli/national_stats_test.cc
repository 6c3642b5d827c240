// `cscwatch stats` over the real corpus, checked against figures this test
// computes itself from `cscwatch export --format csv` and the reference
// authority table: the grade mix by year and framework (nationally and by
// region), the transition matrix and the time to recover from inadequate
// (its own Kaplan-Meier estimate). Nothing here calls the analysis code.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "cli/cli_support.h"
#include "reader/csv.h"

namespace cscwatch::testing {
namespace {

constexpr const char* kAsAt = "2026-06-01";

// Reorganisations as the domain brief lists them (predecessor, successor, day).
struct Reorg {
  std::string from, to, day;
};
const std::vector<Reorg> kReorgs = {{"137316", "2532287", "2019-04-01"}, {"121939", "2637539", "2021-04-01"},
                                    {"121939", "2637548", "2021-04-01"}, {"135513", "2733690", "2023-04-01"},
                                    {"135513", "2733698", "2023-04-01"}};

int rank(const std::string& g) {
  if (g == "outstanding") return 1;
  if (g == "good") return 2;
  if (g == "requires_improvement" || g == "adequate") return 3;
  if (g == "inadequate") return 4;
  return 0;
}

int day_number(const std::string& iso) {
  using namespace std::chrono;
  const year_month_day d{year{std::stoi(iso.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                         day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
  return static_cast<int>(sys_days{d}.time_since_epoch().count());
}

struct Graded {
  std::string urn, framework, grade, start, end, known;
  bool full = false;
};

struct Expected {
  std::map<std::string, std::map<std::string, int>> by_year, by_framework;  // key -> grade -> n
  std::map<std::string, std::map<std::string, std::map<std::string, int>>> region_by_year;
  std::map<std::string, std::map<std::string, int>> transitions;
  int pairs = 0;
  struct Obs {
    double months;
    bool event;
  };
  std::vector<Obs> recovery;
  std::map<std::string, std::vector<Obs>> recovery_by_region;
};

class NationalStats : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!corpus_available()) GTEST_SKIP() << "corpus absent at " << kDataDir;
    const auto& corpus = corpus_register();
    ASSERT_EQ(corpus.ingest.status, 1) << "four HTML pages fail; the rest ingest";
    RunResult csv = run_cscwatch({"export", "--db", corpus.db, "--format", "csv"});
    ASSERT_EQ(csv.status, 0) << csv.err;
    RunResult stats = run_cscwatch({"stats", "--db", corpus.db, "--format", "json", "--as-at", kAsAt});
    ASSERT_EQ(stats.status, 0) << stats.err;
    stats_ = nlohmann::json::parse(stats.out);
    std::string authorities;
    ASSERT_TRUE(read_text_file(kDataDir + "/reference/authorities.csv", authorities));
    compute(parse_delimited(csv.out), parse_delimited(authorities));
  }

  void compute(const std::vector<CsvRow>& rows, const std::vector<CsvRow>& authorities) {
    auto column = [](const CsvRow& header, const std::string& name) {
      return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    };
    std::map<std::string, std::string> region;
    {
      const CsvRow& h = authorities.front();
      for (size_t i = 1; i < authorities.size(); ++i)
        if (authorities[i].size() == h.size()) region[authorities[i][column(h, "urn")]] = authorities[i][column(h, "region_name")];
    }
    const CsvRow& h = rows.front();
    std::vector<Graded> graded;
    std::set<std::pair<std::string, std::string>> seen;
    for (size_t i = 1; i < rows.size(); ++i) {
      const CsvRow& r = rows[i];
      auto v = [&](const char* name) { return r.at(column(h, name)); };
      Graded g;
      g.urn = v("authority_urn");
      g.start = v("inspection_start").empty() ? v("inspection_end") : v("inspection_start");
      g.end = v("inspection_end").empty() ? v("inspection_start") : v("inspection_end");
      g.known = v("published").empty() ? g.end : v("published");
      g.grade = v("overall");
      g.framework = v("framework");
      // April 2026 framework: no overall grade; counted at the lowest judgement.
      if (g.grade.empty() && v("kind") == "ilacs_report" && g.start >= "2026-04-01") {
        for (const char* area : {"leadership", "help_protection", "in_care", "care_leavers"})
          if (rank(v(area)) > rank(g.grade)) g.grade = v(area);
        g.framework = "ILACS 2026";
      }
      if (g.grade.empty() || g.known.empty() || g.known > kAsAt) continue;
      g.full = (g.framework == "SIF" || g.framework == "ILACS" || g.framework == "ILACS 2026") && !g.start.empty();
      if (g.full && !seen.emplace(g.urn, g.start).second) continue;
      ++e_.by_year[g.known.substr(0, 4)][g.grade];
      ++e_.by_framework[g.framework][g.grade];
      ++e_.region_by_year[region[g.urn]][g.known.substr(0, 4)][g.grade];
      graded.push_back(g);
    }
    std::set<std::string> predecessors;
    for (const auto& ro : kReorgs) predecessors.insert(ro.from);
    for (const auto& [urn, reg] : region) {
      if (predecessors.count(urn)) continue;
      std::vector<const Graded*> history;
      for (const auto& g : graded) {
        if (!g.full) continue;
        if (g.urn == urn) history.push_back(&g);
        for (const auto& ro : kReorgs)
          if (ro.to == urn && g.urn == ro.from && g.start < ro.day) history.push_back(&g);
      }
      std::sort(history.begin(), history.end(), [](const Graded* a, const Graded* b) { return a->start < b->start; });
      for (size_t i = 0; i + 1 < history.size(); ++i) {
        ++e_.transitions[history[i]->grade][history[i + 1]->grade];
        ++e_.pairs;
      }
      for (size_t i = 0; i < history.size(); ++i) {
        if (history[i]->grade != "inadequate") continue;
        std::string until = kAsAt;
        bool event = false;
        for (size_t k = i + 1; k < history.size(); ++k)
          if (rank(history[k]->grade) < 4) {
            until = history[k]->end;
            event = true;
            break;
          }
        Expected::Obs o{(day_number(until) - day_number(history[i]->end)) / (365.2425 / 12), event};
        e_.recovery.push_back(o);
        e_.recovery_by_region[reg].push_back(o);
      }
    }
  }

  // Kaplan-Meier: S(t) = product over recovery times s <= t of (1 - recovered at s / still at risk at s).
  static std::optional<double> km_quantile(const std::vector<Expected::Obs>& obs, double survival_at_most) {
    std::set<double> times;
    for (const auto& o : obs)
      if (o.event) times.insert(o.months);
    double s = 1;
    for (double t : times) {
      double at_risk = 0, recovered = 0;
      for (const auto& o : obs) {
        if (o.months >= t) ++at_risk;
        if (o.event && o.months == t) ++recovered;
      }
      s *= 1 - recovered / at_risk;
      if (s <= survival_at_most + 1e-12) return t;
    }
    return std::nullopt;
  }

  static void expect_months(const nlohmann::json& actual, const std::optional<double>& expected, const std::string& what) {
    if (!expected) {
      EXPECT_TRUE(actual.is_null()) << what;
      return;
    }
    ASSERT_TRUE(actual.is_number()) << what;
    EXPECT_NEAR(actual.get<double>(), *expected, 0.051) << what;
  }

  static void expect_counts(const nlohmann::json& actual, const std::map<std::string, std::map<std::string, int>>& expected,
                            const std::string& what) {
    ASSERT_EQ(actual.size(), expected.size()) << what;
    for (const auto& [key, grades] : expected) {
      ASSERT_TRUE(actual.contains(key)) << what << " " << key;
      int total = 0;
      for (const auto& [grade, n] : grades) {
        EXPECT_EQ(actual.at(key).value(grade, 0), n) << what << " " << key << " " << grade;
        total += n;
      }
      EXPECT_EQ(actual.at(key).at("total"), total) << what << " " << key;
    }
  }

  nlohmann::json stats_;
  Expected e_;
};

TEST_F(NationalStats, GradeMixByYearAndFrameworkMatchesTheExport) {
  EXPECT_EQ(stats_["as_at"], kAsAt);
  expect_counts(stats_["grade_mix"]["by_year"], e_.by_year, "by year");
  expect_counts(stats_["grade_mix"]["by_framework"], e_.by_framework, "by framework");
  for (const auto& [region, by_year] : e_.region_by_year)
    expect_counts(stats_.at("grade_mix_by_region").at(region).at("by_year"), by_year, "region " + region);
  // The corpus has reports of every year 2014-2024 and all three frameworks.
  EXPECT_GE(e_.by_year.size(), 11u);
  EXPECT_EQ(e_.by_framework.size(), 3u);
}

TEST_F(NationalStats, TransitionMatrixMatchesTheExport) {
  const auto& t = stats_.at("transitions");
  EXPECT_EQ(t.at("total"), e_.pairs);
  ASSERT_EQ(t.at("counts").size(), e_.transitions.size());
  for (const auto& [from, row] : e_.transitions) {
    int n = 0;
    for (const auto& [to, c] : row) n += c;
    for (const auto& [to, c] : row) {
      EXPECT_EQ(t.at("counts").at(from).value(to, 0), c) << from << " -> " << to;
      EXPECT_NEAR(t.at("shares").at(from).at(to).get<double>(), static_cast<double>(c) / n, 0.0006) << from << " -> " << to;
    }
    EXPECT_EQ(t.at("counts").at(from).size(), row.size()) << from;
  }
  // Inadequate is followed by something: Dudley (2016 inadequate, 2018 requires improvement) is one such pair.
  EXPECT_GE(e_.transitions["inadequate"]["requires_improvement"], 1);
}

TEST_F(NationalStats, TimeToRecoverMatchesAnIndependentKaplanMeier) {
  auto check = [&](const nlohmann::json& r, const std::vector<Expected::Obs>& obs, const std::string& what) {
    int recovered = 0;
    for (const auto& o : obs) recovered += o.event ? 1 : 0;
    EXPECT_EQ(r.at("inadequate_judgements"), static_cast<int>(obs.size())) << what;
    EXPECT_EQ(r.at("recovered"), recovered) << what;
    EXPECT_EQ(r.at("censored"), static_cast<int>(obs.size()) - recovered) << what;
    expect_months(r.at("q1_months"), km_quantile(obs, 0.75), what + " first quartile");
    expect_months(r.at("median_months"), km_quantile(obs, 0.5), what + " median");
    expect_months(r.at("q3_months"), km_quantile(obs, 0.25), what + " third quartile");
  };
  check(stats_["recovery"], e_.recovery, "England");
  for (const auto& [region, obs] : e_.recovery_by_region) check(stats_.at("recovery_by_region").at(region), obs, region);
  // The groups by intervention divide the same judgements: none lost, none
  // counted twice; and the record is not empty (the known interventions load
  // with the corpus).
  int by_intervention = 0, recorded = 0;
  for (const auto& [kind, r] : stats_.at("recovery_by_intervention").items()) {
    by_intervention += r.at("inadequate_judgements").get<int>();
    if (kind != "None recorded") recorded += r.at("inadequate_judgements").get<int>();
  }
  EXPECT_EQ(by_intervention, static_cast<int>(e_.recovery.size()));
  EXPECT_GT(recorded, by_intervention / 2);
  // Enough inadequate judgements to say something, and some still inadequate.
  EXPECT_GE(e_.recovery.size(), 30u);
  EXPECT_TRUE(std::any_of(e_.recovery.begin(), e_.recovery.end(), [](const auto& o) { return !o.event; }));
}

TEST_F(NationalStats, AsAtBeforeTheFirstReportCountsNothing) {
  RunResult r = run_cscwatch({"stats", "--db", corpus_register().db, "--format", "json", "--as-at", "2010-01-01"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["grade_mix"]["by_year"].empty());
  EXPECT_EQ(j["transitions"]["total"], 0);
  EXPECT_EQ(j["recovery"]["inadequate_judgements"], 0);
  EXPECT_TRUE(j["recovery"]["median_months"].is_null());
}

TEST_F(NationalStats, RefusesAMalformedDate) {
  RunResult r = run_cscwatch({"stats", "--db", corpus_register().db, "--as-at", "31/03/2020"});
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("YYYY-MM-DD"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cscwatch::testing
