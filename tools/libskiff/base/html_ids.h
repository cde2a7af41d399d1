// The fragment targets an HTML document offers: every `id` attribute, and
// `name` on <a> elements (the old way to make an anchor), as a browser
// would find them. Lint compares a link's `#fragment` against these; the
// Markdown renderer collects them from raw HTML when asked for ids only.
#pragma once

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace skiff {

// Ids in `html` (quoted or unquoted attribute values, entities in them
// decoded). Text outside tags, comments and the contents of <script>/<style>
// are skipped; it is a tolerant scan, not a validator.
std::set<std::string, std::less<>> html_ids(std::string_view html);
// The same, added to `ids`.
void add_html_ids(std::string_view html, std::set<std::string, std::less<>>& ids);

// Every URL `html` links to or loads: href of <a>, <area> and <link>; src of
// <img>, <source>, <video>, <audio>, <track>, <iframe>, <embed> and
// <script>, and <video poster> (`asset`: loaded, not followed). `offset` is
// where the value starts in `html`; entities are decoded.
void for_each_html_link(std::string_view html,
                        const std::function<void(const std::string& url, std::size_t offset, bool asset)>& visit);

}  // namespace skiff
