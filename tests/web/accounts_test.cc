// Accounts on a real server over loopback: who may write what (403s), CSRF,
// sign-in throttling, cookie flags, the audit trail of every write, and that
// anonymous pages stay shared and cached while signed-in ones never are.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "auth_test_support.h"
#include <atomic>
#include <thread>

#include "store/accounts.h"
#include "store/audit_log.h"
#include "store/backup.h"
#include "store/improvement_visibility.h"
#include "store/register.h"

namespace cscwatch::testing {
namespace {

using nlohmann::json;

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = register_with_authorities(dir.path);
    dudley = urn_of(db, "dudley");
    bcp = urn_of(db, "bournemouth-christchurch-and-poole");
    create_test_account(db, "ada", Role::admin);
    create_test_account(db, "ed", Role::editor, {dudley});
    create_test_account(db, "vi", Role::viewer, {dudley});
    create_test_account(db, "nobody", Role::viewer);
  }

  // POST /authority/<slug>/visibility as `who` (nullptr: anonymous).
  httplib::Result set_visibility(const TestServer& server, const SignedIn* who, const std::string& slug, const std::string& value,
                                 bool with_csrf = true) {
    std::vector<std::pair<std::string, std::string>> fields{{"restricted", value}};
    httplib::Headers headers;
    if (who) {
      headers.emplace("Cookie", who->session_cookie);
      if (with_csrf) fields.emplace_back("csrf", who->csrf);
    }
    return server.client().Post("/authority/" + slug + "/visibility", headers, form_body(fields), "application/x-www-form-urlencoded");
  }

  size_t audit_rows(const std::string& urn) {
    auto c = Connection::open(db, true);
    return audit_for_authority(*c, urn).size();
  }

  TempDir dir;
  std::string db, dudley, bcp;
};

std::string set_cookie(const httplib::Result& res, const std::string& name) {
  for (const auto& [k, v] : res->headers)
    if (k == "Set-Cookie" && v.rfind(name + "=", 0) == 0) return v;
  return {};
}

httplib::Result post_login(const TestServer& server, const std::string& name, const std::string& password,
                           const httplib::Headers& extra = {}) {
  auto client = server.client();
  auto form = client.Get("/login", extra);
  std::string cookie = set_cookie(form, "cscwatch_login");
  cookie = cookie.substr(0, cookie.find(';'));
  std::string marker = "name=\"login_csrf\" value=\"";
  auto at = form->body.find(marker) + marker.size();
  std::string token = form->body.substr(at, form->body.find('"', at) - at);
  httplib::Headers headers = extra;
  headers.emplace("Cookie", cookie);
  return client.Post("/login", headers, form_body({{"login_csrf", token}, {"name", name}, {"password", password}}),
                     "application/x-www-form-urlencoded");
}

TEST_F(AccountsTest, SessionCookieIsHttpOnlyStrictAndSecureOnlyWhenServedOverTls) {
  {
    TestServer server(db);
    auto res = post_login(server, "ed", kTestPassword);
    ASSERT_EQ(res->status, 303);
    std::string cookie = set_cookie(res, "cscwatch_session");
    EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; Path=/;"), std::string::npos) << cookie;
    EXPECT_EQ(cookie.find("Secure"), std::string::npos) << cookie;
    // 256 random bits as hex.
    EXPECT_EQ(cookie.find(';'), std::string("cscwatch_session=").size() + 64) << cookie;
    // Not believed without --trust-proxy.
    auto proxied = post_login(server, "ed", kTestPassword, {{"X-Forwarded-Proto", "https"}});
    EXPECT_EQ(set_cookie(proxied, "cscwatch_session").find("Secure"), std::string::npos);
  }
  {
    TestServer server(db, [](ServeOptions& o) { o.secure_cookies = true; });
    auto res = post_login(server, "ed", kTestPassword);
    EXPECT_NE(set_cookie(res, "cscwatch_session").find("; Secure"), std::string::npos);
  }
  {
    TestServer server(db, [](ServeOptions& o) { o.trust_proxy = true; });
    auto res = post_login(server, "ed", kTestPassword, {{"X-Forwarded-Proto", "https"}});
    EXPECT_NE(set_cookie(res, "cscwatch_session").find("; Secure"), std::string::npos);
    auto plain = post_login(server, "ed", kTestPassword);
    EXPECT_EQ(set_cookie(plain, "cscwatch_session").find("Secure"), std::string::npos);
  }
}

