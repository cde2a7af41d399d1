#define BOOST_TEST_MODULE setup_imports
#include "site/setup_imports.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>

using skiff::Import;
using skiff::parse_setup_imports;
using skiff::SetupImports;

namespace {

// Offset of the `nth` (0-based) occurrence of `needle` in `text`; keeps
// expected offsets in multi-line cases readable and exact.
std::size_t offset_of(std::string_view text, std::string_view needle, int nth = 0) {
  std::size_t pos = text.find(needle);
  for (int i = 0; i < nth && pos != std::string_view::npos; ++i) pos = text.find(needle, pos + 1);
  BOOST_REQUIRE_MESSAGE(pos != std::string_view::npos, "no " << needle << " in test text");
  return pos;
}

SetupImports parse_clean(std::string_view text) {
  SetupImports result = parse_setup_imports(text);
  for (const auto& error : result.errors) {
    BOOST_ERROR("unexpected error at " << error.offset << ": " << error.message);
  }
  return result;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_forms)

BOOST_AUTO_TEST_CASE(default_import_from_real_docs) {
  const std::string text = "import UIFrameworkTabs from '~/components/tabs/UIFrameworkTabs.astro'";
  const SetupImports result = parse_clean(text);
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  const Import& import = result.imports[0];
  BOOST_TEST(import.local_name == "UIFrameworkTabs");
  BOOST_TEST(import.imported_name == "default");
  BOOST_TEST(import.specifier == "~/components/tabs/UIFrameworkTabs.astro");
  BOOST_TEST(import.offset == 0u);
  BOOST_TEST(import.name_offset == 7u);
  BOOST_TEST(import.specifier_offset == 29u);
}

BOOST_AUTO_TEST_CASE(named_imports_with_alias) {
  const std::string text = "import { Tabs, TabItem as Item } from \"../../../components/tabs\"";
  const SetupImports result = parse_clean(text);
  BOOST_REQUIRE_EQUAL(result.imports.size(), 2u);

  BOOST_TEST(result.imports[0].local_name == "Tabs");
  BOOST_TEST(result.imports[0].imported_name == "Tabs");
  BOOST_TEST(result.imports[0].name_offset == 9u);

  BOOST_TEST(result.imports[1].local_name == "Item");
  BOOST_TEST(result.imports[1].imported_name == "TabItem");
  BOOST_TEST(result.imports[1].name_offset == 26u);

  for (const Import& import : result.imports) {
    BOOST_TEST(import.specifier == "../../../components/tabs");
    BOOST_TEST(import.offset == 0u);
    BOOST_TEST(import.specifier_offset == 39u);
  }
}

BOOST_AUTO_TEST_CASE(multi_line_named_list) {
  const std::string text = "import {\n  A,\n  B,\n} from 'x';";
  const SetupImports result = parse_clean(text);
  BOOST_REQUIRE_EQUAL(result.imports.size(), 2u);
  BOOST_TEST(result.imports[0].local_name == "A");
  BOOST_TEST(result.imports[0].name_offset == 11u);
  BOOST_TEST(result.imports[1].local_name == "B");
  BOOST_TEST(result.imports[1].name_offset == 16u);
  BOOST_TEST(result.imports[1].specifier == "x");
  BOOST_TEST(result.imports[1].specifier_offset == 27u);
  BOOST_TEST(result.imports[1].offset == 0u);
}

BOOST_AUTO_TEST_CASE(default_and_named_together) {
  const std::string text = "import X, { Y } from 'z'";
  const SetupImports result = parse_clean(text);
  BOOST_REQUIRE_EQUAL(result.imports.size(), 2u);
  BOOST_TEST(result.imports[0].local_name == "X");
  BOOST_TEST(result.imports[0].imported_name == "default");
  BOOST_TEST(result.imports[0].name_offset == 7u);
  BOOST_TEST(result.imports[1].local_name == "Y");
  BOOST_TEST(result.imports[1].imported_name == "Y");
  BOOST_TEST(result.imports[1].name_offset == 12u);
  BOOST_TEST(result.imports[1].specifier == "z");
}

BOOST_AUTO_TEST_CASE(namespace_import) {
  const SetupImports result = parse_clean("import * as NS from 'n'");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "NS");
  BOOST_TEST(result.imports[0].imported_name == "*");
  BOOST_TEST(result.imports[0].name_offset == 12u);
  BOOST_TEST(result.imports[0].specifier == "n");

