#include "fetch/report_fetcher.h"

#include <filesystem>
#include <fstream>
#include <map>

#include "domain/authority_directory.h"
#include "fetch/http_client.h"
#include "fetch/report_listing.h"
#include "reader/csv.h"
#include "reader/reference_tables.h"

namespace cscwatch {

namespace fs = std::filesystem;

namespace {

// Writes through a temporary file and a rename, so an interrupted fetch never
// leaves a half-written file under the final name.
bool write_atomically(const fs::path& path, const std::string& bytes, std::string& error) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path;
  tmp += ".part";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      error = "cannot write " + tmp.string();
      return false;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    error = "cannot rename " + tmp.string() + ": " + ec.message();
    return false;
  }
  return true;
}

// A whole PDF ends with "%%EOF" (and perhaps a line end or padding); one cut
// short in transfer does not.
bool ends_like_a_pdf(const std::string& bytes) {
  constexpr std::size_t kTail = 1024;
  std::size_t from = bytes.size() > kTail ? bytes.size() - kTail : 0;
  return bytes.find("%%EOF", from) != std::string::npos;
}

std::string tsv_field(std::string s) {
  for (auto& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

using Manifest = std::map<std::string, std::vector<std::string>>;  // file -> row

Manifest read_manifest(const fs::path& path) {
  Manifest manifest;
  std::string text;
  if (read_text_file(path.string(), text)) {
    auto rows = parse_delimited(text, '\t');
    for (size_t i = 1; i < rows.size(); ++i)
      if (!rows[i].empty()) manifest[rows[i][0]] = rows[i];
  }
  return manifest;
}

std::string manifest_tsv(const Manifest& manifest) {
  std::string tsv = "file\turn\tslug\tlisted_published\tsource_title\n";
  for (const auto& [file, row] : manifest) {
    for (size_t i = 0; i < row.size(); ++i) tsv += (i ? "\t" : "") + row[i];
    tsv += "\n";
  }
  return tsv;
}

// URN-slug_DATE.pdf; an undated listing is named by its file id instead.
std::string report_file_name(const Authority& a, const ListedReport& report) {
  if (!report.published) return a.urn + "-" + a.slug + "_" + report.url.substr(report.url.rfind('/') + 1) + ".pdf";
  return a.urn + "-" + a.slug + "_" + to_iso(*report.published) + ".pdf";
}

// Why the downloaded bytes are not a whole PDF; empty when they are.
std::string not_a_whole_pdf(const std::string& bytes) {
  if (bytes.compare(0, 5, "%PDF-") != 0) {
    // What the corpus's four 2012 "reports" are: an error page saved as .pdf.
    return std::string("returned ") +
           (bytes.find("<html") != std::string::npos || bytes.find("<!DOCTYPE") != std::string::npos
                ? "an HTML page"
                : "something other than a PDF") +
           "; not saved";
  }
  if (!ends_like_a_pdf(bytes))
    return "returned a truncated PDF (" + std::to_string(bytes.size()) + " bytes, no %%EOF at the end); not saved";
  return "";
}

// One run of `cscwatch fetch`: the client, the manifest and the tally.
class Fetch {
 public:
  explicit Fetch(const FetchOptions& options)
      : options_(options), http_(options.limits), data_(options.data_dir), site_(options.site) {
    while (!site_.empty() && site_.back() == '/') site_.pop_back();
  }

  fs::path reference_path() const { return data_ / "reference" / "authorities.csv"; }

  // 1. The reference table, checked before it replaces the current one.
  void fetch_reference_table() {
    const fs::path reference = reference_path();
    progress("reference table: " + options_.reference_url);
    auto body = http_.get(options_.reference_url);
    if (!body) return failed("reference table: " + body.error());
    fs::path candidate = reference;
    candidate += ".new";
    std::string error;
    if (!write_atomically(candidate, *body, error)) return failed("reference table: " + error);
    if (auto parsed = load_authorities(candidate.string()); !parsed || parsed->empty()) {
      failed("reference table: the download is not an authority table (" +
             (parsed ? std::string("no rows") : parsed.error()) + ")");
      fs::remove(candidate);
      return;
    }
    std::error_code ec;
    fs::rename(candidate, reference, ec);
    if (ec)
      failed("reference table: " + ec.message());
    else
      ++summary_.downloaded;
  }

  // The authorities asked for (every one when none is named); a query that
  // finds none is a failure.
  std::vector<const Authority*> wanted(const AuthorityDirectory& directory) {
    std::vector<const Authority*> wanted;
    if (options_.authorities.empty()) {
      for (const auto& a : directory.all()) wanted.push_back(&a);
      return wanted;
    }
    for (const auto& q : options_.authorities) {
      auto found = directory.find(q);
      if (found)
        wanted.push_back(*found);
      else
        failed("authority '" + q + "': " + found.error());
    }
    return wanted;
  }

  // 2. An authority's reports, each recorded in the manifest and downloaded unless present.
  void fetch_authority(const Authority& a, Manifest& manifest) {
    std::string page_url = site_ + "/provider/44/" + a.urn;
    progress(a.name + ": " + page_url);
    auto page = http_.get(page_url);
    if (!page) return failed(a.name + ": " + page.error());
    auto listed = parse_provider_page(*page, site_);
    if (listed.empty()) {
      // Every authority has published reports: a page with no links to
      // files is one whose layout this reader no longer understands.
      return failed(a.name + ": " + page_url +
                    " lists no report files (no links to /v1/file/); the page's layout may "
                    "have changed");
    }
    for (const auto& report : listed) {
      const std::string file = report_file_name(a, report);
      manifest[file] = {file, a.urn, a.slug, report.published ? to_iso(*report.published) : "",
                        tsv_field(report.title)};
      fetch_report(file, report.url);
    }
  }

  void fetch_report(const std::string& file, const std::string& url) {
    const fs::path target = data_ / "corpus" / "pdf" / file;
    if (fs::exists(target)) {
      ++summary_.already_present;
      return;
    }
    auto pdf = http_.get(url);
    if (!pdf) return failed(file + ": " + pdf.error());
    if (std::string problem = not_a_whole_pdf(*pdf); !problem.empty()) return failed(file + ": " + url + " " + problem);
    std::string error;
    if (!write_atomically(target, *pdf, error)) return failed(file + ": " + error);
    ++summary_.downloaded;
    summary_.saved.push_back("corpus/pdf/" + file);
  }

  void failed(const std::string& what) {
    ++summary_.failed;
    summary_.failures.push_back(what);
  }

  FetchSummary& summary() { return summary_; }

 private:
  void progress(const std::string& message) const {
    if (options_.on_progress) options_.on_progress(message);
  }

  const FetchOptions& options_;
  HttpClient http_;
  fs::path data_;
  std::string site_;
  FetchSummary summary_;
};

}  // namespace

FetchSummary fetch_reports(const FetchOptions& options) {
  Fetch fetch(options);
  fetch.fetch_reference_table();
  if (options.reference_only) return fetch.summary();

  auto authorities = load_authorities(fetch.reference_path().string());
  if (!authorities) {
    fetch.failed(authorities.error());
    return fetch.summary();
  }
  AuthorityDirectory directory(*authorities);
  const std::vector<const Authority*> wanted = fetch.wanted(directory);

  const fs::path manifest_path = fs::path(options.data_dir) / "corpus" / "manifest.tsv";
  Manifest manifest = read_manifest(manifest_path);
  for (const Authority* a : wanted) fetch.fetch_authority(*a, manifest);
  std::string error;
  if (!write_atomically(manifest_path, manifest_tsv(manifest), error)) fetch.failed("manifest: " + error);
  return fetch.summary();
}

}  // namespace cscwatch
