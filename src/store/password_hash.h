// Passwords are stored as argon2id hashes (Debian's libargon2), in the
// library's encoded form, which carries its own salt and parameters: a hash
// made with older parameters still verifies after they change.
#pragma once

#include <string>
#include <string_view>

namespace cscwatch {

// The longest password accepted (argon2 takes any length; this bounds the
// work a request can ask for).
inline constexpr std::size_t kMaxPasswordBytes = 1024;
inline constexpr std::size_t kMinPasswordBytes = 10;

// An encoded argon2id hash of `password` with a fresh 16-byte salt. Throws
// std::runtime_error if libargon2 fails (out of memory).
std::string hash_password(std::string_view password);

// True when `password` matches `encoded`. False for a malformed hash.
bool verify_password(const std::string& encoded, std::string_view password);

// A hash of a random password, verified against when the account does not
// exist, so that a failed sign-in costs the same time either way and the
// answer never tells whether the account exists.
const std::string& decoy_password_hash();

}  // namespace cscwatch
