// The world of the fetch and update tests: a stand-in for Ofsted's site on a
// loopback port that serves the real reference table at /authorities.csv,
// and a scratch folder of the test's own. Tests are skipped where the
// reference data or Dudley's 2016 report (which the suites serve) is absent.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <string>
#include <utility>

#include "common/loopback_site.h"
#include "common/reference_data.h"
#include "common/test_files.h"

namespace cscwatch::testing {

// A suite serves its own routes (serve: what the site holds besides the
// reference table, read from the corpus there), then sets its options
// (configure) once the site is up and dir_ is named.
class OfstedSiteTest : public ::testing::Test {
 protected:
  // dir_ will be fresh_test_dir(dir_prefix): named, emptied, not made.
  explicit OfstedSiteTest(std::string dir_prefix) : dir_prefix_(std::move(dir_prefix)) {}
  virtual void serve() = 0;
  virtual void configure() = 0;

  void SetUp() override {
    if (!have_reference_and_dudley())
      GTEST_SKIP() << "reference data or corpus absent at " << data_dir() << " (set -DCSCWATCH_DATA_DIR)";
    reference_ = slurp(reference_authorities_csv());
    site_.server().Get("/authorities.csv", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(reference_, "text/csv");
    });
    serve();
    site_.start();
    dir_ = fresh_test_dir(dir_prefix_);
    configure();
  }
  void TearDown() override {
    site_.stop();
    std::filesystem::remove_all(dir_);
  }

  LoopbackSite site_;
  std::string reference_;
  std::filesystem::path dir_;

 private:
  std::string dir_prefix_;
};

}  // namespace cscwatch::testing
