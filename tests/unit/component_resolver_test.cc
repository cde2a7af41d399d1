#define BOOST_TEST_MODULE component_resolver
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <variant>

#include "base/source_text.h"
#include "render/component.h"
#include "render/component_resolver.h"
#include "render/html_template.h"
#include "render/site_component.h"
#include "site/frontmatter.h"
#include "site/site_config.h"

using skiff::component_path_of;
using skiff::ComponentRegistry;
using skiff::ComponentSpec;
using skiff::Diagnostics;
using skiff::HtmlTemplate;
using skiff::ImportTable;
using skiff::ParsedPage;
using skiff::ResolvedComponent;
using skiff::SiteComponent;
using skiff::SiteComponents;
using skiff::SiteConfig;
using skiff::SourceText;

namespace {

constexpr const char* kPage = "pages/en/guides/installation.md";

SiteConfig default_config() {
  // The aliases a site gets without configuring any.
  Diagnostics d;
  SiteConfig config = skiff::parse_site_config(SourceText("site.yml", ""), d);
  BOOST_REQUIRE(d.empty());
  return config;
}

// component_path_of as one string: the path, or "error: <message>".
std::string path_of(std::string_view specifier, std::string_view page = kPage,
                    const SiteConfig& config = default_config()) {
  std::string error;
  std::string path = component_path_of(specifier, page, config, error);
  if (path.empty()) return "error: " + error;
  return path;
}

ComponentSpec spec(std::string name, std::string path) {
  ComponentSpec s;
  s.name = std::move(name);
  s.path = std::move(path);
  return s;
}

ComponentRegistry make_registry() {
  ComponentRegistry registry;
  registry.add(spec("Tabs", "tabs/Tabs"));
  registry.add(spec("TabItem", "tabs/TabItem"));
  registry.add(spec("LoopingVideo", "LoopingVideo"));
  return registry;
}

SiteComponent site_component(std::string path, std::string html) {
  auto compiled = HtmlTemplate::compile(SourceText("components/" + path + ".html", std::move(html)));
  BOOST_REQUIRE(std::holds_alternative<HtmlTemplate>(compiled));
  return SiteComponent{std::move(path), std::get<HtmlTemplate>(std::move(compiled))};
}

SiteComponents make_site_components() {
  SiteComponents components;
  components.add(site_component("Since", "<span class=\"since\">Since {{ props.v }}</span>"));
  return components;
}

// A page parsed for real, so setup positions are true file positions.
struct Page {
  SourceText source;
  ParsedPage parsed;
  Diagnostics diagnostics;  // frontmatter and resolution problems
  ImportTable table;
  Page(std::string text, const ComponentRegistry& registry, const SiteComponents& site,
       const SiteConfig& config = default_config(), std::string path = kPage)
      : source(path, std::move(text)) {
    parsed = skiff::parse_frontmatter(source, diagnostics);
    BOOST_REQUIRE_MESSAGE(diagnostics.empty(), "the test page's frontmatter must be valid");
    table = skiff::resolve_imports(parsed.frontmatter, path, config, site, registry, diagnostics);
  }
  // 1-based line/column of the first occurrence of `needle` in the page.
  skiff::Position where(std::string_view needle) const {
    std::size_t at = source.text().find(needle);
    BOOST_REQUIRE(at != std::string_view::npos);
    return source.position_of(at);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(component_paths)

BOOST_AUTO_TEST_CASE(alias_with_extension) {
  BOOST_TEST(path_of("~/components/tabs/UIFrameworkTabs.astro") == "tabs/UIFrameworkTabs");
  BOOST_TEST(path_of("~/components/LoopingVideo.astro") == "LoopingVideo");
  BOOST_TEST(path_of("~/components/Since.html") == "Since");
  BOOST_TEST(path_of("~/components/cards/Card.tsx") == "cards/Card");
  BOOST_TEST(path_of("~/components/tabs/Tabs") == "tabs/Tabs");
}

BOOST_AUTO_TEST_CASE(unknown_extension_is_kept) {
  BOOST_TEST(path_of("~/components/data.json") == "data.json");
  BOOST_TEST(path_of("~/components/v1.2/Thing") == "v1.2/Thing");
}

BOOST_AUTO_TEST_CASE(relative_to_the_page) {
  BOOST_TEST(path_of("../../../components/tabs/Tabs") == "tabs/Tabs");
  BOOST_TEST(path_of("../../../components/tabs/Tabs.astro") == "tabs/Tabs");
  BOOST_TEST(path_of("../../components/Aside", "pages/en/index.md") == "Aside");
  BOOST_TEST(path_of("./../../../components/./tabs/../tabs/Tabs") == "tabs/Tabs");
}

BOOST_AUTO_TEST_CASE(folder_index_file) {
  BOOST_TEST(path_of("~/components/tabs/Tabs/index.astro") == "tabs/Tabs");
  BOOST_TEST(path_of("~/components/tabs/Tabs/index") == "tabs/Tabs");
  BOOST_TEST(path_of("../../../components/tabs/Tabs/index.astro") == "tabs/Tabs");
}

BOOST_AUTO_TEST_CASE(escaping_the_site_is_an_error) {
  BOOST_TEST(path_of("../../../../etc/passwd") ==
             "error: `../../../../etc/passwd` points outside the site");
  BOOST_TEST(path_of("~/components/../../secret") ==
             "error: `~/components/../../secret` points outside the site");
}

BOOST_AUTO_TEST_CASE(outside_components_is_an_error) {
  BOOST_TEST(path_of("../../../layouts/MainLayout.astro") ==
             "error: `../../../layouts/MainLayout.astro` resolves to layouts/MainLayout.astro, "
             "which is not in the site's components/ folder");
  BOOST_TEST(path_of("~/layouts/MainLayout.astro") ==
             "error: `~/layouts/MainLayout.astro` resolves to layouts/MainLayout.astro, "
             "which is not in the site's components/ folder");
  BOOST_TEST(path_of("./sibling.astro") ==
             "error: `./sibling.astro` resolves to pages/en/guides/sibling.astro, "
             "which is not in the site's components/ folder");
}

BOOST_AUTO_TEST_CASE(bare_package_is_an_error) {
  BOOST_TEST(path_of("react") ==
             "error: cannot resolve `react`: use an alias from site.yml (like `~/components/`) "
             "or a path relative to the page");
  BOOST_TEST(path_of("@astrojs/starlight/components").rfind("error: cannot resolve ", 0) == 0);
  BOOST_TEST(path_of("/abs/components/X").rfind("error: ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(site_aliases_longest_first) {
  Diagnostics d;
  SiteConfig config = skiff::parse_site_config(
      SourceText("site.yml", "aliases: { \"~/\": \"\", \"@ui/\": components/ui/ }\n"), d);
  BOOST_REQUIRE(d.empty());
  // "~/components/" is longer than "~/" and wins.
  BOOST_TEST(path_of("~/components/tabs/Tabs", kPage, config) == "tabs/Tabs");
  // "~/" maps to the site root.
  BOOST_TEST(path_of("~/components/../components/X", kPage, config) == "X");
  BOOST_TEST(path_of("@ui/Button.astro", kPage, config) == "ui/Button");
}

BOOST_AUTO_TEST_CASE(error_is_only_set_on_failure) {
  std::string error = "untouched";
  BOOST_TEST(component_path_of("~/components/tabs/Tabs", kPage, default_config(), error) ==
             "tabs/Tabs");
  BOOST_TEST(error == "untouched");
}

// Regression: component_resolver.cc:64-74 — "~/components/" (or
// "../../../components/") normalises to "components/", passes every check
// and returns substr(11) == "" WITHOUT setting `error`, against the
// contract ("" with `error` set). resolve_imports then reports an error with
// an empty message.
BOOST_AUTO_TEST_CASE(components_folder_itself_sets_error) {
  std::string error;
  std::string path = component_path_of("~/components/", kPage, default_config(), error);
  BOOST_TEST(path == "");
  BOOST_TEST(!error.empty());
  std::string error2;
  component_path_of("../../../components/", kPage, default_config(), error2);
  BOOST_TEST(!error2.empty());
  // Through resolve_imports: one error, and it must say something.
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page("---\nsetup: |\n  import X from '~/components/'\n---\n", registry, site);
  BOOST_REQUIRE(page.diagnostics.all().size() == 1u);
  BOOST_TEST(!page.diagnostics.all()[0].message.empty());
}

// Regression: component_resolver.cc:49,54 — a folder written with a trailing slash
// (`import { Tabs } from '~/components/tabs/'`, as common as without) keeps
// the slash through lexically_normal, so the path is "tabs/" and the named
// import looks for "tabs//Tabs". Expected "tabs".
BOOST_AUTO_TEST_CASE(folder_with_trailing_slash) {
  BOOST_TEST(path_of("~/components/tabs/") == "tabs");
  BOOST_TEST(path_of("../../../components/tabs/") == "tabs");
  // Through resolve_imports the named imports must resolve.
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page("---\nsetup: |\n  import { Tabs, TabItem } from '~/components/tabs/'\n---\n", registry,
            site);
  BOOST_TEST(page.diagnostics.empty());
  BOOST_TEST(page.table.entries().size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(resolving)

BOOST_AUTO_TEST_CASE(default_and_relative_imports) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page(
      "---\n"                                                          // 1
      "title: Install\n"                                               // 2
      "setup: |\n"                                                     // 3
      "  import Video from '~/components/LoopingVideo.astro'\n"        // 4
      "  import Tabs from '../../../components/tabs/Tabs'\n"           // 5
      "  import './style.css'\n"                                       // 6
      "  import Since from '~/components/Since.html'\n"                // 7
      "---\n"
      "<Tabs></Tabs>\n",
      registry, site);
  BOOST_TEST(page.diagnostics.empty());
  BOOST_REQUIRE(page.table.entries().size() == 3u);  // the side-effect import adds nothing

  const ResolvedComponent* video = page.table.find("Video");
  BOOST_REQUIRE(video != nullptr);
  BOOST_TEST(video->builtin == registry.find_by_path("LoopingVideo"));
  BOOST_TEST(video->site == nullptr);
  BOOST_TEST(video->pos.line == 4);
  BOOST_TEST(video->pos.column == 10);

  const ResolvedComponent* tabs = page.table.find("Tabs");
  BOOST_REQUIRE(tabs != nullptr);
  BOOST_TEST(tabs->builtin == registry.find_by_path("tabs/Tabs"));
  BOOST_TEST(tabs->pos.line == 5);
  BOOST_TEST(tabs->pos.column == 10);

  const ResolvedComponent* since = page.table.find("Since");
  BOOST_REQUIRE(since != nullptr);
  BOOST_TEST(since->builtin == nullptr);
  BOOST_TEST(since->site == site.find("Since"));
  BOOST_TEST(since->site->path == "Since");
  BOOST_TEST(since->pos.line == 7);

  BOOST_TEST(page.table.find("LoopingVideo") == nullptr);  // only by its local name
  BOOST_TEST(page.table.find("style") == nullptr);
  BOOST_TEST(page.table.entries()[0].local_name == "Video");  // in import order
  BOOST_TEST(page.table.entries()[1].local_name == "Tabs");
  BOOST_TEST(page.table.entries()[2].local_name == "Since");
}

BOOST_AUTO_TEST_CASE(named_imports_from_a_folder) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page(
      "---\n"
      "setup: |\n"
      "  import { Tabs, TabItem as Item } from '~/components/tabs'\n"  // 3
      "---\n",
      registry, site);
  BOOST_TEST(page.diagnostics.empty());
  BOOST_REQUIRE(page.table.entries().size() == 2u);
  const ResolvedComponent* tabs = page.table.find("Tabs");
  const ResolvedComponent* item = page.table.find("Item");
  BOOST_REQUIRE(tabs != nullptr);
  BOOST_REQUIRE(item != nullptr);
  BOOST_TEST(tabs->builtin == registry.find_by_path("tabs/Tabs"));
  BOOST_TEST(item->builtin == registry.find_by_path("tabs/TabItem"));
  BOOST_TEST(page.table.find("TabItem") == nullptr);
  // Positions of the local names on line 3.
  BOOST_TEST(tabs->pos.line == 3);
  BOOST_TEST(tabs->pos.column == 12);
  BOOST_TEST(item->pos.line == 3);
  BOOST_TEST(item->pos.column == page.where("Item }").column);
}

BOOST_AUTO_TEST_CASE(named_import_of_the_component_itself) {
  // `import { Tabs } from '~/components/tabs/Tabs'`: no tabs/Tabs/Tabs, so
  // the folder's own component is used.
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page("---\nsetup: |\n  import { Tabs } from '~/components/tabs/Tabs.astro'\n---\n", registry,
            site);
  BOOST_TEST(page.diagnostics.empty());
  BOOST_REQUIRE(page.table.find("Tabs") != nullptr);
  BOOST_TEST(page.table.find("Tabs")->builtin == registry.find_by_path("tabs/Tabs"));
}

BOOST_AUTO_TEST_CASE(starlight_named_imports) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page(
      "---\n"
      "setup: |\n"
      "  import { Tabs, TabItem as StarItem } from '@astrojs/starlight/components';\n"
      "---\n",
      registry, site);
  BOOST_TEST(page.diagnostics.empty());
  BOOST_REQUIRE(page.table.entries().size() == 2u);
  BOOST_TEST(page.table.find("Tabs")->builtin == registry.find_by_name("Tabs"));
  BOOST_TEST(page.table.find("StarItem")->builtin == registry.find_by_name("TabItem"));
  BOOST_TEST(page.table.find("StarItem")->site == nullptr);
}

BOOST_AUTO_TEST_CASE(starlight_unknown_name) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page(
      "---\n"
      "setup: |\n"
      "  import { Tabs, Card } from '@astrojs/starlight/components'\n"  // 3
      "---\n",
      registry, site);
  BOOST_REQUIRE(page.diagnostics.all().size() == 1u);
  const auto& e = page.diagnostics.all()[0];
  BOOST_TEST(e.file == kPage);
  BOOST_TEST(e.message == "`Card` is not a component skiff provides for @astrojs/starlight/components");
  BOOST_TEST(e.pos.line == 3);
  BOOST_TEST(e.pos.column == page.where("Card").column);
  BOOST_TEST(page.table.entries().size() == 1u);
  BOOST_TEST(page.table.find("Card") == nullptr);
}

BOOST_AUTO_TEST_CASE(unresolvable_import_error_at_specifier) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page(
      "---\n"                                                                   // 1
      "layout: ~/layouts/MainLayout.astro\n"                                    // 2
      "setup: |\n"                                                              // 3
      "  import Tabs from '~/components/tabs/Tabs.astro'\n"                     // 4
      "  import UIFrameworkTabs from '~/components/tabs/UIFrameworkTabs.astro'\n"  // 5
      "---\n",
      registry, site);
  BOOST_REQUIRE(page.diagnostics.all().size() == 1u);
  const auto& e = page.diagnostics.all()[0];
  BOOST_TEST(e.file == kPage);
  BOOST_TEST(e.message ==
             "cannot resolve `~/components/tabs/UIFrameworkTabs.astro`: no built-in component at "
             "components/tabs/UIFrameworkTabs/ and no site component "
             "components/tabs/UIFrameworkTabs.html");
  // The specifier's first character, after the quote: line 5, column 32.
  BOOST_TEST(e.pos.line == 5);
  BOOST_TEST(e.pos.column == 32);
  skiff::Position expected = page.where("~/components/tabs/UIFrameworkTabs");
  BOOST_TEST(e.pos.column == expected.column);
  // The good import is still there.
  BOOST_TEST(page.table.entries().size() == 1u);
  BOOST_TEST(page.table.find("Tabs") != nullptr);
  BOOST_TEST(page.table.find("UIFrameworkTabs") == nullptr);
}

BOOST_AUTO_TEST_CASE(named_unresolvable_names_the_first_candidate) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page("---\nsetup: |\n  import { Steps } from '~/components/guides'\n---\n", registry, site);
  BOOST_REQUIRE(page.diagnostics.all().size() == 1u);
  BOOST_TEST(page.diagnostics.all()[0].message ==
             "cannot resolve `~/components/guides`: no built-in component at "
             "components/guides/Steps/ and no site component components/guides/Steps.html");
}

BOOST_AUTO_TEST_CASE(path_errors_are_at_the_specifier) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page(
      "---\n"
      "setup: |\n"
      "  import React from 'react'\n"                   // 3
      "  import X from '../../../../etc/passwd'\n"      // 4
      "---\n",
      registry, site);
  BOOST_REQUIRE(page.diagnostics.all().size() == 2u);
  const auto& react = page.diagnostics.all()[0];
  BOOST_TEST(react.message.rfind("cannot resolve `react`", 0) == 0);
  BOOST_TEST(react.pos.line == 3);
  BOOST_TEST(react.pos.column == 22);
  const auto& escape = page.diagnostics.all()[1];
  BOOST_TEST(escape.message == "`../../../../etc/passwd` points outside the site");
  BOOST_TEST(escape.pos.line == 4);
  BOOST_TEST(escape.pos.column == 18);
  BOOST_TEST(page.table.entries().empty());
}

