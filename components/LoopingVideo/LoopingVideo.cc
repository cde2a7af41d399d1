// <LoopingVideo sources={[{ src: '/videos/a.mp4', type: 'video/mp4' }]} />:
// a short silent clip that plays in a loop, like an animated image.
//
//   <video class="skiff-video" controls loop muted playsinline preload="metadata"
//    data-autoplay>
//   <source src="URL" type="TYPE">     type only when given
//   </video>
//
// No `autoplay` attribute: it would play before anything could check the
// reader's prefers-reduced-motion. LoopingVideo.js starts playback when
// motion is welcome; otherwise (and without JavaScript) the first frame
// shows, paused, with controls.
//
// Site paths ("/videos/a.mp4") must be files in public/ and get the site's
// base path; other URLs are used as given. PropValue has no positions of its
// own, so problems inside `sources` are reported at the prop.
#include "base/html_escape.h"
#include "render/component.h"

namespace skiff {
namespace {

constexpr std::string_view kShape = "an array of { src, type } objects";

// A path inside the site ("/videos/a.mp4"), not a URL ("https://…",
// protocol-relative "//cdn…") or a page-relative path.
bool is_site_path(std::string_view src) {
  return src.starts_with('/') && !src.starts_with("//");
}

// The file part of a site path: "/a.mp4#t=2" names the file "/a.mp4".
std::string_view file_of(std::string_view site_path) {
  return site_path.substr(0, site_path.find_first_of("?#"));
}

// Appends one <source> for `entry` (the n-th, 1-based), or reports why not.
void append_source(std::string& out, const PropValue& entry, int n, Position pos,
                   RenderEnv& env) {
  if (!entry.is_object()) {
    env.error(pos, "LoopingVideo source " + std::to_string(n) + " must be an object { src, type }");
    return;
  }
  const PropValue* src = entry.member("src");
  if (src == nullptr || !src->is_string() || src->string().empty()) {
    env.error(pos, "LoopingVideo source " + std::to_string(n) + " has no `src` string");
    return;
  }
  const std::string& path = src->string();
  if (is_site_path(path) && !env.public_file_exists(file_of(path))) {
    env.missing_asset(pos, "video source `" + path + "` not found in public/");
  }
  env.use_asset(is_site_path(path) ? file_of(path) : std::string_view(path), pos);

  out += "<source src=\"";
  append_escaped(out, env.url(path), /*attribute=*/true);
  out += '"';
  // A null or undefined type counts as absent, like a missing one.
  const PropValue* type = entry.member("type");
  if (type != nullptr && type->is_string()) {
    out += " type=\"";
    append_escaped(out, type->string(), /*attribute=*/true);
    out += '"';
  } else if (type != nullptr && !type->is_null() &&
             !std::holds_alternative<std::monostate>(type->value)) {
    env.error(pos, "LoopingVideo source " + std::to_string(n) + " has a `type` that is not a string");
  }
  out += ">\n";
}

std::string render_looping_video(const ComponentCall& call, RenderEnv& env) {
  const Prop* sources = call.props != nullptr ? call.props->find("sources") : nullptr;
  if (sources == nullptr) {
    env.error(call.pos, "LoopingVideo needs a `sources` prop: " + std::string(kShape));
    return "";
  }
  Position pos = sources->pos.line > 0 ? sources->pos : call.pos;
  if (!sources->value.is_array()) {
    env.error(pos, "LoopingVideo `sources` must be " + std::string(kShape));
    return "";
  }
  const PropArray& entries = std::get<PropArray>(sources->value.value);
  if (entries.empty()) {
    env.error(pos, "LoopingVideo `sources` is empty");
    return "";
  }

  std::string out =
      "<video class=\"skiff-video\" controls loop muted playsinline preload=\"metadata\" "
      "data-autoplay>\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    append_source(out, entries[i], static_cast<int>(i) + 1, pos, env);
  }
  out += "</video>\n";
  return out;
}

ComponentSpec looping_video_spec() {
  ComponentSpec spec;
  spec.name = "LoopingVideo";
  spec.path = "LoopingVideo";
  spec.render = render_looping_video;
  spec.css = component_asset("LoopingVideo/LoopingVideo.css");
  spec.js = component_asset("LoopingVideo/LoopingVideo.js");
  return spec;
}

}  // namespace

static ComponentRegistration registration(looping_video_spec());

}  // namespace skiff
