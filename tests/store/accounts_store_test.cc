// Accounts, sessions and the audit log in the register itself: what is
// stored (hashes, not secrets), expiry, and that the audit log only grows.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/accounts.h"
#include "store/audit_log.h"
#include "store/register.h"
#include "store/secret_token.h"
#include "store/sessions.h"

namespace cscwatch {
namespace {

class AccountsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path = (std::filesystem::temp_directory_path() / ("cscwatch-accounts-" + random_token().substr(0, 12) + ".db")).string();
    auto r = Register::open(path);
    ASSERT_TRUE(r) << r.error();
    reg.emplace(std::move(*r));
    Account a;
    a.name = "vi";
    a.role = Role::viewer;
    auto made = create_account(reg->connection(), "test", a, "a long enough password");
    ASSERT_TRUE(made) << made.error();
    account = *made;
  }
  void TearDown() override {
    reg.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  std::string path;
  std::optional<Register> reg;
  Account account;
};

TEST_F(AccountsStoreTest, SessionsAreStoredHashedAndExpire) {
  const Connection& db = reg->connection();
  std::int64_t now = 1'800'000'000;
  NewSession s = create_session(db, account.id, now);
  EXPECT_EQ(s.id.size(), 64u);
  EXPECT_NE(s.id, s.csrf);
  auto stored = db.prepare("SELECT id_sha256 FROM sessions");
  ASSERT_TRUE(stored.step());
  EXPECT_EQ(stored.text(0), sha256_hex(s.id));
  EXPECT_NE(stored.text(0), s.id);
  auto found = find_session(db, s.id, now + 60);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->account.name, "vi");
  EXPECT_EQ(found->csrf, s.csrf);
  EXPECT_FALSE(find_session(db, s.id, now + kSessionLifetime.count()));
  EXPECT_FALSE(find_session(db, sha256_hex(s.id), now + 60));  // the stored hash is not a key
  EXPECT_FALSE(find_session(db, "' OR 1=1 --", now + 60));
  EXPECT_FALSE(find_session(db, std::string(64, 'g'), now + 60));
  end_session(db, s.id);
  EXPECT_FALSE(find_session(db, s.id, now + 60));
}

TEST_F(AccountsStoreTest, TheAuditLogOnlyGrows) {
  Connection& db = reg->connection();
  ASSERT_EQ(latest_audit_id(db), 1);  // the account's creation
  EXPECT_THROW(db.exec("UPDATE audit_log SET actor = 'someone else'"), SqlError);
  EXPECT_THROW(db.exec("DELETE FROM audit_log"), SqlError);
  EXPECT_THROW(record_audit(db, {"x", "", "account", 1, "rename", "", ""}), SqlError);  // not an action
  EXPECT_EQ(latest_audit_id(db), 1);
  auto row = audit_for_authority(db, "");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].change.actor, "test");
  EXPECT_EQ(row[0].at.size(), std::string("2026-11-26T05:01:05.945Z").size());
  EXPECT_EQ(row[0].change.after_json.find("argon2"), std::string::npos);
}

}  // namespace
}  // namespace cscwatch
