#define BOOST_TEST_MODULE html_ids
#include <boost/test/unit_test.hpp>

#include "base/html_ids.h"

using namespace skiff;
using Ids = std::set<std::string, std::less<>>;

BOOST_AUTO_TEST_CASE(ids_in_every_attribute_form) {
  Ids ids = html_ids("<h2 id=\"a\">A</h2><div id='b' class=x></div><p id=c>t</p><section data-id=\"no\" ID=\"D\">");
  BOOST_TEST((ids == Ids{"a", "b", "c", "D"}));
}

BOOST_AUTO_TEST_CASE(anchor_names_count_only_on_a_elements) {
  Ids ids = html_ids("<a name=\"old\"></a><input name=\"field\"><a href=\"#x\">x</a>");
  BOOST_TEST((ids == Ids{"old"}));
}

BOOST_AUTO_TEST_CASE(entities_are_decoded_and_comments_and_scripts_skipped) {
  Ids ids = html_ids("<h2 id=\"caf&eacute;&amp;co\"></h2><!-- <p id=\"gone\"> --><script>let s = '<p id=\"no\">';</script>"
                     "<style>#x{}</style><p id=\"yes\">a > b</p>");
  BOOST_TEST((ids == Ids{"caf\xC3\xA9&co", "yes"}));
}

BOOST_AUTO_TEST_CASE(tag_and_attribute_names_are_matched_in_any_case) {
  Ids ids = html_ids("<SCRIPT>x = '<p id=\"no\">'</Script><A NAME=\"up\"></A><DIV ID=\"Mixed\"></DIV>");
  BOOST_TEST((ids == Ids{"Mixed", "up"}));
}

BOOST_AUTO_TEST_CASE(broken_markup_does_not_stop_the_scan) {
  Ids ids = html_ids("<p id=\"a\" <<< < id=\"b\"> text <div id=\"c");
  BOOST_TEST(ids.count("a") == 1u);
  BOOST_TEST(html_ids("").empty());
  BOOST_TEST(html_ids("<").empty());
}
