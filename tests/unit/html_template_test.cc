#define BOOST_TEST_MODULE html_template
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstdlib>
#include <map>
#include <new>
#include <string>
#include <variant>
#include <vector>

#include "render/html_template.h"

// Counts heap allocations so a test can check that render() allocates only
// its output string.
namespace {
std::atomic<long> g_allocations{0};
}  // namespace

// The replacements pair malloc with free; g++ cannot see that through the
// inlined operators and warns.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace skiff {
namespace {

using Map = std::map<std::string, std::string, std::less<>>;

// Values backed by two maps; names missing from a map are unknown.
TemplateValues values_of(const Map& text, const Map& slots = {}) {
  auto from = [](const Map& map) {
    return [&map](std::string_view name) -> std::optional<std::string> {
      auto it = map.find(name);
      if (it == map.end()) return std::nullopt;
      return it->second;
    };
  };
  return {from(text), from(slots)};
}

HtmlTemplate compile_ok(std::string text) {
  auto result = HtmlTemplate::compile(SourceText("layouts/t.html", std::move(text)));
  if (auto* d = std::get_if<Diagnostic>(&result)) {
    BOOST_FAIL("unexpected error: " + format_diagnostic(*d));
  }
  return std::get<HtmlTemplate>(std::move(result));
}

Diagnostic compile_error(std::string text) {
  auto result = HtmlTemplate::compile(SourceText("layouts/t.html", std::move(text)));
  if (std::holds_alternative<HtmlTemplate>(result)) BOOST_FAIL("expected a compile error");
  return std::get<Diagnostic>(std::move(result));
}

std::string render(std::string text, const Map& values = {}, const Map& slots = {}) {
  return compile_ok(std::move(text)).render(values_of(values, slots));
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// --- substitution ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(text_substitution) {
  BOOST_TEST(render("<title>{{ title }} | {{site}}</title>", {{"title", "Intro"}, {"site", "Docs"}}) ==
             "<title>Intro | Docs</title>");
}

BOOST_AUTO_TEST_CASE(repeated_and_adjacent_placeholders) {
  BOOST_TEST(render("<p>{{a}}{{ b }}-{{a}}</p>", {{"a", "1"}, {"b", "2"}}) == "<p>12-1</p>");
}

BOOST_AUTO_TEST_CASE(placeholder_whitespace_is_optional) {
  BOOST_TEST(render("<p>{{x}}|{{  x  }}|{{\tx\n}}</p>", {{"x", "v"}}) == "<p>v|v|v</p>");
}

BOOST_AUTO_TEST_CASE(names_allow_dots_dashes_underscores) {
  BOOST_TEST(render("<p>{{ page.title }} {{ ui-key_2 }}</p>", {{"page.title", "T"}, {"ui-key_2", "K"}}) ==
             "<p>T K</p>");
}

BOOST_AUTO_TEST_CASE(attribute_substitution) {
  BOOST_TEST(render(R"(<html lang="{{ lang }}" dir="{{dir}}-x {{dir}}"></html>)",
                    {{"lang", "en"}, {"dir", "ltr"}}) ==
             R"(<html lang="en" dir="ltr-x ltr"></html>)");
}

BOOST_AUTO_TEST_CASE(unknown_value_is_empty) {
  BOOST_TEST(render(R"(<p class="a {{ missing }}">[{{ missing }}]</p>)") == R"(<p class="a ">[]</p>)");
}

BOOST_AUTO_TEST_CASE(empty_callbacks_mean_unknown) {
  HtmlTemplate t = compile_ok(R"(<p>{{ a }}<skiff-slot>fb</skiff-slot><b skiff-if="a">x</b></p>)");
  BOOST_TEST(t.render(TemplateValues{}) == "<p>fb</p>");
}

BOOST_AUTO_TEST_CASE(lone_closing_braces_are_text) {
  BOOST_TEST(render("<p>a }} b</p>") == "<p>a }} b</p>");
}

// --- escaping ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(text_values_are_escaped) {
  BOOST_TEST(render("<title>{{ title }}</title>", {{"title", "<script>alert('x') & \"y\"</script>"}}) ==
             "<title>&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;</title>");
}