  const SetupImports both = parse_clean("import D, * as NS from 'n'");
  BOOST_REQUIRE_EQUAL(both.imports.size(), 2u);
  BOOST_TEST(both.imports[0].imported_name == "default");
  BOOST_TEST(both.imports[1].imported_name == "*");
}

BOOST_AUTO_TEST_CASE(side_effect_import_has_no_names) {
  const SetupImports result = parse_clean("import './style.css'");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "");
  BOOST_TEST(result.imports[0].imported_name == "");
  BOOST_TEST(result.imports[0].specifier == "./style.css");
  BOOST_TEST(result.imports[0].specifier_offset == 8u);
  BOOST_TEST(result.imports[0].name_offset == 8u);
}

BOOST_AUTO_TEST_CASE(special_imported_names_need_as) {
  const SetupImports result =
      parse_clean("import { default as Card, 'kebab-name' as Kebab, if as When } from 'x'");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 3u);
  BOOST_TEST(result.imports[0].imported_name == "default");
  BOOST_TEST(result.imports[0].local_name == "Card");
  BOOST_TEST(result.imports[1].imported_name == "kebab-name");
  BOOST_TEST(result.imports[1].local_name == "Kebab");
  BOOST_TEST(result.imports[2].imported_name == "if");
  BOOST_TEST(result.imports[2].local_name == "When");
}

BOOST_AUTO_TEST_CASE(compact_spacing_and_empty_list) {
  SetupImports result = parse_clean("import{A,B as C}from'x'");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 2u);
  BOOST_TEST(result.imports[1].local_name == "C");
  BOOST_TEST(result.imports[1].specifier == "x");

  result = parse_clean("import {} from 'x'");
  BOOST_TEST(result.imports.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(type_imports)

BOOST_AUTO_TEST_CASE(type_only_statements_are_ignored) {
  const SetupImports result = parse_clean(
      "import type { T } from 't'\n"
      "import type Props from './props'\n"
      "import type * as Types from './types'\n"
      "import Real from 'r'");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "Real");
}

BOOST_AUTO_TEST_CASE(type_may_be_a_plain_default_name) {
  SetupImports result = parse_clean("import type from 'x'");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "type");

  result = parse_clean("import type, { A } from 'x'");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 2u);
  BOOST_TEST(result.imports[0].local_name == "type");

  // TypeScript: a type-only import of the default export, named `from`.
  result = parse_clean("import type from from 'x'");
  BOOST_TEST(result.imports.empty());
}

BOOST_AUTO_TEST_CASE(inline_type_entries_are_ignored) {
  const SetupImports result =
      parse_clean("import { type T, A, type U as V, type, type as Kind } from 'x'");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 3u);
  BOOST_TEST(result.imports[0].local_name == "A");
  BOOST_TEST(result.imports[1].local_name == "type");
  BOOST_TEST(result.imports[2].local_name == "Kind");
  BOOST_TEST(result.imports[2].imported_name == "type");
}

BOOST_AUTO_TEST_CASE(type_names_do_not_clash_with_value_names) {
  const SetupImports result = parse_clean("import type { A } from 'a'\nimport { A } from 'b'");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].specifier == "b");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(layout)

BOOST_AUTO_TEST_CASE(comments_and_blank_lines) {
  const std::string text =
      "// Components for this page\n"
      "\n"
      "/* a block\n   comment */ import A from 'a' // trailing\n"
      "\n"
      "import /* x */ B /* y */ from /* z */ 'b'; /* after */\n"
      "import C from 'c' /* spans\n lines */ import D from 'd'\n";
  const SetupImports result = parse_clean(text);
  BOOST_REQUIRE_EQUAL(result.imports.size(), 4u);
  BOOST_TEST(result.imports[0].local_name == "A");
  BOOST_TEST(result.imports[0].offset == offset_of(text, "import A"));
  BOOST_TEST(result.imports[1].local_name == "B");
  BOOST_TEST(result.imports[1].name_offset == offset_of(text, "B /*"));
  BOOST_TEST(result.imports[1].specifier_offset == offset_of(text, "b'"));
  BOOST_TEST(result.imports[3].local_name == "D");
}