TEST_F(AccountsTest, ViewerCannotWrite) {
  TestServer server(db);
  auto vi = sign_in(server, "vi");
  auto res = set_visibility(server, &vi, "dudley", "1");
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(audit_rows(dudley), 0u);
}

TEST_F(AccountsTest, EditorWritesOnlyItsOwnAuthorities) {
  TestServer server(db);
  auto ed = sign_in(server, "ed");
  EXPECT_EQ(set_visibility(server, &ed, "bournemouth-christchurch-and-poole", "1")->status, 403);
  EXPECT_EQ(audit_rows(bcp), 0u);
  auto own = set_visibility(server, &ed, "dudley", "1");
  EXPECT_EQ(own->status, 303);
  EXPECT_EQ(own->get_header_value("Location"), "/authority/dudley");
  EXPECT_EQ(audit_rows(dudley), 1u);
  // The admin may write any authority.
  auto ada = sign_in(server, "ada");
  EXPECT_EQ(set_visibility(server, &ada, "bournemouth-christchurch-and-poole", "1")->status, 303);
  EXPECT_EQ(audit_rows(bcp), 1u);
  // A bad value is refused with a message saying what is wanted, and writes nothing.
  auto bad = set_visibility(server, &ed, "dudley", "maybe");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("restricted must be 1"), std::string::npos);
  EXPECT_EQ(audit_rows(dudley), 1u);
}

TEST_F(AccountsTest, WritesWithoutAValidCsrfTokenOrSessionAreRefused) {
  TestServer server(db);
  auto ed = sign_in(server, "ed");
  EXPECT_EQ(set_visibility(server, &ed, "dudley", "1", /*with_csrf=*/false)->status, 403);
  SignedIn forged = ed;
  forged.csrf = std::string(64, 'a');
  EXPECT_EQ(set_visibility(server, &forged, "dudley", "1")->status, 403);
  // Another session's token is not this session's.
  auto other = sign_in(server, "ed");
  forged.csrf = other.csrf;
  EXPECT_EQ(set_visibility(server, &forged, "dudley", "1")->status, 403);
  // Anonymous: a page goes to the sign-in form.
  auto anonymous = set_visibility(server, nullptr, "dudley", "1");
  EXPECT_EQ(anonymous->status, 303);
  EXPECT_EQ(anonymous->get_header_value("Location").rfind("/login", 0), 0u);
  EXPECT_EQ(audit_rows(dudley), 0u);
  // The X-CSRF-Token header works as the form field does.
  auto res = server.client().Post("/authority/dudley/visibility", ed.headers(), "restricted=1", "application/x-www-form-urlencoded");
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(audit_rows(dudley), 1u);
  // The sign-in form itself needs its token (no signing a browser in from elsewhere).
  auto login = server.client().Post("/login", "name=ed&password=correct+horse+battery", "application/x-www-form-urlencoded");
  EXPECT_EQ(login->status, 403);
  EXPECT_TRUE(set_cookie(login, "cscwatch_session").empty());
}

