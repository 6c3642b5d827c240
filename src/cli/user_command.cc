// cscwatch user add|passwd|disable|list: the accounts that sign in to the web
// application. Passwords are read from stdin (or --password-file), never from
// the command line, where other users of the machine could read them in the
// process list and the shell keeps them in its history. Every change has its
// audit row.
#include <fmt/core.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/table_printer.h"
#include "store/accounts.h"
#include "store/password_hash.h"

namespace cscwatch {

namespace {

// Who is changing accounts, for the audit trail.
std::string cli_actor() {
  for (const char* var : {"CSCWATCH_USER", "USER", "LOGNAME"})
    if (const char* v = std::getenv(var); v && *v) return std::string("cli:") + v;
  return "cli";
}

// One line (without its line ending). At a terminal: asked for, not echoed.
Result<std::string> read_password(const std::string& file) {
  std::string line;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return Error{"cannot read the password file " + file};
    std::getline(in, line);
  } else if (::isatty(STDIN_FILENO)) {
    std::fprintf(stderr, "Password: ");
    termios old {};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::getline(std::cin, line);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
  } else {
    std::getline(std::cin, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() > kMaxPasswordBytes) return Error{"the password is longer than " + std::to_string(kMaxPasswordBytes) + " bytes"};
  return line;
}

Result<Register> open_register(const CliContext& ctx) {
  std::error_code ec;
  if (!std::filesystem::exists(ctx.db_path, ec))
    return Error{"no register at " + ctx.db_path + ": run 'cscwatch ingest' first (or pass --db FILE)"};
  return Register::open(ctx.db_path);
}

// A URN, or an authority's slug for convenience (its URN is stored).
Result<std::string> authority_urn(const Connection& db, const std::string& given) {
  auto q = db.prepare("SELECT urn FROM authorities WHERE urn = ? OR slug = ?");
  q.bind(1, given).bind(2, given);
  if (!q.step()) return Error{"no authority with URN or slug '" + given.substr(0, 100) + "' in the register (see 'cscwatch authorities')"};
  return q.text(0);
}

std::string describe(const Account& a) {
  std::string s = a.name + " (" + std::string(role_name(a.role));
  for (const auto& urn : a.authority_urns) s += (&urn == &a.authority_urns.front() ? ": " : ", ") + urn;
  return s + (a.disabled ? ", disabled)" : ")");
}

}  // namespace

void add_user_command(CLI::App& app, CliContext& ctx, int& status) {
  auto* cmd = app.add_subcommand("user", "Accounts that sign in to the web application (admin, editor, viewer)");
  cmd->require_subcommand(1);
  auto name = std::make_shared<std::string>();
  auto role = std::make_shared<std::string>();
  auto authorities = std::make_shared<std::vector<std::string>>();
  auto password_file = std::make_shared<std::string>();

  auto* add = cmd->add_subcommand("add", "Create an account; the password is read from stdin (or --password-file)");
  add->add_option("name", *name, "Account name: 1-64 letters, digits, . _ @ -")->required();
  add->add_option("--role", *role, "admin (everything), editor (its authorities' records) or viewer (reads)")
      ->required()
      ->check(CLI::IsMember({"admin", "editor", "viewer"}));
  add->add_option("--authority", *authorities,
                  "URN (or slug) of an authority an editor edits, or a viewer may see when restricted; repeatable");
  add->add_option("--password-file", *password_file, "Read the password from the first line of this file");
  add->callback([&ctx, &status, name, role, authorities, password_file] {
    auto reg = open_register(ctx);
    if (!reg) return void(status = fail(reg.error()));
    Account a;
    a.name = *name;
    a.role = *parse_role(*role);
    for (const auto& given : *authorities) {
      auto urn = authority_urn(reg->connection(), given);
      if (!urn) return void(status = fail(urn.error(), 2));
      a.authority_urns.push_back(*urn);
    }
    auto password = read_password(*password_file);
    if (!password) return void(status = fail(password.error(), 2));
    auto made = create_account(reg->connection(), cli_actor(), a, *password);
    if (!made) return void(status = fail(made.error(), 2));
    fmt::print("created account {}\n", describe(*made));
  });

  auto* passwd = cmd->add_subcommand("passwd", "Set an account's password (read from stdin or --password-file); signs it out everywhere");
  passwd->add_option("name", *name, "Account name")->required();
  passwd->add_option("--password-file", *password_file, "Read the password from the first line of this file");
  passwd->callback([&ctx, &status, name, password_file] {
    auto reg = open_register(ctx);
    if (!reg) return void(status = fail(reg.error()));
    auto password = read_password(*password_file);
    if (!password) return void(status = fail(password.error(), 2));
    auto changed = set_password(reg->connection(), cli_actor(), *name, *password);
    if (!changed) return void(status = fail(changed.error(), 2));
    fmt::print("password of {} changed; its sessions are ended\n", changed->name);
  });

  auto* disable = cmd->add_subcommand("disable", "Disable an account: it can no longer sign in, and its sessions end");
  disable->add_option("name", *name, "Account name")->required();
  disable->callback([&ctx, &status, name] {
    auto reg = open_register(ctx);
    if (!reg) return void(status = fail(reg.error()));
    auto done = disable_account(reg->connection(), cli_actor(), *name);
    if (!done) return void(status = fail(done.error(), 2));
    fmt::print("disabled account {}\n", done->name);
  });

  auto* list = cmd->add_subcommand("list", "List the accounts");
  list->callback([&ctx, &status] {
    auto reg = open_register(ctx);
    if (!reg) return void(status = fail(reg.error()));
    TablePrinter table({"name", "role", "authorities", "state"});
    for (const auto& a : list_accounts(reg->connection())) {
      std::string urns;
      for (const auto& urn : a.authority_urns) urns += (urns.empty() ? "" : ", ") + urn;
      table.add({a.name, std::string(role_name(a.role)), urns, a.disabled ? "disabled" : "active"});
    }
    fmt::print("{}", table.render());
  });
}

}  // namespace cscwatch
