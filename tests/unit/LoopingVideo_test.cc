#define BOOST_TEST_MODULE LoopingVideo
#include <boost/test/unit_test.hpp>

#include <string>

#include "fake_render_env.h"

// <LoopingVideo sources={[{ src, type }]} />: sources checked against
// public/, recorded as assets, and given the site's base path.

using namespace skiff;
using namespace skiff::testing;

namespace {

PropValue source(std::string src, std::string type) {
  return object({{"src", str(std::move(src))}, {"type", str(std::move(type))}});
}

ComponentCall video_call(const Props& video_props, Position pos = {80, 1}) {
  ComponentCall call;
  call.name = "LoopingVideo";
  call.props = &video_props;
  call.pos = pos;
  return call;
}

}  // namespace

BOOST_AUTO_TEST_CASE(seed_video_renders_with_base_path) {
  FakeRenderEnv env;
  env.public_files = {"/videos/stores-example.mp4"};
  Props p = props({{"sources", array({source("/videos/stores-example.mp4", "video/mp4")}), {80, 15}}});
  std::string html = render("LoopingVideo", video_call(p), env);
  BOOST_TEST(html ==
             "<video class=\"skiff-video\" controls loop muted playsinline preload=\"metadata\" data-autoplay>\n"
             "<source src=\"/docs/videos/stores-example.mp4\" type=\"video/mp4\">\n"
             "</video>\n");
  BOOST_TEST(env.errors.empty());
  BOOST_TEST(env.assets == (std::vector<std::string>{"/videos/stores-example.mp4"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(several_sources_keep_their_order_and_type_is_optional) {
  FakeRenderEnv env;
  env.public_files = {"/v/a.webm", "/v/a.mp4"};
  Props p = props({{"sources",
                    array({source("/v/a.webm", "video/webm"), object({{"src", str("/v/a.mp4")}})}),
                    {3, 15}}});
  std::string html = render("LoopingVideo", video_call(p), env);
  BOOST_TEST(html.find("<source src=\"/docs/v/a.webm\" type=\"video/webm\">\n"
                       "<source src=\"/docs/v/a.mp4\">\n") != std::string::npos);
  BOOST_TEST(env.errors.empty());
  BOOST_TEST(env.assets.size() == 2u);
}

BOOST_AUTO_TEST_CASE(missing_public_file_is_an_error_at_the_prop) {
  FakeRenderEnv env;
  Props p = props({{"sources", array({source("/videos/x.mp4", "video/mp4")}), {80, 15}}});
  render("LoopingVideo", video_call(p), env);
  BOOST_TEST_REQUIRE(env.errors.size() == 1u);
  BOOST_TEST(env.errors[0].message == "video source `/videos/x.mp4` not found in public/");
  BOOST_TEST(env.errors[0].pos == (Position{80, 15}));
}

BOOST_AUTO_TEST_CASE(query_and_fragment_are_not_part_of_the_file) {
  FakeRenderEnv env;
  env.public_files = {"/v/a.mp4"};
  Props p = props({{"sources", array({source("/v/a.mp4#t=0.5", "video/mp4")}), {1, 15}}});
  std::string html = render("LoopingVideo", video_call(p), env);
  BOOST_TEST(env.errors.empty());
  BOOST_TEST(html.find("src=\"/docs/v/a.mp4#t=0.5\"") != std::string::npos);
  BOOST_TEST(env.assets == (std::vector<std::string>{"/v/a.mp4"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(external_urls_are_used_as_given) {
  FakeRenderEnv env;
  Props p = props({{"sources", array({source("https://cdn.example/a.mp4?x=1&y=\"2\"", "video/mp4")}), {1, 15}}});
  std::string html = render("LoopingVideo", video_call(p), env);
  BOOST_TEST(env.errors.empty());
  BOOST_TEST(html.find("<source src=\"https://cdn.example/a.mp4?x=1&amp;y=&quot;2&quot;\" type=\"video/mp4\">") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_sources_is_an_error_at_the_call) {
  FakeRenderEnv env;
  Props none;
  std::string html = render("LoopingVideo", video_call(none, {9, 1}), env);
  BOOST_TEST(html.empty());
  BOOST_TEST_REQUIRE(env.errors.size() == 1u);
  BOOST_TEST(env.errors[0].message ==
             "LoopingVideo needs a `sources` prop: an array of { src, type } objects");
  BOOST_TEST(env.errors[0].pos == (Position{9, 1}));
}

BOOST_AUTO_TEST_CASE(sources_that_are_not_an_array_are_an_error_at_the_prop) {
  FakeRenderEnv env;
  Props p = props({{"sources", str("/videos/a.mp4"), {9, 15}}});
  std::string html = render("LoopingVideo", video_call(p, {9, 1}), env);
  BOOST_TEST(html.empty());
  BOOST_TEST_REQUIRE(env.errors.size() == 1u);
  BOOST_TEST(env.errors[0].message == "LoopingVideo `sources` must be an array of { src, type } objects");
  BOOST_TEST(env.errors[0].pos == (Position{9, 15}));
}

BOOST_AUTO_TEST_CASE(bad_entries_are_reported_by_number) {
  FakeRenderEnv env;
  env.public_files = {"/v/ok.mp4"};
  Props p = props({{"sources",
                    array({object({{"type", str("video/mp4")}}),
                           object({{"src", PropValue{4.0}}}),
                           str("/v/ok.mp4"),
                           source("/v/ok.mp4", "video/mp4")}),
                    {5, 15}}});
  std::string html = render("LoopingVideo", video_call(p), env);
  BOOST_TEST_REQUIRE(env.errors.size() == 3u);
  BOOST_TEST(env.errors[0].message == "LoopingVideo source 1 has no `src` string");
  BOOST_TEST(env.errors[1].message == "LoopingVideo source 2 has no `src` string");
  BOOST_TEST(env.errors[2].message == "LoopingVideo source 3 must be an object { src, type }");
  BOOST_TEST(env.errors[2].pos == (Position{5, 15}));
  BOOST_TEST(html.find("<source src=\"/docs/v/ok.mp4\" type=\"video/mp4\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_sources_is_an_error) {
  FakeRenderEnv env;
  Props p = props({{"sources", array({}), {5, 15}}});
  BOOST_TEST(render("LoopingVideo", video_call(p), env).empty());
  BOOST_TEST(env.errors.size() == 1u);
}

BOOST_AUTO_TEST_CASE(registered_with_its_stylesheet) {
  const ComponentSpec* spec = ComponentRegistry::builtins().find_by_path("LoopingVideo");
  BOOST_TEST_REQUIRE(spec != nullptr);
  BOOST_TEST(spec->name == "LoopingVideo");
  BOOST_TEST(spec->css.find(".skiff-video") != std::string_view::npos);
}
