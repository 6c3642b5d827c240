// cscwatch user add|passwd|disable|list and backup/restore, driven through
// the binary: passwords from stdin or a file (never argv), an audit row for
// every account change, restore refusing what is not an intact register.
#include <gtest/gtest.h>

#include "cli_support.h"
#include "store/audit_log.h"
#include "store/migrations.h"
#include "store/password_hash.h"
#include "store/sqlite.h"

namespace cscwatch::testing {
namespace {

class UserCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir.file("empty"));
    RunResult r = run_cscwatch({"ingest", "--quiet", "--db", db, "--data-dir", kDataDir, dir.file("empty")});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  // The binary with `args`, the password piped to its stdin.
  int run_with_stdin(const std::string& input, const std::string& args) {
    return run_shell("printf '%s\\n' '" + input + "' | " + kBinary + " --db " + db + " " + args + " >" + dir.file("out") + " 2>" +
                     dir.file("err"));
  }
  std::vector<AuditRow> account_audit() {
    auto c = Connection::open(db, true);
    return audit_for_authority(*c, "");
  }
  std::string stored_hash(const std::string& name) {
    auto c = Connection::open(db, true);
    auto q = c->prepare("SELECT password_hash FROM accounts WHERE name = ?");
    q.bind(1, name);
    return q.step() ? q.text(0) : "";
  }
  TempDir dir;
  std::string db = dir.file("register.db");
};

TEST_F(UserCommandTest, AddPasswdDisableListEachWithItsAuditRow) {
  ASSERT_EQ(run_with_stdin("first password 1", "user add ed --role editor --authority dudley"), 0) << read_file(dir.file("err"));
  EXPECT_NE(read_file(dir.file("out")).find("created account ed (editor: "), std::string::npos);
  std::string hash = stored_hash("ed");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password(hash, "first password 1"));
  EXPECT_FALSE(verify_password(hash, "first password 2"));

  write_file(dir.file("pw"), "second password 2\n");
  RunResult passwd = run_cscwatch({"user", "passwd", "ed", "--password-file", dir.file("pw"), "--db", db});
  ASSERT_EQ(passwd.status, 0) << passwd.err;
  EXPECT_TRUE(verify_password(stored_hash("ed"), "second password 2"));

  RunResult disabled = run_cscwatch({"user", "disable", "ed", "--db", db});
  ASSERT_EQ(disabled.status, 0) << disabled.err;
  RunResult list = run_cscwatch({"user", "list", "--db", db});
  ASSERT_EQ(list.status, 0);
  EXPECT_NE(list.out.find("ed "), std::string::npos);
  EXPECT_NE(list.out.find("disabled"), std::string::npos);

  auto audit = account_audit();  // newest first
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[2].change.action, "create");
  EXPECT_EQ(audit[1].change.action, "update");
  EXPECT_NE(audit[1].change.after_json.find("\"password\":\"changed\""), std::string::npos);
  EXPECT_EQ(audit[0].change.after_json.find("\"disabled\":true") != std::string::npos, true);
  for (const auto& row : audit) {
    EXPECT_EQ(row.change.actor.rfind("cli", 0), 0u);
    EXPECT_EQ(row.change.after_json.find("argon2"), std::string::npos);  // never the hash
  }
}

TEST_F(UserCommandTest, RefusesBadInputWithSpecificMessages) {
  EXPECT_EQ(run_with_stdin("short", "user add ed --role editor --authority dudley"), 2);
  EXPECT_NE(read_file(dir.file("err")).find("too short"), std::string::npos);
  EXPECT_EQ(run_with_stdin("long enough pass", "user add ed --role editor"), 2);
  EXPECT_NE(read_file(dir.file("err")).find("at least one authority"), std::string::npos);
  EXPECT_EQ(run_with_stdin("long enough pass", "user add ed --role editor --authority atlantis"), 2);
  EXPECT_NE(read_file(dir.file("err")).find("no authority"), std::string::npos);
  EXPECT_EQ(run_with_stdin("long enough pass", "user add 'bad name' --role viewer"), 2);
  EXPECT_NE(read_file(dir.file("err")).find("account name"), std::string::npos);
  EXPECT_NE(run_with_stdin("long enough pass", "user add ed --role superuser"), 0);
  // No way to give the password on the command line.
  EXPECT_NE(run_cscwatch({"user", "add", "ed", "--role", "viewer", "--password", "long enough pass", "--db", db}).status, 0);
  ASSERT_EQ(run_with_stdin("long enough pass", "user add ed --role viewer"), 0);
  EXPECT_EQ(run_with_stdin("long enough pass", "user add ED --role viewer"), 2);
  EXPECT_NE(read_file(dir.file("err")).find("already exists"), std::string::npos);
  EXPECT_EQ(account_audit().size(), 1u);  // only the one that was made
}

TEST_F(UserCommandTest, BackupRestoresAndRestoreRefusesWhatIsNotAnIntactRegister) {
  ASSERT_EQ(run_with_stdin("first password 1", "user add ed --role viewer"), 0);
  RunResult backup = run_cscwatch({"backup", dir.file("copy.db"), "--db", db});
  ASSERT_EQ(backup.status, 0) << backup.err;
  EXPECT_NE(backup.out.find("integrity ok"), std::string::npos);
  ASSERT_EQ(run_with_stdin("second password 2", "user add later --role viewer"), 0);

  // Not a register: text, an unrelated SQLite database, a damaged copy.
  write_file(dir.file("text.db"), "just some text, not a database at all\n");
  RunResult text = run_cscwatch({"restore", dir.file("text.db"), "--db", db});
  EXPECT_EQ(text.status, 2);
  EXPECT_NE(text.err.find("not restoring"), std::string::npos) << text.err;
  {
    auto other = Connection::open(dir.file("other.db"));
    other->exec("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('hello');");
  }
  RunResult other = run_cscwatch({"restore", dir.file("other.db"), "--db", db});
  EXPECT_EQ(other.status, 2);
  EXPECT_NE(other.err.find("not a cscwatch register"), std::string::npos) << other.err;
  // A register from a newer cscwatch.
  ASSERT_EQ(run_cscwatch({"backup", dir.file("newer.db"), "--db", db}).status, 0);
  {
    auto newer = Connection::open(dir.file("newer.db"));
    newer->prepare("INSERT INTO schema_migrations(version, applied_at) VALUES (?, 'later')").bind(1, latest_schema_version() + 1).run();
  }
  RunResult future = run_cscwatch({"restore", dir.file("newer.db"), "--db", db});
  EXPECT_EQ(future.status, 2);
  EXPECT_NE(future.err.find("newer cscwatch"), std::string::npos) << future.err;
  // Still both accounts: nothing was replaced.
  EXPECT_NE(run_cscwatch({"user", "list", "--db", db}).out.find("later"), std::string::npos);

  RunResult restored = run_cscwatch({"restore", dir.file("copy.db"), "--db", db});
  ASSERT_EQ(restored.status, 0) << restored.err;
  EXPECT_NE(restored.out.find("kept the current register as"), std::string::npos);
  std::string list = run_cscwatch({"user", "list", "--db", db}).out;
  EXPECT_NE(list.find("ed"), std::string::npos);
  EXPECT_EQ(list.find("later"), std::string::npos);
}

}  // namespace
}  // namespace cscwatch::testing
