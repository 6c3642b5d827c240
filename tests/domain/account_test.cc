#include <gtest/gtest.h>

#include "domain/account.h"

namespace cscwatch {
namespace {

TEST(Account, WhoMayEditAndViewWhat) {
  Account admin{1, "ada", Role::admin, {}, false};
  Account editor{2, "ed", Role::editor, {"80464"}, false};
  Account viewer{3, "vi", Role::viewer, {"80464"}, false};
  EXPECT_TRUE(may_edit(admin, "2532287"));
  EXPECT_TRUE(may_edit(editor, "80464"));
  EXPECT_FALSE(may_edit(editor, "2532287"));
  EXPECT_FALSE(may_edit(editor, ""));
  EXPECT_FALSE(may_edit(viewer, "80464"));
  EXPECT_TRUE(may_view_restricted(admin, "2532287"));
  EXPECT_TRUE(may_view_restricted(editor, "80464"));
  EXPECT_FALSE(may_view_restricted(editor, "2532287"));
  EXPECT_TRUE(may_view_restricted(viewer, "80464"));
  EXPECT_FALSE(may_view_restricted(viewer, "2532287"));
  admin.disabled = editor.disabled = viewer.disabled = true;
  EXPECT_FALSE(may_edit(admin, "2532287"));
  EXPECT_FALSE(may_edit(editor, "80464"));
  EXPECT_FALSE(may_view_restricted(viewer, "80464"));
}

TEST(Account, RoleNamesRoundTripAndNamesAreBounded) {
  for (Role r : {Role::viewer, Role::editor, Role::admin}) EXPECT_EQ(parse_role(role_name(r)), r);
  EXPECT_FALSE(parse_role("Admin"));
  EXPECT_FALSE(parse_role(""));
  EXPECT_TRUE(valid_account_name("jo.smith@dudley-council_2"));
  EXPECT_FALSE(valid_account_name(""));
  EXPECT_FALSE(valid_account_name("two words"));
  EXPECT_FALSE(valid_account_name("<script>"));
  EXPECT_FALSE(valid_account_name(std::string(65, 'a')));
  EXPECT_TRUE(valid_account_name(std::string(64, 'a')));
}

}  // namespace
}  // namespace cscwatch