BOOST_AUTO_TEST_CASE(attribute_values_are_escaped) {
  BOOST_TEST(render(R"(<meta content="{{ d }}"/>)", {{"d", R"(say "hi" & 'bye' <b>)"}}) ==
             R"(<meta content="say &quot;hi&quot; &amp; &#39;bye&#39; &lt;b&gt;">)");
}

BOOST_AUTO_TEST_CASE(template_text_and_attributes_are_reescaped) {
  BOOST_TEST(render(R"(<p title='a "q" &amp; b'>1 &lt; 2 &amp;&amp; x &#160;y</p>)") ==
             "<p title=\"a &quot;q&quot; &amp; b\">1 &lt; 2 &amp;&amp; x \u00a0y</p>");
}

BOOST_AUTO_TEST_CASE(html_named_entity_is_an_error) {
  Diagnostic d = compile_error("<footer>\n  &copy; 2024</footer>");
  BOOST_TEST(d.pos.line == 2);
  BOOST_TEST(d.pos.column == 3);
  BOOST_TEST(contains(d.message, "&copy;"));
}

// --- slots -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(slots_are_raw) {
  BOOST_TEST(render(R"(<main><skiff-slot/><aside><skiff-slot name="toc"/></aside></main>)", {},
                    {{"default", "<p>Body &amp; <b>more</b></p>"}, {"toc", "<ul><li>x</li></ul>"}}) ==
             "<main><p>Body &amp; <b>more</b></p><aside><ul><li>x</li></ul></aside></main>");
}

BOOST_AUTO_TEST_CASE(slot_fallback_when_unknown) {
  const std::string tpl = R"(<div><skiff-slot name="nav"><a href="/">{{ home }}</a></skiff-slot>!</div>)";
  BOOST_TEST(render(tpl, {{"home", "Home"}}) == R"(<div><a href="/">Home</a>!</div>)");
  BOOST_TEST(render(tpl, {{"home", "Home"}}, {{"nav", "<nav/>"}}) == "<div><nav/>!</div>");
  // A known but empty slot replaces the fallback too.
  BOOST_TEST(render(tpl, {{"home", "Home"}}, {{"nav", ""}}) == "<div>!</div>");
}

BOOST_AUTO_TEST_CASE(nested_slot_fallbacks) {
  const std::string tpl = R"(<b><skiff-slot name="a">[<skiff-slot name="b">B</skiff-slot>]</skiff-slot>.</b>)";
  BOOST_TEST(render(tpl) == "<b>[B].</b>");
  BOOST_TEST(render(tpl, {}, {{"b", "b"}}) == "<b>[b].</b>");
  BOOST_TEST(render(tpl, {}, {{"a", "a"}}) == "<b>a.</b>");
}

// --- conditions --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(skiff_if_keeps_or_drops_element) {
  const std::string tpl = R"(<p>a<span skiff-if="show" class="x">b</span>c</p>)";
  BOOST_TEST(render(tpl, {{"show", "yes"}}) == R"(<p>a<span class="x">b</span>c</p>)");
  BOOST_TEST(render(tpl, {{"show", ""}}) == "<p>ac</p>");
  BOOST_TEST(render(tpl, {{"show", "false"}}) == "<p>ac</p>");
  BOOST_TEST(render(tpl) == "<p>ac</p>");
}

BOOST_AUTO_TEST_CASE(skiff_if_negated) {
  const std::string tpl = R"(<p><i skiff-if="!draft">final</i><i skiff-if=" ! draft ">x</i></p>)";
  BOOST_TEST(render(tpl, {{"draft", "true"}}) == "<p></p>");
  BOOST_TEST(render(tpl, {{"draft", "false"}}) == "<p><i>final</i><i>x</i></p>");
  BOOST_TEST(render(tpl) == "<p><i>final</i><i>x</i></p>");
}

