#include "ingest/ingest.h"

#include <algorithm>
#include <cstdlib>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "domain/completeness.h"
#include "parse/document_parser.h"
#include "parse/parser_version.h"
#include "reader/pdf_reader.h"

namespace cscwatch {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxFileBytes = 256u << 20;
constexpr std::size_t kQueueDepth = 8;  // documents read ahead of the writer

// What a worker hands to the writer for one file.
struct Outcome {
  enum class Kind { Parsed, Unchanged, Failed } kind = Kind::Failed;
  std::string path;
  std::string reason;       // Failed
  int64_t document_id = 0;  // Unchanged
  std::string bytes;        // Parsed
  std::vector<Page> pages;  // Parsed
  DocumentToStore document; // Parsed (pointers set by the writer)
};

// A bounded queue between the reading threads and the single writer.
class OutcomeQueue {
 public:
  void push(Outcome o) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < kQueueDepth; });
    items_.push_back(std::move(o));
    not_empty_.notify_one();
  }
  Outcome pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty(); });
    Outcome o = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return o;
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Outcome> items_;
};

bool read_whole_file(const std::string& path, std::string& bytes, std::string& error) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    error = "cannot read file: " + ec.message();
    return false;
  }
  if (size > kMaxFileBytes) {
    error = "file is " + std::to_string(size >> 20) + " MiB, over the " + std::to_string(kMaxFileBytes >> 20) +
            " MiB limit";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  bytes.resize(size);
  if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    error = "cannot read file";
    return false;
  }
  return true;
}

// Listings (manifest.tsv) beside the files, keyed by file name.
std::map<std::string, ListingEntry> load_listings(const std::vector<std::string>& files) {
  std::set<std::string> dirs;
  for (const auto& f : files) dirs.insert(fs::path(f).parent_path().string());
  std::map<std::string, ListingEntry> listings;
  for (const auto& d : dirs) {
    fs::path dir = d.empty() ? fs::path(".") : fs::path(d);
    // The listing sits beside the PDFs or one level up (corpus/manifest.tsv
    // describes corpus/pdf/).
    for (const fs::path& manifest : {dir / "manifest.tsv", dir.parent_path() / "manifest.tsv"}) {
      std::error_code ec;
      if (!fs::exists(manifest, ec)) continue;
      if (auto m = load_manifest(manifest.string())) listings.merge(*m);
      break;
    }
  }
  return listings;
}

// "80464-dudley_2016-04-05.pdf" -> Dudley, when the leading number is a known URN.
const Authority* authority_from_file_name(const AuthorityDirectory& directory, const std::string& file_name) {
  size_t digits = 0;
  while (digits < file_name.size() && digits < 12 && std::isdigit(static_cast<unsigned char>(file_name[digits]))) ++digits;
  if (digits == 0 || digits >= file_name.size() || file_name[digits] != '-') return nullptr;
  return directory.by_urn(std::string_view(file_name).substr(0, digits));
}

