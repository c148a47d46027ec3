#include "store/password.h"

#include <sodium.h>

#include <cctype>
#include <set>
#include <stdexcept>

namespace edu {
namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium init failed");
}

std::string hex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Common passwords of 8 or more characters with a letter and a digit (the
// shorter or single-class ones fail the rule already), in lower case: the
// top of the leaked-password lists, Chinese sites' included, and the obvious
// ones for a school system.
const std::set<std::string>& common_passwords() {
  static const std::set<std::string> list = {
      "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd",
      "p@ssword1", "pass1234", "pass12345", "qwerty123", "qwerty1234", "qwerty12", "qwer1234",
      "qwe12345", "qwe123456", "qweasd123", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "q1w2e3r4",
      "zaq12wsx", "zxcvbnm1", "zxcvbnm123", "asdf1234", "asd123456", "asdfgh123", "abc12345",
      "abc123456", "abcd1234", "abcd12345", "a1234567", "a12345678", "a123456789", "aa123456",
      "aa12345678", "abc123abc", "123456abc", "12345678a", "123456789a", "1234qwer", "123qwe123",
      "123abc123", "admin123", "admin1234", "admin888", "root1234", "test1234", "test12345",
      "welcome1", "welcome123", "iloveyou1", "iloveyou123", "woaini123", "woaini1314",
      "wang1234", "li123456", "zhang123", "changeme1", "letmein1", "monkey123", "dragon123",
      "sunshine1", "princess1", "football1", "baseball1", "superman1", "trustno1", "computer1",
      "michael1", "jordan23", "hello123", "hello1234", "master123", "shadow123", "jiaoyu123",
      "school123", "teacher123", "student123"};
  return list;
}

}  // namespace

Result<std::string> hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Status::Error("internal", "密码加密失败(内存不足)");
  return std::string(out);
}

bool verify_password(const std::string& hash, const std::string& password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  ensure_sodium();
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  return hex(buf, sizeof buf);
}

std::string new_setup_code() {
  ensure_sodium();
  static const char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  std::string code;
  for (int i = 0; i < 12; ++i) code += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
  return code;
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string sha256_hex(const std::string& text) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return hex(digest, sizeof digest);
}

Status check_password_strength(const std::string& p, const std::string& username) {
  bool letter = false, digit = false;
  for (unsigned char c : p) {
    letter |= std::isalpha(c) != 0;
    digit |= std::isdigit(c) != 0;
  }
  if (p.size() < 8 || !letter || !digit)
    return Status::Error("validation", "密码至少8位,且须同时包含字母和数字", "password");
  const std::string lower = lowercase(p);
  if (common_passwords().count(lower))
    return Status::Error("validation", "密码过于常见,容易被猜中,请换一个", "password");
  if (!username.empty() && lower.find(lowercase(username)) != std::string::npos)
    return Status::Error("validation", "密码不能包含用户名", "password");
  return Status::Ok();
}

}  // namespace edu