BOOST_AUTO_TEST_CASE(skiff_if_on_void_element_and_slot) {
  const std::string tpl =
      R"(<head><link skiff-if="css" rel="stylesheet" href="{{ css }}"/><skiff-slot name="h" skiff-if="!bare">F</skiff-slot></head>)";
  BOOST_TEST(render(tpl, {{"css", "/a.css"}}) == R"(<head><link rel="stylesheet" href="/a.css">F</head>)");
  BOOST_TEST(render(tpl, {{"bare", "1"}}, {{"h", "H"}}) == "<head></head>");
  BOOST_TEST(render(tpl, {}, {{"h", "H"}}) == "<head>H</head>");
}

BOOST_AUTO_TEST_CASE(literal_after_condition_is_not_skipped) {
  // Guards literal merging across a range end.
  BOOST_TEST(render(R"(<p><b skiff-if="x">1</b>2<skiff-slot name="s">3</skiff-slot>4</p>)", {}, {{"s", "S"}}) ==
             "<p>2S4</p>");
}

// --- HTML5 serialization ------------------------------------------------------

BOOST_AUTO_TEST_CASE(void_elements_have_no_end_tag) {
  BOOST_TEST(render(R"(<head><meta charset="utf-8"/><link rel="icon" href="/f.svg"></link><br/></head>)") ==
             R"(<head><meta charset="utf-8"><link rel="icon" href="/f.svg"><br></head>)");
}

BOOST_AUTO_TEST_CASE(empty_elements_keep_end_tag) {
  BOOST_TEST(render(R"(<div><div id="app"/><span></span><script src="/a.js"/></div>)") ==
             R"(<div><div id="app"></div><span></span><script src="/a.js"></script></div>)");
}

BOOST_AUTO_TEST_CASE(script_and_style_content_raw) {
  BOOST_TEST(render("<head><script>if (a &lt; b &amp;&amp; c) { x = {{a:1}}; }</script>"
                    "<style><![CDATA[a > b { content: \"<\"; }]]></style></head>") ==
             "<head><script>if (a < b && c) { x = {{a:1}}; }</script>"
             "<style>a > b { content: \"<\"; }</style></head>");
}

BOOST_AUTO_TEST_CASE(cdata_outside_script_is_escaped_text) {
  BOOST_TEST(render("<p><![CDATA[<b> & {{ x }}]]></p>") == "<p>&lt;b&gt; &amp; {{ x }}</p>");
}

BOOST_AUTO_TEST_CASE(doctype_and_whitespace_kept) {
  BOOST_TEST(render("<!DOCTYPE html>\n<html>\n  <body>{{ x }}</body>\n</html>\n", {{"x", "y"}}) ==
             "<!DOCTYPE html>\n<html>\n  <body>y</body>\n</html>\n");
}

BOOST_AUTO_TEST_CASE(comments_and_processing_instructions_dropped) {
  BOOST_TEST(render("<?xml version=\"1.0\"?><div><!-- {{ secret }} --><?pi x?>a</div>") == "<div>a</div>");
}

BOOST_AUTO_TEST_CASE(boolean_attributes_copied_as_written) {
  BOOST_TEST(render(R"(<video muted="muted" autoplay=""></video>)") ==
             R"(<video muted="muted" autoplay=""></video>)");
}

BOOST_AUTO_TEST_CASE(fragment_with_several_roots) {
  BOOST_TEST(render("<link rel=\"x\" href=\"/x\"/>\n<div>{{ a }}</div>\n", {{"a", "A"}}) ==
             "<link rel=\"x\" href=\"/x\">\n<div>A</div>\n");
}

// --- names ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(names_in_first_use_order) {
  HtmlTemplate t = compile_ok(
      R"(<html lang="{{ lang }}"><b skiff-if="!draft">{{ title }}</b><skiff-slot name="head"/>)"
      R"(<skiff-slot>{{ lang }}</skiff-slot><skiff-slot name="head"/>{{ title }}</html>)");
  BOOST_TEST(t.text_names() == (std::vector<std::string>{"lang", "draft", "title"}),
             boost::test_tools::per_element());
  BOOST_TEST(t.slot_names() == (std::vector<std::string>{"head", "default"}),
             boost::test_tools::per_element());
}