Outcome process_file(PdfReader& reader, const std::string& path, const AuthorityDirectory& directory,
                     const std::unordered_map<std::string, std::pair<int64_t, int>>& known,
                     const std::map<std::string, ListingEntry>& listings, const ParseOptions& parse_options) {
  Outcome out;
  out.path = path;
  std::string bytes;
  if (!read_whole_file(path, bytes, out.reason)) return out;
  std::string sha = sha256_hex(bytes);
  if (auto it = known.find(sha); it != known.end() && it->second.second >= kParserVersion) {
    out.kind = Outcome::Kind::Unchanged;
    out.document_id = it->second.first;
    return out;
  }
  auto text = reader.read_bytes(bytes, path);
  if (!text) {
    out.reason = text.error();
    return out;
  }
  auto record = parse_inspection_document(text->pages, parse_options);
  if (!record) {
    out.reason = record.error();
    return out;
  }
  std::string file_name = fs::path(path).filename().string();
  std::vector<ReviewItem> review = check_completeness(*record);
  // Text the reader had to cut (a line over its limit): what was on it may be missing.
  for (const auto& warning : text->warnings)
    add_review_item(review, {"text", "the reader cut text on page " + std::to_string(warning.page) + ": " + warning.message,
                             warning.page});
  std::string resolution;
  const AuthorityResolution resolved = directory.resolve(
      record->authority_printed.value, record->start ? std::optional<Date>(record->start->value) : std::nullopt);
  const Authority* authority = resolved.authority;
  if (resolved.by == AuthorityResolution::By::DeliveryBody) {
    // A trust's report is the council's inspection (domain brief, section 3).
    resolution = resolved.note;
    if (resolved.outside_dates)
      add_review_item(review, {"authority", resolved.note + ", but not on the inspection's dates",
                               std::max(record->authority_printed.page, 1)});
  }
  if (!authority) {
    // Ofsted's listing (and cscwatch fetch) names each file "URN-slug_date.pdf":
    // the URN stands in for an unreadable name, flagged for a person to check.
    authority = authority_from_file_name(directory, file_name);
    if (!authority) {
      out.reason = "authority '" + record->authority_printed.value + "' (page " +
                   std::to_string(record->authority_printed.page) + "): " + resolved.note +
                   "; not in the reference list of authorities (reference/authorities.csv), and the file name "
                   "holds no known URN";
      return out;
    }
    resolution = "from the file name's URN " + authority->urn;
    add_review_item(review, {"authority",
                             "the printed name '" + record->authority_printed.value + "' resolves to no single authority (" +
                                 resolved.note + "); " + authority->name + " was taken from the file name's URN",
                             std::max(record->authority_printed.page, 1)});
  }
  if (!record->published) {
    if (auto it = listings.find(file_name); it != listings.end()) {
      if (auto date = parse_iso_date(it->second.listed_published)) {
        record->published = Sourced<Date>{*date, 0};
        record->published_source = "manifest";
      }
    }
  }
  out.kind = Outcome::Kind::Parsed;
  out.bytes = std::move(bytes);
  out.pages = std::move(text->pages);
  out.document.path = fs::absolute(path).lexically_normal().string();
  out.document.file_name = file_name;
  out.document.sha256 = sha;
  out.document.record = std::move(*record);
  out.document.authority_urn = authority->urn;
  out.document.authority_resolution = resolution;
  out.document.review = std::move(review);
  return out;
}

std::string review_line(const std::vector<ReviewItem>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item.field + ": " + item.reason;
  return out;
}

}  // namespace

std::vector<std::string> collect_pdf_files(const std::vector<std::string>& paths,
                                           std::vector<IngestFailure>& missing) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (ext == ".pdf") found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      missing.push_back({p, "no such file or folder"});
    }
  }
  return files;
}

IngestSummary ingest_files(Register& reg, const AuthorityDirectory& directory, const std::vector<std::string>& files,
                           const IngestOptions& options) {
  auto started = std::chrono::steady_clock::now();
  IngestSummary summary;
  summary.files = static_cast<int>(files.size());

  // What is already stored, so unchanged files are recognised without parsing.
  std::unordered_map<std::string, std::pair<int64_t, int>> known;
  {
    auto q = reg.connection().prepare("SELECT sha256, id, parser_version FROM documents");
    while (q.step()) known[q.text(0)] = {q.integer(1), static_cast<int>(q.integer(2))};
  }
  auto listings = load_listings(files);

  OutcomeQueue queue;
  std::atomic<size_t> next{0};
  int threads = std::clamp(options.threads, 1, 64);
  std::vector<std::thread> workers;
  workers.reserve(static_cast<size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      PdfReader reader;  // one MuPDF context per thread
      for (size_t i = next++; i < files.size(); i = next++) {
        Outcome o;
        try {
          o = process_file(reader, files[i], directory, known, listings, options.parse_options);
        } catch (const std::exception& e) {
          o.kind = Outcome::Kind::Failed;
          o.path = files[i];
          o.reason = std::string("internal error: ") + e.what();
        }
        queue.push(std::move(o));
      }
    });
  }

  for (size_t done = 0; done < files.size(); ++done) {
    Outcome o = queue.pop();
    switch (o.kind) {
      case Outcome::Kind::Unchanged:
        try {
          reg.touch_path(o.document_id, fs::absolute(o.path).lexically_normal().string());
        } catch (const SqlError&) {
          // The stored path is informational; the document itself is intact.
        }
        ++summary.unchanged;
        break;
      case Outcome::Kind::Failed:
        ++summary.failed;
        summary.failures.push_back({o.path, o.reason});
        break;
      case Outcome::Kind::Parsed: {
        o.document.pdf_bytes = &o.bytes;
        o.document.pages = &o.pages;
        auto stored = reg.store(o.document);
        if (stored) {
          ++summary.ingested;
          if (!o.document.review.empty()) {
            ++summary.needs_review;
            summary.flagged.push_back({o.path, review_line(o.document.review)});
          }
        } else {
          ++summary.failed;
          summary.failures.push_back({o.path, stored.error()});
        }
        break;
      }
    }
    if (options.on_progress) options.on_progress(static_cast<int>(done + 1), summary.files, o.path);
  }
  for (auto& w : workers) w.join();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace cscwatch