BOOST_AUTO_TEST_CASE(semicolons_and_line_ends) {
  SetupImports result = parse_clean("import A from 'a'; import B from 'b';;\n;");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 2u);
  BOOST_TEST(result.imports[1].offset == 19u);

  result = parse_clean("import A from \"a\"\r\nimport B from 'b'\r\n");
  BOOST_REQUIRE_EQUAL(result.imports.size(), 2u);
  BOOST_TEST(result.imports[1].offset == 19u);

  result = parse_clean("import A from 'a'\rimport B from 'b'");
  BOOST_TEST(result.imports.size() == 2u);
}

BOOST_AUTO_TEST_CASE(empty_setup) {
  for (const char* text : {"", "\n\n", "  // nothing\n/* here */"}) {
    const SetupImports result = parse_setup_imports(text);
    BOOST_TEST(result.imports.empty());
    BOOST_TEST(result.errors.empty());
  }
}

BOOST_AUTO_TEST_CASE(statements_on_one_line_need_a_semicolon) {
  const std::string text = "import A from 'a' import B from 'b'";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 18u);
  BOOST_TEST(contains(result.errors[0].message, "expected `;` or a line break"));
  BOOST_TEST(result.imports.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(other_statements_are_errors_and_parsing_resumes) {
  const std::string text = "export const x = 1\nimport A from 'a'";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 0u);
  BOOST_TEST(contains(result.errors[0].message, "only `import` statements"));
  BOOST_TEST(contains(result.errors[0].message, "`export`"));
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "A");
  BOOST_TEST(result.imports[0].offset == 19u);
}

BOOST_AUTO_TEST_CASE(each_bad_line_is_reported) {
  const std::string text = "const x = 1;\n  export default 2\nimportX\nimport A from 'a'";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 3u);
  BOOST_TEST(result.errors[0].offset == 0u);
  BOOST_TEST(contains(result.errors[0].message, "`const`"));
  BOOST_TEST(result.errors[1].offset == 15u);
  BOOST_TEST(result.errors[2].offset == offset_of(text, "importX"));
  BOOST_TEST(contains(result.errors[2].message, "`importX`"));
  BOOST_TEST(result.imports.size() == 1u);
}

BOOST_AUTO_TEST_CASE(missing_from) {
  const std::string text = "import A 'a'\nimport { B } form 'b'\nimport C from 'c'";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 2u);
  BOOST_TEST(result.errors[0].offset == 9u);
  BOOST_TEST(contains(result.errors[0].message, "expected `from`"));
  BOOST_TEST(contains(result.errors[0].message, "`'a'`"));
  BOOST_TEST(result.errors[1].offset == offset_of(text, "form"));
  BOOST_TEST(contains(result.errors[1].message, "`form`"));
  // Names of broken statements are not registered.
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "C");
}

BOOST_AUTO_TEST_CASE(missing_module_path) {
  SetupImports result = parse_setup_imports("import A from x");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 14u);
  BOOST_TEST(contains(result.errors[0].message, "module path"));

  result = parse_setup_imports("import A from");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 13u);
  BOOST_TEST(contains(result.errors[0].message, "end of input"));

  result = parse_setup_imports("import A from ''");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 14u);
  BOOST_TEST(contains(result.errors[0].message, "empty module path"));

  result = parse_setup_imports("import A from `./a`");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 14u);
  BOOST_TEST(result.errors[0].message ==
             "expected the module path as a quoted string, found `` ` ``");

  result = parse_setup_imports("import");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 6u);
}

BOOST_AUTO_TEST_CASE(unterminated_string) {
  const std::string text = "import A from 'a\nimport B from \"b\"";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 14u);
  BOOST_TEST(contains(result.errors[0].message, "unterminated string"));
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "B");

  const SetupImports at_end = parse_setup_imports("import A from \"a");
  BOOST_REQUIRE_EQUAL(at_end.errors.size(), 1u);
  BOOST_TEST(at_end.errors[0].offset == 14u);
  BOOST_TEST(contains(at_end.errors[0].message, "unterminated string"));
}

BOOST_AUTO_TEST_CASE(backslashes_in_paths) {
  const SetupImports result = parse_setup_imports("import A from '..\\components\\A.astro'");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 17u);
  BOOST_TEST(contains(result.errors[0].message, "backslash"));
}

BOOST_AUTO_TEST_CASE(duplicate_local_names_error_at_the_second) {
  const std::string text = "import Tabs from './a'\nimport { Tabs, Other } from './b'";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == offset_of(text, "Tabs", 1));
  BOOST_TEST(contains(result.errors[0].message, "duplicate"));
  BOOST_TEST(contains(result.errors[0].message, "`Tabs`"));
  BOOST_TEST(contains(result.errors[0].message, "'./a'"));
  // The first import wins; the rest of the statement still counts.
  BOOST_REQUIRE_EQUAL(result.imports.size(), 2u);
  BOOST_TEST(result.imports[0].specifier == "./a");
  BOOST_TEST(result.imports[1].local_name == "Other");
}

