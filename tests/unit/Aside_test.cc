#define BOOST_TEST_MODULE Aside
#include <boost/test/unit_test.hpp>

#include <string>

#include "fake_render_env.h"

// <Aside> and the :::note|tip|caution|danger directives, which the page
// renderer turns into a call with props `type` and (if given) `title`.

using namespace skiff;
using namespace skiff::testing;

namespace {

ComponentCall aside_call(const Props& aside_props, std::string content, Position pos = {31, 1}) {
  ComponentCall call;
  call.name = "Aside";
  call.props = &aside_props;
  call.pos = pos;
  call.default_html = std::move(content);
  return call;
}

}  // namespace

BOOST_AUTO_TEST_CASE(seed_note_renders_with_the_default_title) {
  // The seed page's `:::note` around a <details> block.
  FakeRenderEnv env;
  Props note = props({{"type", str("note"), {31, 1}}});
  std::string html = render("Aside", aside_call(note, "<details>\n<summary>Q</summary>\n<p>A</p>\n</details>\n"), env);
  BOOST_TEST(html ==
             "<aside class=\"skiff-aside skiff-aside--note\" aria-label=\"Note\">\n"
             "<p class=\"skiff-aside__title\" aria-hidden=\"true\">Note</p>\n"
             "<div class=\"skiff-aside__content\">\n"
             "<details>\n<summary>Q</summary>\n<p>A</p>\n</details>\n"
             "</div>\n"
             "</aside>\n");
  BOOST_TEST(env.errors.empty());
}

BOOST_AUTO_TEST_CASE(each_type_takes_its_title_from_the_ui_strings) {
  FakeRenderEnv env;
  env.ui_strings["aside.tip"] = "Astuce";
  env.ui_strings["aside.caution"] = "Attention";
  env.ui_strings["aside.danger"] = "Danger !";
  for (auto [type, title] : {std::pair{"tip", "Astuce"}, {"caution", "Attention"}, {"danger", "Danger !"}}) {
    Props p = props({{"type", str(type), {1, 1}}});
    std::string html = render("Aside", aside_call(p, "<p>x</p>\n"), env);
    BOOST_TEST(html.starts_with("<aside class=\"skiff-aside skiff-aside--" + std::string(type) +
                                "\" aria-label=\"" + title + "\">\n"
                                "<p class=\"skiff-aside__title\" aria-hidden=\"true\">" + title + "</p>\n"));
  }
  BOOST_TEST(env.errors.empty());
}

BOOST_AUTO_TEST_CASE(custom_title_is_used_and_escaped) {
  FakeRenderEnv env;
  Props p = props({{"type", str("caution"), {4, 1}}, {"title", str("Don't <b>\"eval\"</b> & run"), {4, 1}}});
  std::string html = render("Aside", aside_call(p, "<p>x</p>\n"), env);
  BOOST_TEST(html.starts_with(
      "<aside class=\"skiff-aside skiff-aside--caution\" aria-label=\"Don&#39;t &lt;b&gt;&quot;eval&quot;&lt;/b&gt; &amp; run\">\n"
      "<p class=\"skiff-aside__title\" aria-hidden=\"true\">Don't &lt;b&gt;\"eval\"&lt;/b&gt; &amp; run</p>\n"));
}

BOOST_AUTO_TEST_CASE(without_a_type_it_is_a_note) {
  FakeRenderEnv env;
  Props p = props({{"title", str("Heads up"), {2, 8}}});
  std::string html = render("Aside", aside_call(p, "<p>x</p>\n"), env);
  BOOST_TEST(html.starts_with("<aside class=\"skiff-aside skiff-aside--note\" aria-label=\"Heads up\">"));
  BOOST_TEST(env.errors.empty());
}

BOOST_AUTO_TEST_CASE(unknown_type_is_an_error_and_renders_as_a_note) {
  FakeRenderEnv env;
  Props p = props({{"type", str("warning"), {12, 1}}});
  std::string html = render("Aside", aside_call(p, "<p>Careful.</p>\n", {12, 1}), env);
  BOOST_TEST_REQUIRE(env.errors.size() == 1u);
  BOOST_TEST(env.errors[0].message == "unknown aside type `warning`; expected note, tip, caution or danger");
  BOOST_TEST(env.errors[0].pos == (Position{12, 1}));
  BOOST_TEST(html.starts_with("<aside class=\"skiff-aside skiff-aside--note\" aria-label=\"Note\">"));
  BOOST_TEST(html.find("<p>Careful.</p>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(type_error_points_at_the_prop) {
  FakeRenderEnv env;
  Props p = props({{"type", PropValue{3.0}, {7, 8}}});
  render("Aside", aside_call(p, "", {7, 1}), env);
  BOOST_TEST_REQUIRE(env.errors.size() == 1u);
  BOOST_TEST(env.errors[0].pos == (Position{7, 8}));
}

BOOST_AUTO_TEST_CASE(missing_ui_string_falls_back_to_english) {
  FakeRenderEnv env;
  env.ui_strings.clear();
  Props p = props({{"type", str("danger"), {1, 1}}});
  std::string html = render("Aside", aside_call(p, "<p>x</p>\n"), env);
  BOOST_TEST(html.find("aria-label=\"Danger\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(registered_with_its_stylesheet) {
  const ComponentSpec* spec = ComponentRegistry::builtins().find_by_path("Aside");
  BOOST_TEST_REQUIRE(spec != nullptr);
  BOOST_TEST(spec->name == "Aside");
  BOOST_TEST(spec->css.find(".skiff-aside--danger") != std::string_view::npos);
  BOOST_TEST(spec->js.empty());
}