TEST_F(AccountsTest, WrongPasswordsAreThrottledAndNeverSayWhetherTheAccountExists) {
  TestServer server(db);
  auto wrong = post_login(server, "ed", "not the password");
  auto unknown = post_login(server, "no-such-account", "not the password");
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(unknown->status, 401);
  auto message = [](const std::string& body) {
    auto at = body.find("role=\"alert\">");
    return body.substr(at, body.find('<', at + 13) - at);
  };
  EXPECT_EQ(message(wrong->body), message(unknown->body));
  for (int i = 1; i < 5; ++i) EXPECT_EQ(post_login(server, "ed", "not the password")->status, 401) << i;
  // Five failures: now even the right password waits.
  auto refused = post_login(server, "ed", kTestPassword);
  EXPECT_EQ(refused->status, 429);
  EXPECT_GE(std::stoi(refused->get_header_value("Retry-After")), 1);
  EXPECT_TRUE(set_cookie(refused, "cscwatch_session").empty());
  // Another account from the same address is not held up (the address allows more).
  EXPECT_EQ(post_login(server, "ada", kTestPassword)->status, 303);
}

TEST_F(AccountsTest, EveryWriteHasItsAuditRowReadableByThoseAllowed) {
  TestServer server(db);
  auto ed = sign_in(server, "ed");
  ASSERT_EQ(set_visibility(server, &ed, "dudley", "1")->status, 303);
  ASSERT_EQ(set_visibility(server, &ed, "dudley", "0")->status, 303);
  auto res = server.client().Get("/api/audit/dudley", ed.headers(false));
  ASSERT_EQ(res->status, 200);
  auto changes = json::parse(res->body).at("changes");
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0]["actor"], "ed");
  EXPECT_EQ(changes[0]["action"], "update");
  EXPECT_EQ(changes[0]["before"]["restricted"], true);
  EXPECT_EQ(changes[0]["after"]["restricted"], false);
  EXPECT_EQ(changes[1]["after"]["restricted"], true);
  auto page = server.client().Get("/audit/dudley", ed.headers(false));
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("restricted: true \u2192 false"), std::string::npos);
  // Who may not see Dudley's restricted records may not read its trail.
  auto nobody = sign_in(server, "nobody");
  EXPECT_EQ(server.client().Get("/api/audit/dudley", nobody.headers(false))->status, 403);
  EXPECT_EQ(server.client().Get("/api/audit/dudley")->status, 403);
  // The viewer granted Dudley may read it.
  auto vi = sign_in(server, "vi");
  EXPECT_EQ(server.client().Get("/api/audit/dudley", vi.headers(false))->status, 200);
}