BOOST_AUTO_TEST_CASE(duplicates_within_one_statement_and_via_alias) {
  const std::string text = "import { A, B as A } from 'x'";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 17u);
  BOOST_TEST(result.imports.size() == 1u);
}

BOOST_AUTO_TEST_CASE(reserved_words_and_bad_names) {
  SetupImports result = parse_setup_imports("import class from 'x'");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 7u);
  BOOST_TEST(contains(result.errors[0].message, "reserved word"));

  result = parse_setup_imports("import { default } from 'x'");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 9u);
  BOOST_TEST(contains(result.errors[0].message, "`default as Name`"));

  result = parse_setup_imports("import { 'a-b' } from 'x'");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 10u);

  result = parse_setup_imports("import { A as } from 'x'");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 14u);
  BOOST_TEST(contains(result.errors[0].message, "expected a name"));

  result = parse_setup_imports("import 42 from 'x'");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 7u);
}

BOOST_AUTO_TEST_CASE(malformed_clauses) {
  SetupImports result = parse_setup_imports("import A, B from 'x'");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 10u);
  BOOST_TEST(contains(result.errors[0].message, "after `,`"));

  result = parse_setup_imports("import * from 'x'");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 9u);
  BOOST_TEST(contains(result.errors[0].message, "expected `as`"));

  result = parse_setup_imports("import { A B } from 'x'");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 11u);
  BOOST_TEST(contains(result.errors[0].message, "expected `,` or `}`"));

  result = parse_setup_imports("import('./x.js')");
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 0u);
  BOOST_TEST(contains(result.errors[0].message, "dynamic"));
}

BOOST_AUTO_TEST_CASE(error_in_multi_line_list_is_reported_once) {
  const std::string text = "import {\n  A\n  B,\n  C,\n} from 'x'\nimport D from 'd'";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == offset_of(text, "B"));
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "D");
}

BOOST_AUTO_TEST_CASE(unclosed_list_stops_at_the_next_import) {
  const std::string text = "import {\n  A,\n\nimport C from 'c'";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 7u);
  BOOST_TEST(contains(result.errors[0].message, "`{` is never closed"));
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "C");

  const SetupImports at_end = parse_setup_imports("import { A,\n  B");
  BOOST_REQUIRE_EQUAL(at_end.errors.size(), 1u);
  BOOST_TEST(at_end.errors[0].offset == 7u);
}

BOOST_AUTO_TEST_CASE(unterminated_comment) {
  const std::string text = "import A from 'a'\n/* never closed\nimport B from 'b'";
  const SetupImports result = parse_setup_imports(text);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == 18u);
  BOOST_TEST(contains(result.errors[0].message, "comment"));
  BOOST_REQUIRE_EQUAL(result.imports.size(), 1u);
  BOOST_TEST(result.imports[0].local_name == "A");

  // The comment ends the statement (it runs to the end), so A still counts.
  const SetupImports same_line = parse_setup_imports("import A from 'a' /* open");
  BOOST_REQUIRE_EQUAL(same_line.errors.size(), 1u);
  BOOST_TEST(same_line.errors[0].offset == 18u);
  BOOST_TEST(same_line.imports.size() == 1u);

  const SetupImports inside = parse_setup_imports("import A /* open");
  BOOST_REQUIRE_EQUAL(inside.errors.size(), 1u);
  BOOST_TEST(inside.errors[0].offset == 9u);
  BOOST_TEST(inside.imports.empty());
}

BOOST_AUTO_TEST_CASE(long_and_many_statements) {
  std::string text;
  for (int i = 0; i < 10'000; ++i) {
    text += "import C" + std::to_string(i) + " from './c" + std::to_string(i) + ".astro'\n";
  }
  text += "import C42 from 'dup'\n";
  const SetupImports result = parse_setup_imports(text);
  BOOST_TEST(result.imports.size() == 10'000u);
  BOOST_REQUIRE_EQUAL(result.errors.size(), 1u);
  BOOST_TEST(result.errors[0].offset == text.size() - 15);
}

BOOST_AUTO_TEST_SUITE_END()
