#define BOOST_TEST_MODULE ui_placeholder
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

#include "base/html_escape.h"
#include "render/ui_placeholder.h"

using skiff::fill_ui_placeholders;
using skiff::ui_placeholder;

namespace {

std::map<std::string, std::string, std::less<>> strings = {
    {"code.copy", "Copy \"this\" & 'that' <now>"},
    {"aside.note", "Nota"},
};

std::string value(std::string_view key) { return strings.find(key)->second; }

}  // namespace

BOOST_AUTO_TEST_CASE(placeholders_fill_as_direct_escaping_would) {
  // What a component writes: the string escaped for an attribute, and for text.
  auto component = [](const std::string& copy) {
    std::string out = "<button data-copied=\"";
    skiff::append_escaped(out, copy, true);
    out += "\">";
    skiff::append_escaped(out, copy, false);
    out += "</button>";
    return out;
  };
  std::string direct = component(value("code.copy"));
  std::string deferred = component(ui_placeholder("code.copy"));
  auto filled = fill_ui_placeholders(deferred, value);
  BOOST_TEST_REQUIRE(filled.has_value());
  BOOST_TEST(*filled == direct);
  BOOST_TEST(direct.find("&quot;this&quot;") != std::string::npos);  // the attribute kept its escaping
  BOOST_TEST(direct.find(">Copy \"this\"") != std::string::npos);     // the text its own
}

BOOST_AUTO_TEST_CASE(text_without_placeholders_is_unchanged) {
  std::string html = "<p>caf\xC3\xA9 &amp; more</p>";
  BOOST_TEST(*fill_ui_placeholders(html, value) == html);
  BOOST_TEST(*fill_ui_placeholders("", value) == "");
  std::string two = ui_placeholder("aside.note") + " and " + ui_placeholder("aside.note");
  BOOST_TEST(*fill_ui_placeholders(two, value) == "Nota and Nota");
}

BOOST_AUTO_TEST_CASE(malformed_placeholders_are_refused) {
  std::string open_only = ui_placeholder("aside.note");
  open_only.resize(open_only.size() - 3);  // no closing mark
  BOOST_TEST(!fill_ui_placeholders(open_only, value).has_value());
  // A closing mark without the apostrophe the escaping tells by.
  BOOST_TEST(!fill_ui_placeholders("\xEE\x80\x82key\xEE\x80\x83", value).has_value());
}

BOOST_AUTO_TEST_CASE(page_text_with_the_marks_is_recognised) {
  BOOST_TEST(skiff::has_ui_placeholder_marks("a \xEE\x80\x82 b"));
  BOOST_TEST(skiff::has_ui_placeholder_marks("a \xEE\x80\x83 b"));
  BOOST_TEST(!skiff::has_ui_placeholder_marks("a \xEE\x80\x80 b"));  // U+E000: the scanner's, not these
  BOOST_TEST(!skiff::has_ui_placeholder_marks(""));
}
