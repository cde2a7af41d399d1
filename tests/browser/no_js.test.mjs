// Without JavaScript nothing may be lost: every panel of every tab group
// shows, under a label naming its tab, and the tablist (buttons that would
// do nothing) is hidden.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { DESKTOP, SEED_PAGE, htmlPages, useChromium, useEmbeddedSite } from './harness.mjs';

const chromium = useChromium();
const site = useEmbeddedSite('no_js');

// What a reader sees of each tab group on the page.
function groupsAsShown(page) {
  return page.locator('.skiff-tabs').evaluateAll((groups) => groups.map((group) => {
    const size = (el) => {
      const box = el.getBoundingClientRect();
      return { width: box.width, height: box.height };
    };
    const tablist = group.querySelector(':scope > [role="tablist"]');
    return {
      tablistShown: tablist.getClientRects().length > 0,
      tabs: Array.from(tablist.querySelectorAll('[role="tab"]')).map((tab) => ({
        key: tab.dataset.key,
        label: tab.textContent.trim(),
      })),
      panels: Array.from(group.querySelectorAll(':scope > [role="tabpanel"]')).map((panel) => {
        const label = panel.querySelector(':scope > .skiff-tabs__nojs-label');
        return {
          key: panel.dataset.key,
          size: size(panel),
          label: label ? label.textContent.trim() : null,
          labelSize: label ? size(label) : null,
        };
      }),
    };
  }));
}

test('without JavaScript every panel shows under its label and tablists are hidden', async (t) => {
  const pages = [];
  for (const { file, urlPath } of await htmlPages(site.outDir)) {
    if ((await readFile(file, 'utf8')).includes('class="skiff-tabs"')) pages.push(urlPath);
  }
  assert.ok(pages.includes(SEED_PAGE), `the seed page has tab groups (pages with groups: ${pages})`);

  await chromium.withPage({ ...DESKTOP, javaScriptEnabled: false }, async (page) => {
    for (const urlPath of pages) {
      await t.test(urlPath, async () => {
        await page.goto(site.url(urlPath));
        assert.equal(await page.evaluate(() => document.documentElement.classList.contains('skiff-js')),
                     false, 'no script ran');
        const groups = await groupsAsShown(page);
        assert.ok(groups.length > 0, 'the page has tab groups');
        groups.forEach((group, g) => {
          const where = `group ${g + 1} (${group.tabs.map((tab) => tab.key).join(', ')})`;
          assert.equal(group.tablistShown, false, `${where}: the tablist is hidden`);
          assert.equal(group.panels.length, group.tabs.length, `${where}: one panel per tab`);
          group.panels.forEach((panel, i) => {
            assert.equal(panel.key, group.tabs[i].key, `${where}: panels in tab order`);
            assert.ok(panel.size.width > 0 && panel.size.height > 0,
                      `${where}: panel ${panel.key} is visible (${JSON.stringify(panel.size)})`);
            assert.equal(panel.label, group.tabs[i].label, `${where}: panel ${panel.key} is labelled`);
            assert.ok(panel.labelSize.width > 0 && panel.labelSize.height > 0,
                      `${where}: the label of panel ${panel.key} is visible`);
          });
        });
      });
    }
  });
});
