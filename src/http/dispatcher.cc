#include "http/dispatcher.h"

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <fmt/format.h>
#include <optional>

#include "http/url_codec.h"
#include "http/write_guard.h"
#include "store/audit_log.h"
#include "store/sessions.h"
#include "store/sqlite.h"

namespace cscwatch {

namespace {

// The database's state, for the response cache: any write (an ingest) changes
// the size or modification time of the file or its write-ahead log.
std::string file_stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "-";
  return fmt::format("{}.{}:{}", st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_size);
}

std::string cache_key(const WebRequest& req) {
  // params is a multimap: sorted by name, so equivalent query strings in a
  // different order share an entry.
  std::string key = req.path;
  key += '?';
  for (const auto& [k, v] : req.params) {
    key += url_encode(k);
    key += '=';
    key += url_encode(v);
    key += '&';
  }
  return key;
}

bool shares_cache(Audience a) { return a == Audience::kEveryone || a == Audience::kAnonymousCached; }
bool same_for_everyone(Audience a) { return a == Audience::kEveryone || a == Audience::kEveryoneUncached; }

// Runs a handler, turning what it throws into the client's answer:
// BadRequest 400, NotFound 404, Forbidden 403, Conflict 409, anything else
// 500 (the details go to the log, never to the client).
template <typename Body>
WebResponse answer_or_error(const ErrorResponses& errors, const WebRequest& w, Body&& body) {
  try {
    return body();
  } catch (const BadRequest& e) {
    return errors(w.path, 400, e.what());
  } catch (const NotFound& e) {
    return errors(w.path, 404, e.what());
  } catch (const Forbidden& e) {
    return errors(w.path, 403, e.what());
  } catch (const Conflict& e) {
    return errors(w.path, 409, e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cscwatch serve: %s %s failed: %s\n", w.method.c_str(), w.path.c_str(), e.what());
    return errors(w.path, 500, "Something went wrong on the server. The error has been logged.");
  }
}

}  // namespace

Dispatcher::Dispatcher(const ServeOptions& o, Site site)
    : options_(o),
      pages_(std::move(site.pages)),
      errors_(pages_.error_page),
      pool_(o.db_path),
      cache_(2048, 128u << 20),
      writer_(o.db_path),
      sessions_{pool_, writer_, throttle_, errors_, pages_, o.secure_cookies} {
  for (auto& r : site.routes) {
    std::regex pattern(r.pattern);
    routes_.push_back({std::move(r), std::move(pattern)});
  }
  // Write routes given by the embedder (tests), after the site's.
  for (const auto& [pattern, handler] : options_.extra_write_routes)
    routes_.push_back({post_write(pattern, handler), std::regex(pattern)});
}

Date Dispatcher::today() const { return options_.today ? options_.today() : cscwatch::today(); }

std::string Dispatcher::cache_generation() const {
  return file_stamp(options_.db_path) + "|" + file_stamp(options_.db_path + "-wal") + "|" + to_iso(today());
}

void Dispatcher::log(const WebRequest& w, int status, std::chrono::steady_clock::time_point started) const {
  if (!options_.log_requests) return;
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "%s %s %d %lld us\n", w.method.c_str(), w.path.c_str(), status, static_cast<long long>(us));
}

WebResponse Dispatcher::dispatch(WebRequest& w) {
  std::string method = w.method == "HEAD" ? "GET" : w.method;
  if (method != "GET" && method != "POST") return errors_(w.path, 405, "Only GET and POST are accepted.");
  for (const auto& [route, pattern] : routes_) {
    if (route.method != method) continue;
    std::smatch m;
    if (!std::regex_match(w.path, m, pattern)) continue;
    for (size_t i = 1; i < m.size(); ++i) w.path_args.push_back(m[i]);
    try {
      resolve_account(w);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "cscwatch serve: session lookup failed: %s\n", e.what());
    }
    WebResponse out = route.read    ? run_read(w, route.read, route.audience)
                      : route.write ? run_write(w, route.write)
                      : route.session ? route.session(sessions_, w)
                                      : route.plain(w);
    if (w.account && out.content_type.rfind("text/html", 0) == 0 && pages_.show_account)
      pages_.show_account(out, *w.account, w.csrf_token);
    return out;
  }
  return errors_(w.path, 404, "There is no page at this address.");
}

std::shared_ptr<const WebResponse> Dispatcher::cache_hit(const WebRequest& w) {
  if (w.method != "GET" && w.method != "HEAD") return nullptr;
  if (!w.session_cookie.empty()) return nullptr;  // signed in (or was): resolved on a worker
  for (const auto& [route, pattern] : routes_) {
    if (route.method != "GET" || !std::regex_match(w.path, pattern)) continue;
    if (!route.read || !shares_cache(route.audience)) return nullptr;
    return cache_.get(cache_key(w), cache_generation());
  }
  return nullptr;
}

