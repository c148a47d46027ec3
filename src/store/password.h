// Password hashing (argon2id via libsodium) and random tokens.
#pragma once

#include <string>

#include "core/status.h"

namespace edu {

Result<std::string> hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
// 32 random bytes, hex encoded.
std::string random_token();
// 12 random characters a person can read off a console and type (no 0/O, 1/I/L).
std::string new_setup_code();
// Do `a` and `b` hold the same bytes? (in time independent of where they differ)
bool same_secret(const std::string& a, const std::string& b);
// Hex SHA-256 of `text` (session tokens are stored hashed).
std::string sha256_hex(const std::string& text);
// A password rule: at least 8 characters with a letter and a digit, not one
// of the common passwords that meet that (password1, qwerty123, abcd1234 …,
// compared ignoring case) and not containing the account's username.
Status check_password_strength(const std::string& password, const std::string& username);

}  // namespace edu
