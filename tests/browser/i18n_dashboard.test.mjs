// The translation dashboard that `skiff build` publishes with the embedded
// site (site.yml `i18n: { dashboard: true }` → _skiff/i18n/index.html): it
// loads on its own (no request beyond the page, no console error), axe-core
// finds no violation of any impact in the light or the dark colour scheme,
// and its grid has a column and a progress bar per translated locale.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DESKTOP, Findings, MOBILE, axeSource, useChromium, useEmbeddedSite } from './harness.mjs';

const chromium = useChromium();
const site = useEmbeddedSite('i18n_dashboard');

const DASHBOARD = '/_skiff/i18n/';
const LOCALES = ['es', 'ja', 'ar'];  // site/site.yml, the default locale (en) left out

// Opens the dashboard and records what a reader would not see: console
// errors and every request besides the page itself (it is self-contained).
async function openDashboard(page) {
  const consoleErrors = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  const response = await page.goto(site.url(DASHBOARD));
  assert.equal(response.status(), 200, `${DASHBOARD} loads`);
  await page.waitForLoadState('load');
  return { consoleErrors, requests };
}

test('the dashboard loads alone, with no console error', () =>
  chromium.withPage(DESKTOP, async (page) => {
    const { consoleErrors, requests } = await openDashboard(page);
    assert.deepEqual(consoleErrors, [], 'console errors');
    // Chromium asks for /favicon.ico by itself; the page asks for nothing.
    const extra = requests.filter((url) => url !== site.url(DASHBOARD) && !url.endsWith('/favicon.ico'));
    assert.deepEqual(extra, [], 'requests besides the page');
    assert.match(await page.title(), /^Translation status — /);
  }));

test('the grid shows every locale, with a row per page ready for translation', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await openDashboard(page);
    const grid = await page.evaluate(() => {
      const table = document.querySelector('.grid table');
      return {
        columns: Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim()),
        rows: Array.from(table.querySelectorAll('tbody tr')).map((tr) => ({
          page: tr.querySelector('th').textContent.trim(),
          cells: Array.from(tr.querySelectorAll('td')).map((td) => td.className),
        })),
        progress: Array.from(document.querySelectorAll('progress')).map((p) => p.getAttribute('aria-label')),
      };
    });
    assert.equal(grid.columns.length, LOCALES.length + 1, `columns: ${grid.columns}`);
    LOCALES.forEach((code, i) => assert.ok(grid.columns[i + 1].endsWith(`(${code})`),
                                           `column ${i + 1} is ${code}: ${grid.columns[i + 1]}`));
    assert.deepEqual(grid.progress.map((label) => label.split(':')[0]), LOCALES, 'a progress bar per locale');
    assert.ok(grid.rows.length >= 6, `rows: ${grid.rows.map((r) => r.page)}`);
    for (const row of grid.rows) {
      assert.equal(row.cells.length, LOCALES.length, `${row.page}: a cell per locale`);
      for (const state of row.cells) {
        assert.ok(['done', 'outdated', 'missing', 'unknown'].includes(state), `${row.page}: state ${state}`);
      }
    }
    // The home page is translated everywhere, and its cells link the pages.
    const home = page.locator('.grid tbody tr').first();
    assert.deepEqual(await home.locator('td a.state').evaluateAll((links) => links.map((a) => a.pathname)),
                     LOCALES.map((code) => `/${code}/`));
  }));

test('the dashboard links to built pages that exist', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await openDashboard(page);
    const paths = await page.locator('main a[href^="/"]').evaluateAll(
      (links) => [...new Set(links.map((a) => a.pathname))]);
    assert.ok(paths.length > 0, 'the dashboard links pages of the site');
    for (const urlPath of paths) {
      const response = await page.request.get(site.url(urlPath));
      assert.equal(response.status(), 200, `${urlPath} (linked from the dashboard) exists`);
    }
  }));

test('axe finds no violation, light or dark, on desktop and phone', async () => {
  const axe = await axeSource();
  const findings = [];
  for (const [screen, options] of [['desktop', DESKTOP], ['phone', MOBILE]]) {
    await chromium.withPage(options, async (page) => {
      await openDashboard(page);
      await page.addScriptTag({ content: axe });
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        const violations = await page.evaluate(async () => {
          const results = await window.axe.run(document, { resultTypes: ['violations'] });
          return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ` +
                                                v.nodes.map((n) => n.target.join(' ')).join(' | '));
        });
        violations.forEach((v) => findings.push(`${screen}, ${scheme}: ${v}`));
      }
      // On a phone the grid scrolls inside its own box, not the page.
      const overflow = await page.evaluate(() =>
        document.scrollingElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) findings.push(`${screen}: the page is ${overflow} px wider than the screen`);
    });
  }
  if (findings.length) throw new Findings(`the dashboard has problems:\n${findings.join('\n')}`);
});