BOOST_AUTO_TEST_CASE(setup_syntax_error_reported_at_its_position) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page(
      "---\n"
      "setup: |\n"
      "  import Tabs from '~/components/tabs/Tabs'\n"   // 3
      "  const x = 1\n"                                 // 4
      "---\n",
      registry, site);
  BOOST_REQUIRE(page.diagnostics.all().size() >= 1u);
  const auto& e = page.diagnostics.all()[0];
  BOOST_TEST(e.message.rfind("setup: ", 0) == 0);
  BOOST_TEST(e.pos.line == 4);
  BOOST_TEST(e.pos.column == 3);
  BOOST_TEST(page.table.find("Tabs") != nullptr);
}

BOOST_AUTO_TEST_CASE(site_component_overrides_builtin) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  site.add(site_component("LoopingVideo", "<video src=\"{{ props.src }}\"></video>"));
  site.add(site_component("tabs/TabItem", "<div><skiff-slot/></div>"));
  Page page(
      "---\n"
      "setup: |\n"
      "  import LoopingVideo from '~/components/LoopingVideo.astro'\n"
      "  import { Tabs, TabItem } from '~/components/tabs'\n"
      "---\n",
      registry, site);
  BOOST_TEST(page.diagnostics.empty());
  BOOST_TEST(page.table.find("LoopingVideo")->site == site.find("LoopingVideo"));
  BOOST_TEST(page.table.find("LoopingVideo")->builtin == nullptr);
  BOOST_TEST(page.table.find("TabItem")->site == site.find("tabs/TabItem"));
  BOOST_TEST(page.table.find("Tabs")->builtin == registry.find_by_path("tabs/Tabs"));
}

BOOST_AUTO_TEST_CASE(no_setup_no_imports) {
  ComponentRegistry registry = make_registry();
  SiteComponents site = make_site_components();
  Page page("---\ntitle: Plain\n---\n# Hi\n", registry, site);
  BOOST_TEST(page.diagnostics.empty());
  BOOST_TEST(page.table.entries().empty());
  BOOST_TEST(page.table.find("Tabs") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
