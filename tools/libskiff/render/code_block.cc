#include "render/code_block.h"

#include "base/html_escape.h"

namespace skiff {

CodeBlockInfo parse_code_info(std::string_view info) {
  CodeBlockInfo out;
  std::size_t begin = info.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return out;
  std::size_t end = info.find_first_of(" \t{", begin);
  if (end == std::string_view::npos) end = info.size();
  out.language = std::string(info.substr(begin, end - begin));
  std::size_t meta = info.find_first_not_of(" \t", end);
  if (meta != std::string_view::npos) out.meta = std::string(info.substr(meta));
  return out;
}

std::string render_code_block(std::string_view info, std::string_view code) {
  CodeBlockInfo parsed = parse_code_info(info);
  std::string out = "<pre class=\"skiff-code\"";
  if (!parsed.language.empty()) {
    out += " data-language=\"";
    append_escaped(out, parsed.language, true);
    out += "\"><code class=\"language-";
    append_escaped(out, parsed.language, true);
    out += "\">";
  } else {
    out += "><code>";
  }
  append_escaped(out, code, false);
  out += "</code></pre>\n";
  return out;
}

}  // namespace skiff