// --- reuse ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(compiled_template_is_reused) {
  HtmlTemplate t = compile_ok("<h1>{{ title }}</h1><skiff-slot/>");
  HtmlTemplate copy = t;  // copies share the compiled form
  BOOST_TEST(t.render(values_of({{"title", "One"}}, {{"default", "<p>1</p>"}})) == "<h1>One</h1><p>1</p>");
  BOOST_TEST(copy.render(values_of({{"title", "Two"}}, {{"default", "<p>2</p>"}})) == "<h1>Two</h1><p>2</p>");
  BOOST_TEST(t.render(values_of({{"title", "One"}})) == "<h1>One</h1>");
}

// A layout of about 150 lines in the shape real ones have.
std::string typical_layout() {
  std::string t =
      "<!DOCTYPE html>\n<html lang=\"{{ lang }}\" dir=\"{{ dir }}\">\n<head>\n"
      "  <meta charset=\"utf-8\"/>\n  <title>{{ title }} | {{ site }}</title>\n"
      "  <link rel=\"stylesheet\" href=\"{{ base }}skiff.css\"/>\n"
      "  <meta name=\"description\" content=\"{{ description }}\" skiff-if=\"description\"/>\n"
      "  <skiff-slot name=\"head\"/>\n</head>\n<body>\n  <nav>\n";
  for (int i = 0; i < 60; ++i) {
    std::string n = std::to_string(i);
    t += "    <a class=\"nav-link\" href=\"{{ base }}section-" + n + "/\">Section " + n +
         "</a>\n    <span class=\"sep\" skiff-if=\"!compact\">|</span>\n";
  }
  t += "  </nav>\n  <main>\n    <h1>{{ title }}</h1>\n    <skiff-slot/>\n  </main>\n"
       "  <footer><skiff-slot name=\"footer\">Made with skiff</skiff-slot></footer>\n"
       "  <script src=\"{{ base }}skiff.js\" defer=\"defer\"></script>\n</body>\n</html>\n";
  return t;
}

BOOST_AUTO_TEST_CASE(typical_layout_renders_with_one_allocation) {
  HtmlTemplate t = compile_ok(typical_layout());
  // Short values stay in std::string's inline buffer, so any allocation
  // counted below is render()'s own.
  Map text = {{"lang", "en"}, {"dir", "ltr"}, {"title", "Intro"}, {"site", "Docs"},
              {"base", "/docs/"}, {"description", "About"}};
  Map slots = {{"default", "<p>Body</p>"}};
  TemplateValues values = values_of(text, slots);
  long before = g_allocations.load();
  std::string page = t.render(values);
  long allocations = g_allocations.load() - before;
  BOOST_TEST(allocations == 1);
  BOOST_TEST(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n"));
  BOOST_TEST(contains(page, "<title>Intro | Docs</title>"));
  BOOST_TEST(contains(page, "<meta name=\"description\" content=\"About\">"));
  BOOST_TEST(contains(page, "<a class=\"nav-link\" href=\"/docs/section-59/\">Section 59</a>"));
  BOOST_TEST(contains(page, "<main>\n    <h1>Intro</h1>\n    <p>Body</p>\n  </main>"));
  BOOST_TEST(contains(page, "<footer>Made with skiff</footer>"));
  BOOST_TEST(contains(page, "<script src=\"/docs/skiff.js\" defer=\"defer\"></script>"));
}

BOOST_AUTO_TEST_CASE(default_constructed_template_is_harmless) {
  HtmlTemplate t;
  BOOST_TEST(t.render(TemplateValues{}) == "");
  BOOST_TEST(t.text_names().empty());
  BOOST_TEST(t.slot_names().empty());
}

BOOST_AUTO_TEST_CASE(empty_template_renders_empty) {
  auto result = HtmlTemplate::compile(SourceText("t.html", ""));
  BOOST_REQUIRE(std::holds_alternative<HtmlTemplate>(result));
  BOOST_TEST(std::get<HtmlTemplate>(result).render(TemplateValues{}) == "");
  BOOST_TEST(std::get<HtmlTemplate>(result).text_names().empty());
}

// --- errors ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(unclosed_tag_reported_where_opened) {
  Diagnostic d = compile_error("<html>\n<body>\n  <div class=\"a\">\n<p>x</p>\n</body>\n</html>\n");
  BOOST_TEST(d.file == "layouts/t.html");
  BOOST_TEST(d.pos.line == 3);
  BOOST_TEST(d.pos.column == 3);
  BOOST_TEST(contains(d.message, "mismatch"));
  BOOST_TEST(contains(d.message, "<div>"));
  BOOST_TEST(contains(d.message, "</body> on line 5"));
}

