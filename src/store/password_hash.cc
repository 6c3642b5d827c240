#include "store/password_hash.h"

#include <argon2.h>

#include <stdexcept>
#include <vector>

#include "store/secret_token.h"

namespace cscwatch {

namespace {
// OWASP's recommended minimum for argon2id (Password Storage Cheat Sheet,
// 2023): 19 MiB of memory, 2 passes, 1 lane. About 60 ms per hash measured
// on the 2-core target machine under load (load average 12): slow enough to make guessing from a stolen database costly,
// while a burst of sign-ins (each holding 19 MiB) cannot exhaust the machine's
// memory, and sign-ins are throttled anyway. More lanes would not help on two
// shared cores.
constexpr uint32_t kTimeCost = 2;
constexpr uint32_t kMemoryKiB = 19 * 1024;
constexpr uint32_t kLanes = 1;
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;
}  // namespace

std::string hash_password(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) throw std::runtime_error("password too long");
  std::string salt = random_bytes(kSaltBytes);
  size_t encoded_length = argon2_encodedlen(kTimeCost, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id);
  std::vector<char> encoded(encoded_length);
  int rc = argon2id_hash_encoded(kTimeCost, kMemoryKiB, kLanes, password.data(), password.size(), salt.data(), salt.size(),
                                 kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2id failed: ") + argon2_error_message(rc));
  return std::string(encoded.data());
}

bool verify_password(const std::string& encoded, std::string_view password) {
  if (password.size() > kMaxPasswordBytes) return false;
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

const std::string& decoy_password_hash() {
  static const std::string decoy = hash_password(random_token());
  return decoy;
}

}  // namespace cscwatch