TEST_F(AccountsTest, AnonymousPagesStayCachedSignedInPagesAreNeverShared) {
  TestServer server(db);
  auto anonymous = server.client().Get("/");
  ASSERT_EQ(anonymous->status, 200);
  EXPECT_NE(anonymous->body.find("href=\"/login\">Sign in</a>"), std::string::npos);
  EXPECT_EQ(anonymous->get_header_value("Cache-Control"), "no-cache");
  auto ed = sign_in(server, "ed");
  auto mine = server.client().Get("/", ed.headers(false));
  ASSERT_EQ(mine->status, 200);
  EXPECT_NE(mine->body.find("Signed in as ed"), std::string::npos);
  EXPECT_NE(mine->body.find(ed.csrf), std::string::npos);
  EXPECT_EQ(mine->get_header_value("Cache-Control"), "no-store");
  // The anonymous page served after it (from the cache) is still anonymous.
  auto again = server.client().Get("/");
  EXPECT_EQ(again->body.find("Signed in as"), std::string::npos);
  EXPECT_EQ(again->body, anonymous->body);
  // A page that may hold restricted records is rendered for the account.
  auto authority = server.client().Get("/authority/dudley", ed.headers(false));
  ASSERT_EQ(authority->status, 200);
  EXPECT_NE(authority->body.find("Signed in as ed"), std::string::npos);
  EXPECT_EQ(authority->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(server.client().Get("/authority/dudley")->body.find("Signed in as"), std::string::npos);
}

TEST_F(AccountsTest, SignOutNeedsTheCsrfTokenAndEndsTheSession) {
  TestServer server(db);
  auto ed = sign_in(server, "ed");
  auto refused = server.client().Post("/logout", ed.headers(false), "", "application/x-www-form-urlencoded");
  EXPECT_EQ(refused->status, 403);
  auto out = server.client().Post("/logout", ed.headers(false), form_body({{"csrf", ed.csrf}}), "application/x-www-form-urlencoded");
  EXPECT_EQ(out->status, 303);
  EXPECT_NE(set_cookie(out, "cscwatch_session").find("Max-Age=0"), std::string::npos);
  auto after = json::parse(server.client().Get("/api/session", ed.headers(false))->body);
  EXPECT_FALSE(after["signed_in"].get<bool>());
  EXPECT_EQ(set_visibility(server, &ed, "dudley", "1")->status, 303);  // to the sign-in form
  EXPECT_EQ(audit_rows(dudley), 0u);
}

TEST_F(AccountsTest, DisablingAnAccountEndsItsSessions) {
  TestServer server(db);
  auto ed = sign_in(server, "ed");
  {
    auto reg = Register::open(db);
    ASSERT_TRUE(disable_account(reg->connection(), "test", "ed"));
  }
  auto after = json::parse(server.client().Get("/api/session", ed.headers(false))->body);
  EXPECT_FALSE(after["signed_in"].get<bool>());
  EXPECT_EQ(post_login(server, "ed", kTestPassword)->status, 401);
}

// The write path itself, with handlers only this test registers: a write that
// forgot its audit row, one that answers an error after writing, one that
// finds a stale version. None of them leaves anything behind.
TEST_F(AccountsTest, WritePathCommitsOnlyAuditedSuccessfulWrites) {
  auto write_row = [](const WriteContext& ctx) {
    ctx.db.prepare("INSERT INTO improvement_visibility(authority_urn, restricted) VALUES ('x', 1)").run();
  };
  TestServer server(db, [&](ServeOptions& o) {
    o.extra_write_routes.emplace_back("/test/unaudited", [write_row](const WriteContext& ctx, const WebRequest&) {
      write_row(ctx);
      return json_response("{}");
    });
    o.extra_write_routes.emplace_back("/test/bad", [write_row](const WriteContext& ctx, const WebRequest&) {
      write_row(ctx);
      record_audit(ctx.db, {ctx.account.name, "x", "test", 0, "create", "", "{}"});
      return json_response("{}", 400);
    });
    o.extra_write_routes.emplace_back("/test/stale", [write_row](const WriteContext& ctx, const WebRequest&) -> WebResponse {
      write_row(ctx);
      record_audit(ctx.db, {ctx.account.name, "x", "test", 0, "create", "", "{}"});
      throw Conflict("changed meanwhile");
    });
    o.extra_write_routes.emplace_back("/test/audited", [write_row](const WriteContext& ctx, const WebRequest&) {
      write_row(ctx);
      record_audit(ctx.db, {ctx.account.name, "x", "test", 0, "create", "", "{}"});
      return json_response("{}");
    });
  });
  auto ed = sign_in(server, "ed");
  auto post = [&](const std::string& path) { return server.client().Post(path, ed.headers(), "", "application/x-www-form-urlencoded")->status; };
  EXPECT_EQ(post("/test/unaudited"), 500);
  EXPECT_EQ(post("/test/bad"), 400);
  EXPECT_EQ(post("/test/stale"), 409);
  auto rows = [&] {
    auto c = Connection::open(db, true);
    auto q = c->prepare("SELECT (SELECT count(*) FROM improvement_visibility), (SELECT count(*) FROM audit_log WHERE authority_urn = 'x')");
    q.step();
    return std::pair(q.integer(0), q.integer(1));
  };
  EXPECT_EQ(rows(), (std::pair<int64_t, int64_t>(0, 0)));
  EXPECT_EQ(post("/test/audited"), 200);
  EXPECT_EQ(rows(), (std::pair<int64_t, int64_t>(1, 1)));
}

// What a consistent state of the register looks like while editors toggle
// visibility: each toggle writes its change and its audit row together, so
// in any snapshot an authority is restricted exactly when it has an odd
// number of audit rows, and the audit ids run without gaps.
void expect_consistent(const std::string& file, const std::vector<std::string>& urns, size_t* writes = nullptr) {
  ASSERT_TRUE(check_register_file(file)) << check_register_file(file).error();
  auto db = Connection::open(file, true);
  size_t total = 0;
  for (const auto& urn : urns) {
    size_t n = audit_for_authority(*db, urn, 1000000).size();
    EXPECT_EQ(improvement_records_restricted(*db, urn), n % 2 == 1) << urn << " after " << n << " writes";
    total += n;
  }
  auto q = db->prepare("SELECT count(*), COALESCE(max(id), 0) FROM audit_log");
  q.step();
  EXPECT_EQ(q.integer(0), q.integer(1));
  if (writes) *writes = total;
}

TEST_F(AccountsTest, BackupUnderWriteLoadRestoresToAConsistentRegister) {
  std::vector<std::string> backups;
  std::vector<size_t> writes_seen;
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0}, done{0};
  {
    TestServer server(db);
    auto ed = sign_in(server, "ed");
    auto ada = sign_in(server, "ada");
    auto toggler = [&](const SignedIn who, const std::string& slug) {
      auto client = server.client();
      for (int i = 0; !stop; ++i) {
        auto res = client.Post("/authority/" + slug + "/visibility", who.headers(),
                               form_body({{"restricted", i % 2 == 0 ? "1" : "0"}}), "application/x-www-form-urlencoded");
        if (!res || res->status != 303) ++failures;
        ++done;
      }
    };
    std::thread a(toggler, ed, "dudley"), b(toggler, ada, "bournemouth-christchurch-and-poole");
    for (int k = 0; k < 3; ++k) {
      while (done < 20 * (k + 1)) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      std::string file = dir.path + "/backup-" + std::to_string(k) + ".db";
      auto made = backup_register(db, file);
      ASSERT_TRUE(made) << made.error();
      backups.push_back(file);
    }
    stop = true;
    a.join();
    b.join();
  }
  EXPECT_EQ(failures, 0);
  size_t final_writes = 0;
  expect_consistent(db, {dudley, bcp}, &final_writes);
  size_t previous = 0;
  for (const auto& file : backups) {
    size_t writes = 0;
    expect_consistent(file, {dudley, bcp}, &writes);
    // Each backup is a later prefix of the same history, taken mid-load.
    EXPECT_GE(writes, previous);
    EXPECT_LT(writes, final_writes);
    previous = writes;
  }
  EXPECT_GT(previous, 0u);
  // Restored over the register while a server serves it: the server sees the
  // backup's state (no restart), and its cache does not serve the old pages.
  {
    TestServer server(db);
    auto before = sign_in(server, "ed");
    auto old_trail = server.client().Get("/api/audit/dudley", before.headers(false));
    ASSERT_EQ(old_trail->status, 200);
    ASSERT_TRUE(restore_register(backups.front(), db));
    size_t restored_writes = 0;
    expect_consistent(db, {dudley, bcp}, &restored_writes);
    // Sessions started after the backup are gone with the rest of that state.
    EXPECT_FALSE(json::parse(server.client().Get("/api/session", before.headers(false))->body)["signed_in"].get<bool>());
    auto ed = sign_in(server, "ed");
    auto trail = server.client().Get("/api/audit/dudley", ed.headers(false));
    ASSERT_EQ(trail->status, 200);
    EXPECT_LT(json::parse(trail->body)["changes"].size(), json::parse(old_trail->body)["changes"].size());
  }
  // A backup restores into a new register that serves and signs in.
  std::string restored = dir.path + "/restored.db";
  auto r = restore_register(backups.back(), restored);
  ASSERT_TRUE(r) << r.error();
  expect_consistent(restored, {dudley, bcp});
  TestServer server(restored);
  auto ed = sign_in(server, "ed");
  EXPECT_EQ(server.client().Get("/api/audit/dudley", ed.headers(false))->status, 200);
}

}  // namespace
}  // namespace cscwatch::testing
