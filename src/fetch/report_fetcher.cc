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

}  // namespace

FetchSummary fetch_reports(const FetchOptions& options) {
  FetchSummary summary;
  auto progress = [&](const std::string& message) {
    if (options.on_progress) options.on_progress(message);
  };
  auto failed = [&](const std::string& what) {
    ++summary.failed;
    summary.failures.push_back(what);
  };
  HttpClient http(options.limits);
  fs::path data(options.data_dir);
  fs::path reference = data / "reference" / "authorities.csv";

  // 1. The reference table, checked before it replaces the current one.
  progress("reference table: " + options.reference_url);
  if (auto body = http.get(options.reference_url)) {
    fs::path candidate = reference;
    candidate += ".new";
    std::string error;
    if (!write_atomically(candidate, *body, error)) {
      failed("reference table: " + error);
    } else if (auto parsed = load_authorities(candidate.string()); !parsed || parsed->empty()) {
      failed("reference table: the download is not an authority table (" +
             (parsed ? std::string("no rows") : parsed.error()) + ")");
      fs::remove(candidate);
    } else {
      std::error_code ec;
      fs::rename(candidate, reference, ec);
      if (ec) failed("reference table: " + ec.message());
      else ++summary.downloaded;
    }
  } else {
    failed("reference table: " + body.error());
  }
  if (options.reference_only) return summary;

  auto authorities = load_authorities(reference.string());
  if (!authorities) {
    failed(authorities.error());
    return summary;
  }
  AuthorityDirectory directory(*authorities);
  std::vector<const Authority*> wanted;
  if (options.authorities.empty()) {
    for (const auto& a : directory.all()) wanted.push_back(&a);
  } else {
    for (const auto& q : options.authorities) {
      auto found = directory.find(q);
      if (found) wanted.push_back(*found);
      else failed("authority '" + q + "': " + found.error());
    }
  }

  // 2. Each authority's reports, and the listing that records their dates.
  fs::path corpus = data / "corpus" / "pdf";
  fs::path manifest_path = data / "corpus" / "manifest.tsv";
  std::map<std::string, std::vector<std::string>> manifest;  // file -> row
  {
    std::string text;
    if (read_text_file(manifest_path.string(), text)) {
      auto rows = parse_delimited(text, '\t');
      for (size_t i = 1; i < rows.size(); ++i)
        if (!rows[i].empty()) manifest[rows[i][0]] = rows[i];
    }
  }
  std::string site = options.site;
  while (!site.empty() && site.back() == '/') site.pop_back();
  for (const Authority* a : wanted) {
    std::string page_url = site + "/provider/44/" + a->urn;
    progress(a->name + ": " + page_url);
    auto page = http.get(page_url);
    if (!page) {
      failed(a->name + ": " + page.error());
      continue;
    }
    auto listed = parse_provider_page(*page, site);
    if (listed.empty()) {
      // Every authority has published reports: a page with no links to
      // files is one whose layout this reader no longer understands.
      failed(a->name + ": " + page_url + " lists no report files (no links to /v1/file/); the page's layout may "
             "have changed");
      continue;
    }
    for (const auto& report : listed) {
      std::string date = report.published ? to_iso(*report.published) : "undated";
      std::string file = a->urn + "-" + a->slug + "_" + date + ".pdf";
      if (!report.published) file = a->urn + "-" + a->slug + "_" + report.url.substr(report.url.rfind('/') + 1) + ".pdf";
      fs::path target = corpus / file;
      manifest[file] = {file, a->urn, a->slug, report.published ? date : "", tsv_field(report.title)};
      if (fs::exists(target)) {
        ++summary.already_present;
        continue;
      }
      auto pdf = http.get(report.url);
      if (!pdf) {
        failed(file + ": " + pdf.error());
        continue;
      }
      if (pdf->compare(0, 5, "%PDF-") != 0) {
        // What the corpus's four 2012 "reports" are: an error page saved as .pdf.
        failed(file + ": " + report.url + " returned " +
               (pdf->find("<html") != std::string::npos || pdf->find("<!DOCTYPE") != std::string::npos
                    ? "an HTML page"
                    : "something other than a PDF") +
               "; not saved");
        continue;
      }
      if (!ends_like_a_pdf(*pdf)) {
        failed(file + ": " + report.url + " returned a truncated PDF (" + std::to_string(pdf->size()) +
               " bytes, no %%EOF at the end); not saved");
        continue;
      }
      std::string error;
      if (write_atomically(target, *pdf, error)) {
        ++summary.downloaded;
        summary.saved.push_back("corpus/pdf/" + file);
      } else {
        failed(file + ": " + error);
      }
    }
  }
  std::string tsv = "file\turn\tslug\tlisted_published\tsource_title\n";
  for (const auto& [file, row] : manifest) {
    for (size_t i = 0; i < row.size(); ++i) tsv += (i ? "\t" : "") + row[i];
    tsv += "\n";
  }
  std::string error;
  if (!write_atomically(manifest_path, tsv, error)) failed("manifest: " + error);
  return summary;
}

}  // namespace cscwatch
