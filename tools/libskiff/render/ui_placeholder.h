// UI strings left as placeholders in a rendered page body, so that one
// rendering of a page serves every locale that shows it: a page without a
// translation is shown in each other locale with its own text and that
// locale's UI strings (copy buttons, aside titles, tab labels), and those
// strings are the only part of the body that depends on the locale.
//
// A placeholder is U+E002, the key, an apostrophe, U+E003. Components
// insert UI strings only through HTML escaping (base/html_escape.h), which
// leaves the private-use characters alone and turns the apostrophe into
// "&#39;" in attribute values but not in text: so the filled body escapes
// each string exactly as a direct rendering would have.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace skiff {

// The placeholder for UI string `key`.
std::string ui_placeholder(std::string_view key);

// Whether `text` holds the placeholder characters itself (page text that
// does cannot be rendered with placeholders).
bool has_ui_placeholder_marks(std::string_view text);

// `html` with every placeholder replaced by value(key), escaped for where
// it stands; nullopt when a placeholder is malformed.
std::optional<std::string> fill_ui_placeholders(std::string_view html,
                                                const std::function<std::string(std::string_view)>& value);

}  // namespace skiff
