#define BOOST_TEST_MODULE tab_group
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "fake_render_env.h"
#include "tabs/tab_group.h"

// The tab components (UIFrameworkTabs, PackageManagerTabs,
// JavascriptFlavorTabs, Tabs, TabItem) tested through the registry, and the
// shared markup they all produce.

using namespace skiff;
using namespace skiff::testing;

namespace {

std::string shell(std::string_view command) {
  return "<pre><code class=\"language-shell\">" + std::string(command) + "\n</code></pre>\n";
}

// The seed page's <UIFrameworkTabs>, children on lines 49, 54, ... column 3.
std::vector<SlotChild> seed_framework_children() {
  return {
      {"preact", shell("npm i nanostores @nanostores/preact"), {49, 3}},
      {"react", shell("npm i nanostores @nanostores/react"), {54, 3}},
      {"solid", shell("npm i nanostores @nanostores/solid"), {59, 3}},
      {"svelte", shell("npm i nanostores @nanostores/svelte"), {64, 3}},
      {"vue", shell("npm i nanostores @nanostores/vue"), {69, 3}},
  };
}

std::size_t count(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The data-key values of the tabs, in order.
std::vector<std::string> tab_keys(const std::string& html) {
  std::vector<std::string> keys;
  const std::string tab = "role=\"tab\"";
  for (std::size_t at = html.find(tab); at != std::string::npos; at = html.find(tab, at + 1)) {
    std::size_t key = html.find("data-key=\"", at) + 10;
    keys.push_back(html.substr(key, html.find('"', key) - key));
  }
  return keys;
}

ComponentChild tab_item(const Props& item_props, std::string html, Position pos) {
  return {"TabItem", &item_props, "", std::move(html), pos};
}

ComponentCall tabs_call(std::vector<ComponentChild> children, const Props& call_props,
                        Position pos = {10, 1}) {
  ComponentCall call;
  call.name = "Tabs";
  call.props = &call_props;
  call.pos = pos;
  for (ComponentChild& child : children) {
    if (!child.slot.empty()) call.slots[child.slot] += child.html;
    else call.default_html += child.html;
  }
  call.children = std::move(children);
  return call;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fixed_slot_tabs)

BOOST_AUTO_TEST_CASE(seed_framework_tabs_render_in_full) {
  FakeRenderEnv env;
  std::string html = render("tabs/UIFrameworkTabs",
                            slotted_call("UIFrameworkTabs", seed_framework_children(), {47, 1}),
                            env);
  const std::string expected =
      "<div class=\"skiff-tabs\" data-sync=\"ui-framework\">\n"
      "<div role=\"tablist\" aria-label=\"UI frameworks\">\n"
      "<button type=\"button\" role=\"tab\" id=\"tabs-1-tab-preact\" aria-controls=\"tabs-1-panel-preact\" aria-selected=\"true\" tabindex=\"0\" data-key=\"preact\">Preact</button>\n"
      "<button type=\"button\" role=\"tab\" id=\"tabs-1-tab-react\" aria-controls=\"tabs-1-panel-react\" aria-selected=\"false\" tabindex=\"-1\" data-key=\"react\">React</button>\n"
      "<button type=\"button\" role=\"tab\" id=\"tabs-1-tab-solid\" aria-controls=\"tabs-1-panel-solid\" aria-selected=\"false\" tabindex=\"-1\" data-key=\"solid\">Solid</button>\n"
      "<button type=\"button\" role=\"tab\" id=\"tabs-1-tab-svelte\" aria-controls=\"tabs-1-panel-svelte\" aria-selected=\"false\" tabindex=\"-1\" data-key=\"svelte\">Svelte</button>\n"
      "<button type=\"button\" role=\"tab\" id=\"tabs-1-tab-vue\" aria-controls=\"tabs-1-panel-vue\" aria-selected=\"false\" tabindex=\"-1\" data-key=\"vue\">Vue</button>\n"
      "</div>\n"
      "<div role=\"tabpanel\" id=\"tabs-1-panel-preact\" aria-labelledby=\"tabs-1-tab-preact\" tabindex=\"0\" data-key=\"preact\">\n"
      "<p class=\"skiff-tabs__nojs-label\">Preact</p>\n"
      "<pre><code class=\"language-shell\">npm i nanostores @nanostores/preact\n</code></pre>\n"
      "</div>\n"
      "<div role=\"tabpanel\" id=\"tabs-1-panel-react\" aria-labelledby=\"tabs-1-tab-react\" tabindex=\"0\" data-key=\"react\">\n"
      "<p class=\"skiff-tabs__nojs-label\">React</p>\n"
      "<pre><code class=\"language-shell\">npm i nanostores @nanostores/react\n</code></pre>\n"
      "</div>\n"
      "<div role=\"tabpanel\" id=\"tabs-1-panel-solid\" aria-labelledby=\"tabs-1-tab-solid\" tabindex=\"0\" data-key=\"solid\">\n"
      "<p class=\"skiff-tabs__nojs-label\">Solid</p>\n"
      "<pre><code class=\"language-shell\">npm i nanostores @nanostores/solid\n</code></pre>\n"
      "</div>\n"
      "<div role=\"tabpanel\" id=\"tabs-1-panel-svelte\" aria-labelledby=\"tabs-1-tab-svelte\" tabindex=\"0\" data-key=\"svelte\">\n"
      "<p class=\"skiff-tabs__nojs-label\">Svelte</p>\n"
      "<pre><code class=\"language-shell\">npm i nanostores @nanostores/svelte\n</code></pre>\n"
      "</div>\n"
      "<div role=\"tabpanel\" id=\"tabs-1-panel-vue\" aria-labelledby=\"tabs-1-tab-vue\" tabindex=\"0\" data-key=\"vue\">\n"
      "<p class=\"skiff-tabs__nojs-label\">Vue</p>\n"
      "<pre><code class=\"language-shell\">npm i nanostores @nanostores/vue\n</code></pre>\n"
      "</div>\n"
      "</div>\n";
  BOOST_TEST(html == expected);
  BOOST_TEST(env.errors.empty());
  BOOST_TEST(env.warnings.empty());
}

BOOST_AUTO_TEST_CASE(no_panel_is_hidden_in_the_html) {
  // Without JavaScript every panel must show; tabs.js hides them.
  FakeRenderEnv env;
  std::string html = render("tabs/UIFrameworkTabs",
                            slotted_call("UIFrameworkTabs", seed_framework_children()), env);
  BOOST_TEST(html.find("hidden") == std::string::npos);
  BOOST_TEST(count(html, "class=\"skiff-tabs__nojs-label\"") == 5u);
  BOOST_TEST(count(html, "aria-selected=\"true\"") == 1u);
  BOOST_TEST(count(html, "tabindex=\"0\"") == 6u);  // the selected tab and five panels
}

BOOST_AUTO_TEST_CASE(tabs_follow_declared_order_and_skip_missing_slots) {
  FakeRenderEnv env;
  std::string html = render("tabs/UIFrameworkTabs",
                            slotted_call("UIFrameworkTabs", {{"vue", "<p>V</p>\n", {3, 3}},
                                                             {"react", "<p>R</p>\n", {4, 3}}}),
                            env);
  BOOST_TEST(tab_keys(html) == (std::vector<std::string>{"react", "vue"}), boost::test_tools::per_element());
  BOOST_TEST(html.find(">React</button>") < html.find(">Vue</button>"));
  BOOST_TEST(html.find("<p>R</p>") < html.find("<p>V</p>"));
  BOOST_TEST(html.find("aria-selected=\"true\" tabindex=\"0\" data-key=\"react\"") != std::string::npos);
  BOOST_TEST(html.find("Preact") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(ids_are_unique_per_page) {
  FakeRenderEnv env;
  std::string first = render("tabs/UIFrameworkTabs",
                             slotted_call("UIFrameworkTabs", seed_framework_children()), env);
  std::string second = render("tabs/UIFrameworkTabs",
                              slotted_call("UIFrameworkTabs", seed_framework_children()), env);
  BOOST_TEST(first.find("id=\"tabs-1-tab-vue\"") != std::string::npos);
  BOOST_TEST(second.find("id=\"tabs-2-tab-vue\"") != std::string::npos);
  BOOST_TEST(second.find("aria-controls=\"tabs-2-panel-vue\"") != std::string::npos);
  BOOST_TEST(second.find("tabs-1-") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_slot_is_an_error_at_the_child) {
  FakeRenderEnv env;
  std::string html = render("tabs/UIFrameworkTabs",
                            slotted_call("UIFrameworkTabs", {{"react", "<p>R</p>\n", {5, 3}},
                                                             {"angular", "<p>A</p>\n", {9, 3}}}),
                            env);
  BOOST_TEST_REQUIRE(env.errors.size() == 1u);
  BOOST_TEST(env.errors[0].message ==
             "unknown slot `angular` for UIFrameworkTabs; expected preact, react, solid, svelte or vue");
  BOOST_TEST(env.errors[0].pos == (Position{9, 3}));
  BOOST_TEST(tab_keys(html) == (std::vector<std::string>{"react"}), boost::test_tools::per_element());
  BOOST_TEST(html.find("<p>A</p>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_slots_at_all_is_an_error_at_the_call) {
  FakeRenderEnv env;
  std::string html = render("tabs/PackageManagerTabs", slotted_call("PackageManagerTabs", {}, {7, 1}), env);
  BOOST_TEST(html.empty());
  BOOST_TEST_REQUIRE(env.errors.size() == 1u);
  BOOST_TEST(env.errors[0].message ==
             "PackageManagerTabs has no tabs; give it at least one of the slots npm, pnpm or yarn");
  BOOST_TEST(env.errors[0].pos == (Position{7, 1}));
}

BOOST_AUTO_TEST_CASE(content_outside_the_slots_is_a_warning) {
  FakeRenderEnv env;
  ComponentCall call = slotted_call("JavascriptFlavorTabs", {{"ts", "<p>T</p>\n", {2, 3}}}, {1, 1});
  call.default_html = "\n<p>stray text</p>\n";
  std::string html = render("tabs/JavascriptFlavorTabs", call, env);
  BOOST_TEST(env.errors.empty());
  BOOST_TEST_REQUIRE(env.warnings.size() == 1u);
  BOOST_TEST(env.warnings[0].pos == (Position{1, 1}));
  BOOST_TEST(html.find("stray") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(package_manager_and_js_flavor_labels_names_and_groups) {
  FakeRenderEnv env;
  std::string pm = render("tabs/PackageManagerTabs",
                          slotted_call("PackageManagerTabs", {{"yarn", "y", {1, 1}},
                                                              {"pnpm", "p", {2, 1}},
                                                              {"npm", "n", {3, 1}}}),
                          env);
  BOOST_TEST(pm.starts_with("<div class=\"skiff-tabs\" data-sync=\"package-manager\">\n"
                            "<div role=\"tablist\" aria-label=\"Package managers\">\n"));
  BOOST_TEST(tab_keys(pm) == (std::vector<std::string>{"npm", "pnpm", "yarn"}), boost::test_tools::per_element());
  BOOST_TEST(pm.find(">pnpm</button>") != std::string::npos);

  std::string js = render("tabs/JavascriptFlavorTabs",
                          slotted_call("JavascriptFlavorTabs", {{"ts", "t", {1, 1}}, {"js", "j", {2, 1}}}),
                          env);
  BOOST_TEST(js.starts_with("<div class=\"skiff-tabs\" data-sync=\"js-flavor\">\n"
                            "<div role=\"tablist\" aria-label=\"JavaScript or TypeScript\">\n"));
  BOOST_TEST(js.find("data-key=\"js\">JavaScript</button>") < js.find("data-key=\"ts\">TypeScript</button>"));
  BOOST_TEST(js.find("<p class=\"skiff-tabs__nojs-label\">TypeScript</p>") != std::string::npos);

  FakeRenderEnv french;
  french.ui_strings["tabs.jsFlavors"] = "JavaScript ou TypeScript";
  std::string fr = render("tabs/JavascriptFlavorTabs",
                          slotted_call("JavascriptFlavorTabs", {{"js", "j", {1, 1}}}), french);
  BOOST_TEST(fr.find("aria-label=\"JavaScript ou TypeScript\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(specs_declare_their_slots_and_ship_the_tab_assets) {
  const ComponentRegistry& registry = ComponentRegistry::builtins();
  const ComponentSpec* frameworks = registry.find_by_path("tabs/UIFrameworkTabs");
  BOOST_TEST_REQUIRE(frameworks != nullptr);
  BOOST_TEST(frameworks->name == "UIFrameworkTabs");
  BOOST_TEST(frameworks->slots == (std::vector<std::string>{"preact", "react", "solid", "svelte", "vue"}),
             boost::test_tools::per_element());
  BOOST_TEST(registry.find_by_name("PackageManagerTabs")->slots ==
                 (std::vector<std::string>{"npm", "pnpm", "yarn"}),
             boost::test_tools::per_element());
  BOOST_TEST(registry.find_by_name("JavascriptFlavorTabs")->slots == (std::vector<std::string>{"js", "ts"}),
             boost::test_tools::per_element());
  for (std::string_view name : {"UIFrameworkTabs", "PackageManagerTabs", "JavascriptFlavorTabs", "Tabs"}) {
    const ComponentSpec* spec = registry.find_by_name(name);
    BOOST_TEST_REQUIRE(spec != nullptr);
    BOOST_TEST(spec->js.find("skiff-tabs:") != std::string_view::npos);
    BOOST_TEST(spec->css.find(".skiff-js .skiff-tabs") != std::string_view::npos);
  }
  BOOST_TEST(registry.find_by_path("tabs/Tabs")->child_components ==
                 (std::vector<std::string>{"TabItem"}),
             boost::test_tools::per_element());
  BOOST_TEST(registry.find_by_path("tabs/TabItem") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tabs_component)

BOOST_AUTO_TEST_CASE(tab_items_give_labels_and_panels_in_source_order) {
  FakeRenderEnv env;
  Props npm = props({{"label", str("npm"), {11, 12}}});
  Props pnpm = props({{"label", str("pnpm"), {14, 12}}, {"icon", str("pnpm"), {14, 25}}});
  Props store = props({{"sharedStore", str("package-manager"), {10, 7}}});
  std::string html = render("tabs/Tabs",
                            tabs_call({tab_item(npm, "<p>npm i x</p>\n", {11, 3}),
                                       tab_item(pnpm, "<p>pnpm add x</p>\n", {14, 3})},
                                      store),
                            env);
  BOOST_TEST(env.errors.empty());
  BOOST_TEST(env.warnings.empty());
  BOOST_TEST(html.starts_with("<div class=\"skiff-tabs\" data-sync=\"package-manager\">\n"
                              "<div role=\"tablist\" aria-label=\"Tabs\">\n"
                              "<button type=\"button\" role=\"tab\" id=\"tabs-1-tab-npm\" aria-controls=\"tabs-1-panel-npm\" aria-selected=\"true\" tabindex=\"0\" data-key=\"npm\">npm</button>\n"
                              "<button type=\"button\" role=\"tab\" id=\"tabs-1-tab-pnpm\" aria-controls=\"tabs-1-panel-pnpm\" aria-selected=\"false\" tabindex=\"-1\" data-key=\"pnpm\">pnpm</button>\n"
                              "</div>\n"
                              "<div role=\"tabpanel\" id=\"tabs-1-panel-npm\" aria-labelledby=\"tabs-1-tab-npm\" tabindex=\"0\" data-key=\"npm\">\n"
                              "<p class=\"skiff-tabs__nojs-label\">npm</p>\n"
                              "<p>npm i x</p>\n"
                              "</div>\n"));
  BOOST_TEST(html.find("<p>pnpm add x</p>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(without_shared_store_there_is_no_sync) {
  FakeRenderEnv env;
  Props a = props({{"label", str("A"), {2, 12}}});
  std::string html = render("tabs/Tabs", tabs_call({tab_item(a, "a", {2, 3})}, no_props()), env);
  BOOST_TEST(html.starts_with("<div class=\"skiff-tabs\">\n"));
  BOOST_TEST(html.find("data-sync") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_script_label_is_escaped_everywhere) {
  FakeRenderEnv env;
  Props evil = props({{"label", str("<script>alert(\"x\")</script>"), {2, 12}}});
  std::string html = render("tabs/Tabs", tabs_call({tab_item(evil, "<p>ok</p>", {2, 3})}, no_props()), env);
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find(">&lt;script&gt;alert(\"x\")&lt;/script&gt;</button>") != std::string::npos);
  BOOST_TEST(html.find("<p class=\"skiff-tabs__nojs-label\">&lt;script&gt;alert(\"x\")&lt;/script&gt;</p>") !=
             std::string::npos);
  BOOST_TEST(html.find("data-key=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\"") != std::string::npos);
  BOOST_TEST(html.find("id=\"tabs-1-tab-&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tab_and_panel_slots_pair_by_key_in_source_order) {
  FakeRenderEnv env;
  ComponentCall call = tabs_call({{"Fragment", &no_props(), "tab.npm", "<p>npm</p>\n", {2, 3}},
                                  {"Fragment", &no_props(), "panel.npm", "<p>npm i x</p>\n", {3, 3}},
                                  {"Fragment", &no_props(), "panel.yarn", "<p>yarn add x</p>\n", {4, 3}},
                                  {"Fragment", &no_props(), "tab.yarn", "<strong>yarn</strong>", {5, 3}}},
                                 no_props());
  std::string html = render("tabs/Tabs", call, env);
  BOOST_TEST(env.errors.empty());
  BOOST_TEST(env.warnings.empty());
  BOOST_TEST(tab_keys(html) == (std::vector<std::string>{"npm", "yarn"}), boost::test_tools::per_element());
  // Slot labels are HTML; the paragraph Markdown wraps them in is dropped
  // because a <button> takes phrasing content only.
  BOOST_TEST(html.find("data-key=\"npm\">npm</button>") != std::string::npos);
  BOOST_TEST(html.find("data-key=\"yarn\"><strong>yarn</strong></button>") != std::string::npos);
  BOOST_TEST(html.find("<p class=\"skiff-tabs__nojs-label\"><strong>yarn</strong></p>\n<p>yarn add x</p>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(numbered_slots_fix_the_order) {
  FakeRenderEnv env;
  ComponentCall call = tabs_call({{"Fragment", &no_props(), "tab.3.yarn", "yarn", {2, 3}},
                                  {"Fragment", &no_props(), "panel.3.yarn", "Y", {3, 3}},
                                  {"Fragment", &no_props(), "tab.1.npm", "npm", {4, 3}},
                                  {"Fragment", &no_props(), "panel.1.npm", "N", {5, 3}},
                                  {"Fragment", &no_props(), "tab.2.pnpm", "pnpm", {6, 3}},
                                  {"Fragment", &no_props(), "panel.2.pnpm", "P", {7, 3}}},
                                 no_props());
  std::string html = render("tabs/Tabs", call, env);
  BOOST_TEST(env.errors.empty());
  BOOST_TEST(env.warnings.empty());
  BOOST_TEST(tab_keys(html) == (std::vector<std::string>{"npm", "pnpm", "yarn"}), boost::test_tools::per_element());
  BOOST_TEST(html.find("id=\"tabs-1-tab-npm\"") != std::string::npos);  // the number is not in the key
  BOOST_TEST(html.find("aria-selected=\"true\" tabindex=\"0\" data-key=\"npm\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(half_given_tabs_are_warnings_and_still_show) {
  FakeRenderEnv env;
  ComponentCall call = tabs_call({{"Fragment", &no_props(), "tab.npm", "npm", {2, 3}},
                                  {"Fragment", &no_props(), "panel.yarn", "<p>Y</p>", {3, 3}}},
                                 no_props());
  std::string html = render("tabs/Tabs", call, env);
  BOOST_TEST(env.errors.empty());
  BOOST_TEST_REQUIRE(env.warnings.size() == 2u);
  BOOST_TEST(env.warnings[0].message == "tab `npm` has no panel; add a child with slot=\"panel.npm\"");
  BOOST_TEST(env.warnings[0].pos == (Position{2, 3}));
  BOOST_TEST(env.warnings[1].message == "panel `yarn` has no tab; add a child with slot=\"tab.yarn\"");
  BOOST_TEST(env.warnings[1].pos == (Position{3, 3}));
  BOOST_TEST(html.find("data-key=\"yarn\">yarn</button>") != std::string::npos);
  BOOST_TEST(html.find("<p>Y</p>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(misuse_is_reported_where_it_is) {
  FakeRenderEnv env;
  Props unlabelled;
  Props npm = props({{"label", str("npm"), {3, 12}}});
  ComponentCall call = tabs_call({tab_item(unlabelled, "x", {2, 3}),
                                  tab_item(npm, "a", {3, 3}),
                                  tab_item(npm, "b", {4, 3}),
                                  {"Fragment", &no_props(), "sidebar", "s", {5, 3}}},
                                 no_props());
  std::string html = render("tabs/Tabs", call, env);
  BOOST_TEST_REQUIRE(env.errors.size() == 2u);
  BOOST_TEST(env.errors[0].message == "TabItem needs a `label` prop: the text of its tab");
  BOOST_TEST(env.errors[0].pos == (Position{2, 3}));
  BOOST_TEST(env.errors[1].message ==
             "unknown slot `sidebar` for Tabs; expected tab.KEY or panel.KEY (or use TabItem)");
  BOOST_TEST(env.errors[1].pos == (Position{5, 3}));
  BOOST_TEST_REQUIRE(env.warnings.size() == 1u);
  BOOST_TEST(env.warnings[0].pos == (Position{4, 3}));
  // Both npm tabs stay, with distinct keys and ids.
  BOOST_TEST(tab_keys(html) == (std::vector<std::string>{"npm", "npm-2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_tabs_is_an_error) {
  FakeRenderEnv env;
  std::string html = render("tabs/Tabs", tabs_call({}, no_props(), {8, 1}), env);
  BOOST_TEST(html.empty());
  BOOST_TEST_REQUIRE(env.errors.size() == 1u);
  BOOST_TEST(env.errors[0].pos == (Position{8, 1}));
}

BOOST_AUTO_TEST_CASE(tab_item_outside_tabs_is_an_error) {
  FakeRenderEnv env;
  Props npm = props({{"label", str("npm"), {3, 12}}});
  ComponentCall call;
  call.name = "TabItem";
  call.props = &npm;
  call.pos = {3, 1};
  call.default_html = "<p>content</p>\n";
  std::string html = render("tabs/TabItem", call, env);
  BOOST_TEST(html == "<p>content</p>\n");
  BOOST_TEST_REQUIRE(env.errors.size() == 1u);
  BOOST_TEST(env.errors[0].message == "TabItem must be a child of Tabs");
  BOOST_TEST(env.errors[0].pos == (Position{3, 1}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tab_group_markup)

BOOST_AUTO_TEST_CASE(keys_with_spaces_or_colliding_ids_still_get_unique_ids) {
  FakeRenderEnv env;
  TabGroup group;
  group.accessible_name = "Operating systems";
  group.tabs = {{"Mac OS", "Mac OS", "m"}, {"Mac-OS", "Mac-OS", "n"}};
  std::string html = render_tab_group(group, env);
  BOOST_TEST(html.find("id=\"tabs-1-tab-Mac-OS\"") != std::string::npos);
  BOOST_TEST(html.find("id=\"tabs-1-tab-Mac-OS-2\"") != std::string::npos);
  BOOST_TEST(html.find("aria-labelledby=\"tabs-1-tab-Mac-OS-2\"") != std::string::npos);
  BOOST_TEST(html.find("data-key=\"Mac OS\"") != std::string::npos);  // the key itself is kept
}

BOOST_AUTO_TEST_CASE(accessible_name_and_sync_group_are_escaped) {
  FakeRenderEnv env;
  TabGroup group;
  group.accessible_name = "Say \"hi\" & <go>";
  group.sync_group = "a\"b";
  group.tabs = {{"k", "K", "p"}};
  std::string html = render_tab_group(group, env);
  BOOST_TEST(html.starts_with("<div class=\"skiff-tabs\" data-sync=\"a&quot;b\">\n"
                              "<div role=\"tablist\" aria-label=\"Say &quot;hi&quot; &amp; &lt;go&gt;\">\n"));
}

BOOST_AUTO_TEST_SUITE_END()
