// Unguessable tokens (session ids, CSRF tokens, salts) from the kernel's
// random source, and their SHA-256 for storage.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cscwatch {

// `n` bytes from getrandom(2). Throws std::runtime_error if it fails.
std::string random_bytes(std::size_t n);

// 256 random bits as 64 lowercase hex digits.
std::string random_token();

// Lowercase hex SHA-256 of `text`.
std::string sha256_hex(std::string_view text);

// Equal strings, compared in time that depends only on their lengths.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace cscwatch
