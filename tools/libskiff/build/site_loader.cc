#include "build/site_loader.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>

#include "base/content_hash.h"
#include "base/disk.h"
#include "base/source_text.h"

namespace skiff {

void parallel_for(int count, int jobs, const std::function<void(int)>& work) {
  std::atomic<int> next{0};
  auto worker = [&] {
    for (int i; (i = next.fetch_add(1)) < count;) work(i);
  };
  std::vector<std::thread> threads;
  int extra = std::max(0, std::min(jobs, count) - 1);
  for (int t = 0; t < extra; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
}

void load_site(LoadedSite& site, Diagnostics& diagnostics) { load_site(site, diagnostics, diagnostics); }

void load_site(LoadedSite& site, Diagnostics& diagnostics, Diagnostics& file_problems) {
  site.config = load_site_config(site.root, diagnostics, file_problems);
  site.catalog = LocaleCatalog::load(site.root, site.config, diagnostics, file_problems);
  site.pages = PageIndex::discover(site.root, site.config, diagnostics, file_problems);
  site.components = SiteComponents::load(site.root, diagnostics, file_problems);
  site.layouts = Layouts::load(site.root, diagnostics, file_problems);
  for (std::string& file : list_site_files(site.root, "public", file_problems)) {
    site.public_files.insert(std::move(file));
  }
}

std::optional<std::string> read_page(const SiteConfig& config, const PageSource& page, std::string& error) {
  return read_file(page.file, error, ReadLimit{config.max_page_bytes, "the page", "site.yml maxPageBytes"});
}

std::string page_title(const LoadedSite& site, const PageSource& page, const std::string& frontmatter_title) {
  if (!frontmatter_title.empty()) return frontmatter_title;
  return page.slug.empty() ? site.config.title : page.slug;
}

void read_frontmatter(LoadedSite& site, int jobs, const std::vector<char>* only) {
  std::size_t n = site.pages.pages().size();
  site.frontmatter.resize(n);
  site.body_offsets.resize(n);
  site.titles.resize(n);
  site.page_diagnostics.resize(n);
  site.source_hashes.resize(n);
  std::vector<int> which;
  for (std::size_t i = 0; i < n; ++i) {
    if (only == nullptr || (i < only->size() && (*only)[i])) which.push_back(static_cast<int>(i));
  }
  parallel_for(static_cast<int>(which.size()), jobs, [&](int k) {
    const auto i = static_cast<std::size_t>(which[static_cast<std::size_t>(k)]);
    const PageSource& page = site.pages.pages()[i];
    Diagnostics& diagnostics = site.page_diagnostics[i];
    diagnostics = {};
    std::string error;
    auto bytes = read_page(site.config, page, error);
    if (!bytes) {
      diagnostics.error(page.display_path, {}, error);
      return;
    }
    site.source_hashes[i] = content_hash(*bytes);
    SourceText source(page.display_path, std::move(*bytes));
    ParsedPage parsed = parse_frontmatter(source, diagnostics);
    site.body_offsets[i] = parsed.body_offset;
    site.titles[i] = page_title(site, page, parsed.frontmatter.title);
    site.frontmatter[i] = std::move(parsed.frontmatter);
  });
}

}  // namespace skiff