void Dispatcher::resolve_account(WebRequest& w) {
  if (w.session_cookie.empty()) return;
  auto lease = pool_.borrow();
  if (auto s = find_session(*lease, w.session_cookie, unix_now())) {
    w.account = std::move(s->account);
    w.csrf_token = std::move(s->csrf);
  }
}

WebResponse Dispatcher::run_read(const WebRequest& signed_in_request, const ReadHandler& handler, Audience audience) {
  // A page that is the same for everyone is rendered as for an anonymous
  // visitor, so a signed-in request shares the anonymous page and its cache
  // entry; dispatch then swaps in the account bar. Other pages of a
  // signed-in request are rendered for it and never cached.
  std::optional<WebRequest> anonymous_view;
  if (same_for_everyone(audience) && (signed_in_request.account || !signed_in_request.session_cookie.empty())) {
    anonymous_view.emplace(signed_in_request);
    anonymous_view->account.reset();
    anonymous_view->csrf_token.clear();
    anonymous_view->session_cookie.clear();
  }
  const WebRequest& w = anonymous_view ? *anonymous_view : signed_in_request;
  auto started = std::chrono::steady_clock::now();
  // A signed-in request's page may hold restricted records or a CSRF token:
  // never served from nor stored in the shared cache.
  bool use_cache = shares_cache(audience) && (w.method == "GET" || w.method == "HEAD") && !w.account && w.session_cookie.empty();
  WebResponse out = use_cache ? shared_read(w, handler) : compute_read(w, handler);
  log(w, out.status, started);
  return out;
}

WebResponse Dispatcher::compute_read(const WebRequest& w, const ReadHandler& handler) {
  return answer_or_error(errors_, w, [&] {
    auto lease = pool_.borrow();
    // Every query of one request reads the same snapshot, even while an
    // ingest commits (WAL): a page never mixes two states of the register.
    ReadSnapshot snapshot(*lease);
    PageContext ctx{*lease, today()};
    return handler(ctx, w);
  });
}

WebResponse Dispatcher::shared_read(const WebRequest& w, const ReadHandler& handler) {
  std::string generation = cache_generation();
  std::string key = cache_key(w);
  if (auto hit = cache_.get(key, generation)) return *hit;
  auto compute = [&]() -> WebResponse {
    // An identical request may have finished since this one looked.
    if (auto hit = cache_.get(key, generation)) return *hit;
    WebResponse out = compute_read(w, handler);
    if (out.cacheable && out.status == 200) cache_.put(key, generation, out);
    return out;
  };
  // Identical requests arriving together share one computation; only an
  // answer the cache would keep is shared (single_flight.h).
  auto shared = flights_.run(generation + '\n' + key, compute,
                             [](const WebResponse& r) { return r.cacheable && r.status == 200; }, w.client_gone);
  // Null: this client left while waiting; the answer goes nowhere.
  return shared ? *shared : errors_(w.path, 503, "The connection was closed before the answer was ready.");
}

// A write: signed in, CSRF token checked, the handler run on the writable
// connection inside one transaction, committed only if it answered < 400
// and recorded an audit row for whatever it changed.
WebResponse Dispatcher::run_write(const WebRequest& w, const WriteHandler& handler) {
  auto started = std::chrono::steady_clock::now();
  WebResponse out;
  if (!w.account) {
    out = sign_in_required(errors_, w);
  } else if (!csrf_ok(w)) {
    out = csrf_refused(errors_, w);
  } else {
    out = answer_or_error(errors_, w, [&] {
      return writer_.with([&](Connection& db) {
        Transaction tx(db);
        auto changes_before = sqlite3_total_changes64(db.handle());
        auto audit_before = latest_audit_id(db);
        WriteContext ctx{db, today(), *w.account};
        WebResponse answer = handler(ctx, w);
        if (answer.status < 400) {
          bool changed = sqlite3_total_changes64(db.handle()) != changes_before;
          if (changed && latest_audit_id(db) == audit_before) {
            // A write path that forgot its audit row: nothing is kept.
            std::fprintf(stderr, "cscwatch serve: %s %s changed rows without an audit row; rolled back\n", w.method.c_str(),
                         w.path.c_str());
            return errors_(w.path, 500, "Something went wrong on the server. The error has been logged.");
          }
          tx.commit();
        }
        return answer;
      });
    });
  }
  out.cacheable = false;
  log(w, out.status, started);
  return out;
}

}  // namespace cscwatch
