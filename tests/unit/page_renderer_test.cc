#define BOOST_TEST_MODULE page_renderer
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "markdown/component_scanner.h"
#include "render/page_renderer.h"

// render_page_body driven the way a build drives it: a page text through
// scan_components, imports from a table of built-ins, and a PageContext with
// a site.yml (base /docs/), a locale catalog and a set of public files.

using namespace skiff;

namespace skiff {
inline std::ostream& boost_test_print_type(std::ostream& out, const Position& pos) {
  return out << pos.line << ':' << pos.column;
}
}  // namespace skiff

namespace {

using Strings = std::vector<std::string>;

const SiteConfig& site_config() {
  static const SiteConfig config = [] {
    Diagnostics diagnostics;
    SiteConfig c = parse_site_config(
        SourceText("site.yml", "base: /docs/\ndefaultLocale: en\nlocales: [en, es, ar]\n"),
        diagnostics);
    BOOST_TEST(diagnostics.empty());
    return c;
  }();
  return config;
}

const LocaleCatalog& catalog() {
  static const LocaleCatalog catalog = [] {
    Diagnostics diagnostics;
    LocaleCatalog c = LocaleCatalog::from_yaml(
        "- { code: en, name: English }\n- { code: es, name: Español }\n"
        "- { code: ar, name: العربية, dir: rtl }\n",
        {{"en",
          "aside.note: Note\naside.tip: Tip\naside.caution: Caution\naside.danger: Danger\n"
          "tabs.frameworks: UI framework\ntabs.generic: Tabs\nprobe.word: Word EN\n"
          "code.copy: Copy\ncode.copied: \"Copied!\"\n"},
         {"es", "aside.note: Nota\naside.tip: Consejo\nprobe.word: Palabra\ncode.copy: Copiar\n"}},
        "en", diagnostics);
    BOOST_TEST(diagnostics.empty());
    return c;
  }();
  return catalog;
}

// What the probe component saw on its last call.
struct ProbeCall {
  std::string default_html;
  std::map<std::string, std::string, std::less<>> slots;
  Strings children;  // "name slot=S: html"
  std::string rendered;
};
std::vector<ProbeCall> g_probe_calls;

// A test component that reports what RenderEnv and ComponentCall give it.
const ComponentSpec& probe_spec() {
  static const ComponentSpec spec = [] {
    ComponentSpec s;
    s.name = "Probe";
    s.path = "test/Probe";
    s.child_components = {"Part"};
    s.render = [](const ComponentCall& call, RenderEnv& env) {
      ProbeCall seen;
      seen.default_html = call.default_html;
      seen.slots = call.slots;
      for (const ComponentChild& child : call.children) {
        seen.children.push_back(child.name + " slot=" + child.slot + ": " + child.html);
      }
      if (call.props->find("warn") != nullptr) env.warning(call.pos, "probe warning");
      std::string out = "<probe dir=\"" + std::string(env.right_to_left() ? "rtl" : "ltr") +
                        "\" locale=\"" + std::string(env.locale()) + "\" word=\"" +
                        env.ui("probe.word") + "\" id=\"" + env.unique_id("probe") +
                        "\" video=\"" + env.url("/videos/a.mp4") + "\" ext=\"" +
                        env.url("https://cdn.example/x.mp4") + "\" exists=\"" +
                        (env.public_file_exists("/videos/a.mp4") ? "1" : "0") +
                        (env.public_file_exists("videos/a.mp4") ? "1" : "0") +
                        (env.public_file_exists("/videos/b.mp4") ? "1" : "0") + "\"/>\n";
      seen.rendered = out;
      g_probe_calls.push_back(std::move(seen));
      return out;
    };
    return s;
  }();
  return spec;
}

Strings urls(const std::vector<PageLink>& links) {
  Strings out;
  for (const PageLink& link : links) out.push_back(link.url);
  return out;
}

Strings paths(const std::vector<PageAsset>& assets) {
  Strings out;
  for (const PageAsset& asset : assets) out.push_back(asset.path);
  return out;
}

struct Page {
  explicit Page(std::string text, Strings imports = {}, std::string locale = "en",
                bool safe = false) {
    public_files = {"videos/a.mp4", "favicon.svg"};
    context.config = &site_config();
    context.catalog = &catalog();
    context.registry = &ComponentRegistry::builtins();
    context.public_files = &public_files;
    context.locale = std::move(locale);
    context.file = "pages/" + context.locale + "/page.md";
    context.markdown.safe = safe;
    for (const std::string& name : imports) {
      const ComponentSpec* spec = name == "Probe" ? &probe_spec()
                                                  : ComponentRegistry::builtins().find_by_name(name);
      BOOST_REQUIRE_MESSAGE(spec != nullptr, "no built-in " + name);
      table.add({name, spec, nullptr, {}});
    }
    g_probe_calls.clear();
    SourceText source(context.file, std::move(text));
    Fragment root = scan_components(source, 0, diagnostics);
    BOOST_TEST(diagnostics.empty(), "scanner: " << messages());
    context.source = &source;
    body = render_page_body(root, table, context, diagnostics);
    context.source = nullptr;  // `source` ends here
  }

