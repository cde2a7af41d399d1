#define BOOST_TEST_MODULE content_hash
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>

#include "base/build_id.h"
#include "base/content_hash.h"

using skiff::content_hash;
using skiff::hash_hex;
using skiff::KeyHash;
using skiff::parse_hash_hex;

BOOST_AUTO_TEST_CASE(hex_reads_back) {
  for (std::uint64_t value : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{0xdeadbeef}, ~std::uint64_t{0}, content_hash("x")}) {
    std::string hex = hash_hex(value);
    BOOST_TEST(hex.size() == 16u);
    std::uint64_t back = 1;
    BOOST_TEST(parse_hash_hex(hex, back));
    BOOST_TEST(back == value);
  }
  BOOST_TEST(hash_hex(0xabcULL) == "0000000000000abc");
  std::uint64_t unused = 0;
  for (const char* bad : {"", "abc", "0000000000000abC", "000000000000000g", "00000000000000000"}) {
    BOOST_TEST(!parse_hash_hex(bad, unused), bad);
  }
}

BOOST_AUTO_TEST_CASE(hashes_tell_contents_apart) {
  BOOST_TEST(content_hash("page one") == content_hash(std::string("page one")));
  BOOST_TEST(content_hash("page one") != content_hash("page two"));
  BOOST_TEST(content_hash("") != content_hash(std::string(1, '\0')));
}

BOOST_AUTO_TEST_CASE(key_hash_keeps_boundaries_and_order) {
  auto key = [](std::string_view a, std::string_view b) { return KeyHash().add(a).add(b).value(); };
  BOOST_TEST(key("ab", "c") != key("a", "bc"));
  BOOST_TEST(key("a", "b") != key("b", "a"));
  BOOST_TEST(key("a", "b") == key("a", "b"));
  BOOST_TEST(KeyHash().add(std::uint64_t{1}).value() != KeyHash().add(std::uint64_t{2}).value());
}

BOOST_AUTO_TEST_CASE(the_program_has_a_stable_build_id) {
  // Debian's linker adds a GNU build ID by default; the test program has one.
  std::string id = skiff::program_build_id();
  BOOST_TEST(id.size() >= 16u);
  BOOST_TEST(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  BOOST_TEST(skiff::program_build_id() == id);
}

BOOST_AUTO_TEST_CASE(the_program_identity_names_its_libraries) {
  std::string identity = skiff::program_identity();
  BOOST_TEST(identity.starts_with(skiff::program_build_id()));
  BOOST_TEST(identity.find("libc.so") != std::string::npos);  // every program loads libc
  BOOST_TEST(skiff::program_identity() == identity);
}
