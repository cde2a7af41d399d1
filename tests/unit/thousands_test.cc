#define BOOST_TEST_MODULE thousands
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>

#include "base/thousands.h"

using skiff::with_thousands;

BOOST_AUTO_TEST_CASE(groups_by_three_from_the_right) {
  BOOST_TEST(with_thousands(0) == "0");
  BOOST_TEST(with_thousands(999) == "999");
  BOOST_TEST(with_thousands(1000) == "1,000");
  BOOST_TEST(with_thousands(9800) == "9,800");
  BOOST_TEST(with_thousands(104857600) == "104,857,600");
  BOOST_TEST(with_thousands(std::numeric_limits<std::uint64_t>::max()) == "18,446,744,073,709,551,615");
}