  std::string messages() const {
    std::string out;
    for (const Diagnostic& d : diagnostics.all()) out += format_diagnostic(d) + "\n";
    return out;
  }

  std::set<std::string, std::less<>> public_files;
  PageContext context;
  ImportTable table;
  Diagnostics diagnostics;
  PageBody body;
};

std::string aside(std::string_view type, std::string_view title, std::string_view content) {
  return "<aside class=\"skiff-aside skiff-aside--" + std::string(type) + "\" aria-label=\"" +
         std::string(title) + "\">\n<p class=\"skiff-aside__title\" aria-hidden=\"true\">" +
         std::string(title) + "</p>\n<div class=\"skiff-aside__content\">\n" +
         std::string(content) + "</div>\n</aside>\n";
}

std::size_t count(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

// --- headings ---

BOOST_AUTO_TEST_CASE(toc_and_ids_in_document_order) {
  Page page(
      "# Top\n\n## Intro\n\n### Sub `code`\n\n#### Deep\n\n## Intro\n\n"
      "<Aside>\n## Intro\n</Aside>\n\n## Intro\n",
      {"Aside"});
  BOOST_TEST(page.diagnostics.empty(), page.messages());
  BOOST_TEST(page.body.html ==
             "<h1 id=\"top\">Top</h1>\n<h2 id=\"intro\">Intro</h2>\n"
             "<h3 id=\"sub-code\">Sub <code>code</code></h3>\n<h4 id=\"deep\">Deep</h4>\n"
             "<h2 id=\"intro-1\">Intro</h2>\n" +
                 aside("note", "Note", "<h2 id=\"intro-2\">Intro</h2>\n") +
                 "<h2 id=\"intro-3\">Intro</h2>\n");
  BOOST_TEST(page.body.ids == (Strings{"top", "intro", "sub-code", "deep", "intro-1", "intro-2",
                                       "intro-3"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(page.body.toc.size(), 5u);
  const std::vector<std::pair<int, std::string>> expected = {
      {2, "intro"}, {3, "sub-code"}, {2, "intro-1"}, {2, "intro-2"}, {2, "intro-3"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST(page.body.toc[i].depth == expected[i].first);
    BOOST_TEST(page.body.toc[i].id == expected[i].second);
  }
  BOOST_TEST(page.body.toc[1].text == "Sub code");
  BOOST_TEST(page.body.toc[0].text == "Intro");
}

BOOST_AUTO_TEST_CASE(headings_inside_slotted_tab_panels_are_counted_in_order) {
  Page page(
      "## Setup\n\n<UIFrameworkTabs>\n<Fragment slot=\"react\">\n### Setup\n</Fragment>\n"
      "<Fragment slot=\"vue\">\n### Setup\n</Fragment>\n</UIFrameworkTabs>\n\n## Setup\n",
      {"UIFrameworkTabs"});
  BOOST_TEST(page.diagnostics.empty(), page.messages());
  BOOST_TEST(page.body.ids == (Strings{"setup", "setup-1", "setup-2", "setup-3"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(page.body.toc.size(), 4u);
  BOOST_TEST(page.body.toc[1].depth == 3);
  BOOST_TEST(page.body.toc[3].depth == 2);
  BOOST_TEST(page.body.html.find("<h3 id=\"setup-1\">Setup</h3>") != std::string::npos);
  BOOST_TEST(page.body.html.find("<h3 id=\"setup-2\">Setup</h3>") != std::string::npos);
  BOOST_TEST(page.body.html.find("<h2 id=\"setup-3\">Setup</h2>") != std::string::npos);
}

// --- links ---

BOOST_AUTO_TEST_CASE(links_recorded_as_written_site_absolute_ones_get_base) {
  Page page(
      "[a](/en/x/) [b](https://ex.com/y) [c](//cdn.x/z) [d](/docs/en/y/) [e](rel/p) "
      "[f](#frag) ![i](/img/a.png) [g](/)\n");
  BOOST_TEST(page.diagnostics.empty(), page.messages());
  BOOST_TEST(page.body.html ==
             "<p><a href=\"/docs/en/x/\">a</a> <a href=\"https://ex.com/y\">b</a> "
             "<a href=\"//cdn.x/z\">c</a> <a href=\"/docs/en/y/\">d</a> <a href=\"rel/p\">e</a> "
             "<a href=\"#frag\">f</a> <img src=\"/docs/img/a.png\" alt=\"i\" /> "
             "<a href=\"/docs/\">g</a></p>\n");
  BOOST_TEST(urls(page.body.links) == (Strings{"/en/x/", "https://ex.com/y", "//cdn.x/z", "/docs/en/y/",
                                               "rel/p", "#frag", "/img/a.png", "/"}),
             boost::test_tools::per_element());
  BOOST_TEST(page.body.links[6].image);
  BOOST_TEST(page.body.links[6].text == "i");
  BOOST_TEST(page.body.links[1].pos == (Position{1, 13}));
}

BOOST_AUTO_TEST_CASE(links_inside_components_are_recorded_too) {
  Page page("<Aside>\nSee [x](/en/x/).\n</Aside>\n", {"Aside"});
  BOOST_TEST(urls(page.body.links) == Strings{"/en/x/"}, boost::test_tools::per_element());
  // The page position, through the dedented children: line 2, column 5.
  BOOST_TEST(page.body.links[0].pos == (Position{2, 5}));
  BOOST_TEST(page.body.links[0].text == "x");
  BOOST_TEST(page.body.html.find("<a href=\"/docs/en/x/\">x</a>") != std::string::npos);
}

// --- components ---

BOOST_AUTO_TEST_CASE(looping_video_records_its_asset) {
  Page page("<LoopingVideo sources={[{ src: '/videos/a.mp4', type: 'video/mp4' }]} />\n",
            {"LoopingVideo"});
  BOOST_TEST(page.diagnostics.empty(), page.messages());
  BOOST_TEST(page.body.html ==
             "<video class=\"skiff-video\" controls loop muted playsinline preload=\"metadata\" data-autoplay>\n"
             "<source src=\"/docs/videos/a.mp4\" type=\"video/mp4\">\n</video>\n");
  BOOST_TEST(paths(page.body.assets) == Strings{"/videos/a.mp4"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(looping_video_missing_file_is_an_error_at_the_prop) {
  Page page("Text\n\n<LoopingVideo sources={[{ src: '/videos/b.mp4' }]} />\n", {"LoopingVideo"});
  BOOST_REQUIRE_EQUAL(page.diagnostics.all().size(), 1u);
  const Diagnostic& d = page.diagnostics.all()[0];
  BOOST_TEST(d.file == "pages/en/page.md");
  BOOST_TEST(d.pos == (Position{3, 15}));
  BOOST_TEST(d.message == "video source `/videos/b.mp4` not found in public/");
  BOOST_TEST(paths(page.body.assets) == Strings{"/videos/b.mp4"}, boost::test_tools::per_element());
  BOOST_TEST(page.body.assets[0].pos == (Position{3, 15}));
}

BOOST_AUTO_TEST_CASE(two_tab_groups_get_unique_ids) {
  Page page(
      "<Tabs>\n<TabItem label=\"A\">\naaa\n</TabItem>\n</Tabs>\n\n"
      "<Tabs>\n<TabItem label=\"B\">\nbbb\n</TabItem>\n</Tabs>\n",
      {"Tabs"});
  BOOST_TEST(page.diagnostics.empty(), page.messages());
  const std::string& html = page.body.html;
  BOOST_TEST(count(html, "<div class=\"skiff-tabs\">") == 2u);
  BOOST_TEST(html.find("id=\"tabs-1-tab-A\"") != std::string::npos);
  BOOST_TEST(html.find("id=\"tabs-2-tab-B\"") != std::string::npos);
  BOOST_TEST(html.find("tabs-1-tab-B") == std::string::npos);
  BOOST_TEST(html.find("<p>aaa</p>") < html.find("<p>bbb</p>"));
}

BOOST_AUTO_TEST_CASE(unknown_component_is_an_error_children_still_render) {
  Page page("Text\n\n<Widget foo=\"x\">\ninner **x**\n</Widget>\n");
  BOOST_REQUIRE_EQUAL(page.diagnostics.all().size(), 1u);
  const Diagnostic& d = page.diagnostics.all()[0];
  BOOST_TEST((d.severity == Severity::Error));
  BOOST_TEST(d.file == "pages/en/page.md");
  BOOST_TEST(d.pos == (Position{3, 1}));
  BOOST_TEST(d.message ==
             "unknown component <Widget>: import it in the page's setup from a built-in or a site "
             "component");
  BOOST_TEST(page.body.html == "<p>Text</p>\n<p>inner <strong>x</strong></p>\n");
}

BOOST_AUTO_TEST_CASE(builtin_without_import_is_an_error_but_renders) {
  Page page("Line one\n\n  <Aside type=\"tip\">\n  body\n  </Aside>\n");
  BOOST_REQUIRE_EQUAL(page.diagnostics.all().size(), 1u);
  const Diagnostic& d = page.diagnostics.all()[0];
  BOOST_TEST(d.pos == (Position{3, 3}));
  BOOST_TEST(d.message ==
             "<Aside> is used but not imported; add `import Aside from "
             "'~/components/Aside.astro'` to the page's setup");
  BOOST_TEST(page.body.html == "<p>Line one</p>\n" + aside("tip", "Tip", "<p>body</p>\n"));
}

BOOST_AUTO_TEST_CASE(builtin_with_folder_path_suggests_full_import) {
  Page page("<UIFrameworkTabs>\n<Fragment slot=\"vue\">\nv\n</Fragment>\n</UIFrameworkTabs>\n");
  BOOST_REQUIRE_EQUAL(page.diagnostics.all().size(), 1u);
  BOOST_TEST(page.diagnostics.all()[0].message ==
             "<UIFrameworkTabs> is used but not imported; add `import UIFrameworkTabs from "
             "'~/components/tabs/UIFrameworkTabs.astro'` to the page's setup");
  BOOST_TEST(page.body.html.find("data-key=\"vue\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(fragment_without_slot_renders_children_in_place) {
  Page page("<Fragment>\n**bold** here\n</Fragment>\n\nA <Fragment>*x*</Fragment> b\n");
  BOOST_TEST(page.diagnostics.empty(), page.messages());
  BOOST_TEST(page.body.html == "<p><strong>bold</strong> here</p>\n<p>A <em>x</em> b</p>\n");
}

BOOST_AUTO_TEST_CASE(component_call_gets_slots_children_and_default_html) {
  Page page(
      "<Probe>\nIntro text\n<Fragment slot=\"a\">\nA **1**\n</Fragment>\n"
      "<Fragment slot=\"a\">\nA2\n</Fragment>\n<Fragment>\nplain\n</Fragment>\n"
      "<Part n=\"1\">\nP\n</Part>\n<div class=\"d\">\nD\n</div>\n</Probe>\n",
      {"Probe"});
  BOOST_TEST(page.diagnostics.empty(), page.messages());
  BOOST_REQUIRE_EQUAL(g_probe_calls.size(), 1u);
  const ProbeCall& call = g_probe_calls[0];
  BOOST_TEST(call.slots.size() == 1u);
  BOOST_TEST(call.slots.at("a") == "<p>A <strong>1</strong></p>\n<p>A2</p>\n");
  // Slotted fragments and parts leave the default slot; an unslotted
  // Fragment and an HTML element stay in it.
  BOOST_TEST(call.default_html ==
             "<p>Intro text</p>\n<p>plain</p>\n<div class=\"d\">\n<p>D</p>\n</div>\n");
  BOOST_TEST(call.children == (Strings{"Fragment slot=a: <p>A <strong>1</strong></p>\n",
                                       "Fragment slot=a: <p>A2</p>\n",
                                       "Fragment slot=: <p>plain</p>\n", "Part slot=: <p>P</p>\n"}),
             boost::test_tools::per_element());
  BOOST_TEST(page.body.html == call.rendered);
}

BOOST_AUTO_TEST_CASE(render_env_reflects_context_en) {
  Page page("<Probe warn />\n\n<Probe />\n", {"Probe"});
  BOOST_TEST(page.body.html ==
             "<probe dir=\"ltr\" locale=\"en\" word=\"Word EN\" id=\"probe-1\" "
             "video=\"/docs/videos/a.mp4\" ext=\"https://cdn.example/x.mp4\" exists=\"110\"/>\n"
             "<probe dir=\"ltr\" locale=\"en\" word=\"Word EN\" id=\"probe-2\" "
             "video=\"/docs/videos/a.mp4\" ext=\"https://cdn.example/x.mp4\" exists=\"110\"/>\n");
  BOOST_REQUIRE_EQUAL(page.diagnostics.all().size(), 1u);
  const Diagnostic& d = page.diagnostics.all()[0];
  BOOST_TEST((d.severity == Severity::Warning));
  BOOST_TEST(d.file == "pages/en/page.md");
  BOOST_TEST(d.pos == (Position{1, 1}));
  BOOST_TEST(d.message == "probe warning");
}

BOOST_AUTO_TEST_CASE(right_to_left_comes_from_the_catalog) {
  Page ar("<Probe />\n", {"Probe"}, "ar");
  BOOST_TEST(ar.body.html.find("<probe dir=\"rtl\" locale=\"ar\" word=\"Word EN\"") == 0u);
  Page es("<Probe />\n", {"Probe"}, "es");
  BOOST_TEST(es.body.html.find("<probe dir=\"ltr\" locale=\"es\" word=\"Palabra\"") == 0u);
}

// --- HTML elements ---

BOOST_AUTO_TEST_CASE(html_element_raw_attributes_are_kept) {
  Page page("<details class=\"x\" open data-a='1 & 2'>\n<summary>**Sum**</summary>\n\nInside\n</details>\n");
  BOOST_TEST(page.diagnostics.empty(), page.messages());
  BOOST_TEST(page.body.html ==
             "<details class=\"x\" open data-a='1 & 2'>\n<summary><strong>Sum</strong></summary>\n"
             "<p>Inside</p>\n</details>\n");
}

// Regression: page_renderer.cc:117 — a self-closing HTML container element such as
// `<div class="spacer" />` (JSX/MDX: an empty div) is written as its start
// tag only, `<div class="spacer">`, which HTML parses as an unclosed div
// that swallows the rest of the page. Expected `<div class="spacer"></div>`.
BOOST_AUTO_TEST_CASE(self_closing_html_element_is_closed) {
  Page page("<div class=\"spacer\" />\n\nAfter\n");
  BOOST_TEST(page.body.html == "<div class=\"spacer\"></div>\n<p>After</p>\n");
}

// --- asides ---

BOOST_AUTO_TEST_CASE(aside_titles_in_the_page_locale) {
  Page page(":::note\nHola\n:::\n\n:::tip[Mi título]\nx\n:::\n\n:::caution\ny\n:::\n", {}, "es");
  BOOST_TEST(page.diagnostics.empty(), page.messages());
  BOOST_TEST(page.body.html == aside("note", "Nota", "<p>Hola</p>\n") +
                                   aside("tip", "Mi título", "<p>x</p>\n") +
                                   // es has no aside.caution: the default locale's string
                                   aside("caution", "Caution", "<p>y</p>\n"));
}

BOOST_AUTO_TEST_CASE(unknown_aside_type_is_reported_at_the_directive) {
  Page page("Text\n\n:::warning\nz\n:::\n");
  BOOST_REQUIRE_EQUAL(page.diagnostics.all().size(), 1u);
  BOOST_TEST(page.diagnostics.all()[0].pos == (Position{3, 1}));
  BOOST_TEST(page.diagnostics.all()[0].message ==
             "unknown aside type `warning`; expected note, tip, caution or danger");
  BOOST_TEST(page.body.html == "<p>Text</p>\n" + aside("note", "Note", "<p>z</p>\n"));
}

// --- code and markdown options ---

BOOST_AUTO_TEST_CASE(code_blocks_use_the_code_renderer) {
  Page page("```js\nlet a = 1 < 2;\n```\n");
  BOOST_TEST(page.body.html.starts_with("<figure class=\"skiff-code\" data-language=\"js\">"));
  // The copy button speaks the page's language, key by key.
  BOOST_TEST(page.body.html.find("data-copied=\"Copied!\">Copy</button>") != std::string::npos);
  Page es("```js\nlet a;\n```\n", {}, "es");
  BOOST_TEST(es.body.html.find("data-copied=\"Copied!\">Copiar</button>") != std::string::npos);
  BOOST_TEST(page.body.html.find("&lt; ") != std::string::npos);
}

// Problems in a fence's info string point at the option itself, also when
// the fence sits, dedented, inside a component's children.
BOOST_AUTO_TEST_CASE(code_block_problems_have_page_positions) {
  Page page("Intro\n\n<Tabs>\n  <TabItem label=\"A\">\n  ```js wrap {9}\n  a();\n  ```\n  </TabItem>\n</Tabs>\n",
            {"Tabs", "TabItem"});
  BOOST_TEST_REQUIRE(page.diagnostics.all().size() == 2u, page.messages());
  BOOST_TEST(page.messages() ==
             "pages/en/page.md:5:9: warning: unknown code block option `wrap` (known: title, {lines}, "
             "mark, ins, del, lang, frame, showLineNumbers, startLineNumber)\n"
             "pages/en/page.md:5:3: warning: line 9 cannot be marked: the code block has 1 line\n");
}

BOOST_AUTO_TEST_CASE(safe_markdown_option_is_passed_through) {
  Page unsafe("Some <b>raw</b> text\n");
  BOOST_TEST(unsafe.body.html == "<p>Some <b>raw</b> text</p>\n");
  Page safe("Some <b>raw</b> text\n\n<Aside>\nok <i>x</i>\n</Aside>\n", {"Aside"}, "en", true);
  BOOST_TEST(safe.body.html == "<p>Some raw text</p>\n" + aside("note", "Note", "<p>ok x</p>\n"));
}

// Regression: page_renderer.cc:113-120 (render_html) ignores context.markdown.safe:
// an HTML container element at the start of a line (`<div>`, `<details>`,
// ...) is taken out of the Markdown by the scanner and written back with its
// raw attributes, so safe mode — "drop raw HTML written in the Markdown, for
// untrusted contributions" — still outputs
// `<div onclick="steal()">`. Expected: no raw tag or attribute in safe mode,
// the children still rendered.
BOOST_AUTO_TEST_CASE(safe_mode_drops_raw_html_elements_too) {
  Page page("<div onclick=\"steal()\">\nhi\n</div>\n", {}, "en", true);
  BOOST_TEST(page.body.html.find("onclick") == std::string::npos, page.body.html);
  BOOST_TEST(page.body.html.find("<p>hi</p>") != std::string::npos, page.body.html);
}

// --- repeated headings (lint's `headings` rule) ---

BOOST_AUTO_TEST_CASE(headings_repeated_within_a_section_are_recorded_with_positions) {
  Page page("## Setup\n\n### Example\n\n### Example\n\n## Usage\n\n### Example\n\n## Setup\n");
  BOOST_REQUIRE_EQUAL(page.body.repeated_headings.size(), 2u);
  BOOST_TEST(page.body.repeated_headings[0].id == "example-1");
  BOOST_TEST(page.body.repeated_headings[0].pos == (Position{5, 1}));
  BOOST_TEST(page.body.repeated_headings[1].text == "Setup");
  BOOST_TEST(page.body.repeated_headings[1].pos == (Position{11, 1}));
}
