// Character references in text that authors write as HTML: `&amp;`,
// `&eacute;`, `&#233;`, `&#xE9;`. JSX decodes them in string attributes, so
// `<TabItem label="Tom &amp; Jerry">` means the text "Tom & Jerry".
#pragma once

#include <string>
#include <string_view>

namespace skiff {

// Decodes every reference HTML 4 names (libxml2's table) and every numeric
// one; anything else, including a bare `&`, is kept as written.
std::string decode_html_entities(std::string_view text);

}  // namespace skiff