BOOST_AUTO_TEST_CASE(unclosed_tag_at_end_of_file) {
  Diagnostic d = compile_error("<html>\n<body>\n<main>\n<p>x</p>\n");
  BOOST_TEST(d.pos.line == 3);
  BOOST_TEST(contains(d.message, "end of the file"));
}

BOOST_AUTO_TEST_CASE(other_parse_errors_use_pugixml_offset) {
  Diagnostic d = compile_error("<div>\n<p>\n<span x=1>x</span></p></div>");
  BOOST_TEST(d.pos.line == 3);
  BOOST_TEST(d.pos.column == 9);
  BOOST_TEST(contains(d.message, "attribute"));
}

BOOST_AUTO_TEST_CASE(malformed_placeholder_in_text) {
  Diagnostic d = compile_error("<div>\n  <p>{{ a }} and {{ b </p>\n</div>");
  BOOST_TEST(d.pos.line == 2);
  BOOST_TEST(d.pos.column == 18);
  BOOST_TEST(contains(d.message, "}}"));
}

BOOST_AUTO_TEST_CASE(malformed_placeholder_in_attribute) {
  Diagnostic d = compile_error("<div>\n<a title=\"x\" href=\"{{ a }}/{{ b\">y</a></div>");
  BOOST_TEST(d.pos.line == 2);
  BOOST_TEST(d.pos.column == 28);
}

BOOST_AUTO_TEST_CASE(invalid_placeholder_name) {
  Diagnostic d = compile_error("<p>{{ a b }}</p>");
  BOOST_TEST(d.pos.line == 1);
  BOOST_TEST(d.pos.column == 4);
  BOOST_TEST(contains(d.message, "invalid name"));
}

BOOST_AUTO_TEST_CASE(slot_with_empty_name) {
  Diagnostic d = compile_error("<div>\n  <skiff-slot name=\"\"/>\n</div>");
  BOOST_TEST(d.pos.line == 2);
  BOOST_TEST(d.pos.column == 21);
  BOOST_TEST(contains(d.message, "empty name"));
}

BOOST_AUTO_TEST_CASE(skiff_if_with_empty_value) {
  BOOST_TEST(compile_error("<div>\n<p skiff-if=\"\">x</p></div>").pos.line == 2);
  BOOST_TEST(contains(compile_error("<p skiff-if=\" ! \">x</p>").message, "skiff-if"));
  BOOST_TEST(contains(compile_error("<p skiff-if=\"a b\">x</p>").message, "skiff-if"));
}

BOOST_AUTO_TEST_CASE(void_element_with_content) {
  Diagnostic d = compile_error("<head>\n  <meta name=\"a\">text</meta>\n</head>");
  BOOST_TEST(d.pos.line == 2);
  BOOST_TEST(d.pos.column == 3);
  BOOST_TEST(contains(d.message, "void"));
}

BOOST_AUTO_TEST_CASE(column_counts_code_points) {
  Diagnostic d = compile_error("<p>é {{ x</p>");
  BOOST_TEST(d.pos.column == 6);
}

// Each level is a frame of the compiler's recursion: 100,000 levels used
// to overflow the stack. The limit is 256 elements; the 257th is named.
std::string nested_divs(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "<div>\n";
  for (int i = 0; i < depth; ++i) text += "</div>";
  return text;
}

BOOST_AUTO_TEST_CASE(nesting_up_to_the_limit) {
  HtmlTemplate t = compile_ok(nested_divs(256));
  BOOST_TEST(t.render({}).size() == 256 * (5 + 1 + 6));
}

BOOST_AUTO_TEST_CASE(nesting_past_the_limit) {
  Diagnostic d = compile_error(nested_divs(257));
  BOOST_TEST(d.message == "<div> is nested deeper than 256 levels, the most a template allows");
  BOOST_TEST(d.pos.line == 257);
  BOOST_TEST(d.pos.column == 1);
}

