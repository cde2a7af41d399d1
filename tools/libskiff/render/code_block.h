// Code blocks: the HTML of one fenced or indented code block. The fence's
// info string gives the language (its first word) and, later, meta such as
// title="…" and {2,4-6}.
#pragma once

#include <string>
#include <string_view>

namespace skiff {

struct CodeBlockInfo {
  std::string language;  // first word of the info string, "" if none
  std::string meta;      // the rest of the info string
};

CodeBlockInfo parse_code_info(std::string_view info);

// `<pre class="skiff-code" data-language="js"><code class="language-js">…`
// with the code escaped.
std::string render_code_block(std::string_view info, std::string_view code);

}  // namespace skiff