BOOST_AUTO_TEST_CASE(nesting_far_past_the_limit) {
  std::string text = "<p>x</p>";
  for (int i = 0; i < 100000; ++i) text += "<span skiff-if=\"a\"><skiff-slot>";
  for (int i = 0; i < 100000; ++i) text += "</skiff-slot></span>";
  Diagnostic d = compile_error(text);
  BOOST_TEST(d.message == "<span> is nested deeper than 256 levels, the most a template allows");
  BOOST_TEST(d.pos.line == 1);
  BOOST_TEST(d.pos.column == static_cast<int>(8 + 128 * 31 + 1));
}

// --safe: script URLs that reach a URL attribute through a value are
// emptied, as cmark's safe mode empties Markdown links; before, a site
// component's `<Link href="javascript:alert(3)">` kept its href.
BOOST_AUTO_TEST_CASE(safe_mode_empties_script_urls_from_values) {
  HtmlTemplate t = compile_ok(
      "<a class=\"x\" href=\"{{ props.href }}\" title=\"{{ props.href }}\">"
      "<img src=\"{{ props.src }}\"/></a><form action=\"javascript:void(0)\"/>");
  auto render = [&](const std::string& href, const std::string& src, bool safe) {
    TemplateUrls urls;
    urls.safe = safe;
    return t.render(values_of({{"props.href", href}, {"props.src", src}}), urls);
  };
  BOOST_TEST(render("javascript:alert(3)", "/a.png", true) ==
             "<a class=\"x\" href=\"\" title=\"javascript:alert(3)\"><img src=\"/a.png\"></a>"
             "<form action=\"javascript:void(0)\"></form>");
  BOOST_TEST(render("javascript:alert(3)", "/a.png", false) ==
             "<a class=\"x\" href=\"javascript:alert(3)\" title=\"javascript:alert(3)\"><img src=\"/a.png\"></a>"
             "<form action=\"javascript:void(0)\"></form>");
  BOOST_TEST(render("/docs/", "data:text/html,<b>", true) ==
             "<a class=\"x\" href=\"/docs/\" title=\"/docs/\"><img src=\"\"></a>"
             "<form action=\"javascript:void(0)\"></form>");
  BOOST_TEST(render("  VBScript:x", "data:image/png;base64,AA==", true) ==
             "<a class=\"x\" href=\"\" title=\"  VBScript:x\"><img src=\"data:image/png;base64,AA==\"></a>"
             "<form action=\"javascript:void(0)\"></form>");
}

BOOST_AUTO_TEST_CASE(url_values_are_reported) {
  HtmlTemplate t = compile_ok("<a href=\"/x/{{ a }}?q={{ b }}\">{{ a }}</a><a href=\"/fixed/\"/>");
  const Map text = {{"a", "y&z"}, {"b", "1"}};  // values_of keeps a reference
  TemplateValues v = values_of(text);
  std::vector<std::string> seen;
  TemplateUrls urls;
  urls.seen = [&](std::string_view attribute, std::string_view first, std::string_view url) {
    seen.push_back(std::string(attribute) + " " + std::string(first) + " " + std::string(url));
  };
  BOOST_TEST(t.render(v, urls) == "<a href=\"/x/y&amp;z?q=1\">y&amp;z</a><a href=\"/fixed/\"></a>");
  BOOST_TEST(seen == std::vector<std::string>{"href a /x/y&z?q=1"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(script_urls) {
  for (const char* url : {"javascript:x", "JAVASCRIPT:x", "  javascript:x", "\x01javascript:x", "java\tscript:x",
                          "vbscript:x", "file:///etc/passwd", "data:text/html,x", "data:image/svg+xml,<svg/>"}) {
    BOOST_TEST(is_script_url(url), url);
  }
  for (const char* url : {"", "/docs/", "https://a.example/javascript:x", "./javascript:x", "#javascript:x",
                          "data:image/png;base64,AA", "DATA:image/webp,x", "mailto:a@b.c"}) {
    BOOST_TEST(!is_script_url(url), url);
  }
}

}  // namespace
}  // namespace skiff
