// How a tab choice reaches a page before any click: `?tab=KEY` in the URL
// (a link to "the pnpm instructions"), and the remembered choice applied
// before the first paint by the inline <head> script (tabs_prepaint.js), not
// by the deferred tabs.js, so the default tab never flashes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DESKTOP, SEED_PAGE, tabGroupState, useChromium, useEmbeddedSite } from './harness.mjs';

const chromium = useChromium();
const site = useEmbeddedSite('tab_links');
const INSTALL = '/en/guides/installation/';
const pmGroups = (page) => page.locator('.skiff-tabs[data-sync="package-manager"]');

// What a reader sees in each group: the visible panels' keys and the key of
// the tab drawn as selected (the one with the accent underline).
function seen(groups) {
  return groups.evaluateAll((all) => all.map((group) => {
    const visible = [...group.querySelectorAll(':scope>[role=tabpanel]')]
      .filter((p) => p.getBoundingClientRect().height > 0).map((p) => p.dataset.key);
    const underlined = [...group.querySelectorAll(':scope>[role=tablist]>[role=tab]')]
      .filter((t) => getComputedStyle(t).borderBottomColor !== 'rgba(0, 0, 0, 0)')
      .map((t) => t.dataset.key);
    return { visible, underlined };
  }));
}

test('?tab=KEY selects that tab in every group that has it', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(site.url(INSTALL + '?tab=pnpm'));
    const groups = pmGroups(page);
    assert.ok(await groups.count() >= 3);
    for (const state of await Promise.all((await groups.all()).map(tabGroupState))) {
      assert.deepEqual(state.selected, ['pnpm']);
      assert.deepEqual(state.visiblePanels, ['pnpm']);
    }
    // The JS/TS group has no pnpm tab: it keeps its default.
    const flavor = await tabGroupState(page.locator('.skiff-tabs', { has: page.locator('[data-key="ts"]') }));
    assert.deepEqual(flavor.selected, ['js']);
    // A link choice is remembered like a click.
    assert.equal(await page.evaluate(() => localStorage.getItem('skiff-tabs:package-manager')), 'pnpm');
  }));

test('choosing a tab puts it in the address bar, so the link can be shared', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(site.url(INSTALL + '#create-a-new-project'));
    await pmGroups(page).first().getByRole('tab', { name: 'yarn', exact: true }).click();
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('tab'), 'yarn');
    assert.equal(url.hash, '#create-a-new-project', 'the fragment is kept');
    // Opening that link in a fresh context shows yarn without any storage.
    const shared = url.toString();
    await chromium.withPage(DESKTOP, async (other) => {
      await other.goto(shared);
      const state = await tabGroupState(pmGroups(other).first());
      assert.deepEqual(state.visiblePanels, ['yarn']);
    });
  }));

// Every rule the <head> script injects, as the browser parsed them.
const injectedRules = (page) => page.evaluate(() => [...document.styleSheets]
  .filter((sheet) => sheet.ownerNode && sheet.ownerNode.tagName === 'STYLE')
  .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.selectorText || rule.cssText)));

test('a hostile ?tab= value is only ever a string', () =>
  chromium.withPage(DESKTOP, async (page, context) => {
    await context.addInitScript(() => localStorage.setItem('skiff-tabs:x\n]){}main{display:none}', 'k'));
    for (const evil of ['"]{}body{display:none}[x="', 'x\n]){}body{display:none}', "x\\'){}body{color:red}"]) {
      await page.goto(site.url(INSTALL + '?tab=' + encodeURIComponent(evil)));
      assert.ok(await page.locator('main h1').isVisible(), `the page still shows with ${JSON.stringify(evil)}`);
      const state = await tabGroupState(pmGroups(page).first());
      assert.deepEqual(state.visiblePanels, ['npm'], 'an unknown key leaves the default');
    }
    // Before tabs.js runs too: every injected rule is about tab groups.
    await page.route('**/_skiff/skiff.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.skiffTabs = 1;' }));
    await page.goto(site.url(INSTALL + '?tab=' + encodeURIComponent('x\n]){}body{display:none}')));
    const rules = await injectedRules(page);
    assert.ok(rules.length > 0);
    for (const rule of rules) assert.ok(rule.startsWith('.skiff-tabs'), `injected rule: ${rule}`);
  }));

test('reload and Back keep the remembered choice; only a real link overrides it', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(site.url(INSTALL));
    await pmGroups(page).first().getByRole('tab', { name: 'pnpm', exact: true }).click();
    assert.equal(new URL(page.url()).searchParams.get('tab'), 'pnpm');
    await page.goto(site.url('/en/guides/tabs-and-asides/'));
    await page.locator('.skiff-tabs[data-sync="package-manager"]').first()
      .getByRole('tab', { name: 'yarn', exact: true }).click();
    await page.goBack();
    assert.equal(await page.evaluate(() => localStorage.getItem('skiff-tabs:package-manager')), 'yarn');
    for (const state of await Promise.all((await pmGroups(page).all()).map(tabGroupState))) {
      assert.deepEqual(state.visiblePanels, ['yarn'], 'Back shows the latest choice');
    }
    await page.reload();
    assert.deepEqual((await tabGroupState(pmGroups(page).first())).visiblePanels, ['yarn'], 'so does a reload');
  }));

test('if _skiff/skiff.js cannot load, the page falls back to every panel', () =>
  chromium.withPage(DESKTOP, async (page, context) => {
    await context.addInitScript(() => localStorage.setItem('skiff-tabs:package-manager', 'yarn'));
    await page.route('**/_skiff/skiff.js', (route) => route.abort());
    page.on('requestfailed', () => {});
    await page.goto(site.url(INSTALL), { waitUntil: 'load' });
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('skiff-js')), false);
    const group = pmGroups(page).first();
    assert.equal(await group.getByRole('tablist').isVisible(), false, 'no dead tablist');
    for (const key of ['npm', 'pnpm', 'yarn']) {
      assert.ok(await group.locator(`[role=tabpanel][data-key="${key}"]`).isVisible(), `${key} panel shows`);
    }
    assert.equal(await page.locator('.skiff-copy').first().isVisible(), false, 'no dead Copy button');
  }));

// The deferred bundle answered by a stub that only says it ran: what shows
// is the work of the <head> script and CSS alone, which is what the reader
// sees before tabs.js has set the groups up.
async function withoutTabsScript(page) {
  await page.route('**/_skiff/skiff.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.skiffTabs = 1;' }));
}

test('the remembered choice is in place before tabs.js runs (no flash of the default tab)', () =>
  chromium.withPage(DESKTOP, async (page, context) => {
    await context.addInitScript(() => {
      localStorage.setItem('skiff-tabs:package-manager', 'yarn');
      localStorage.setItem('skiff-tabs:ui-framework', 'svelte');
    });
    await withoutTabsScript(page);
    await page.goto(site.url(INSTALL));
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('skiff-js')));
    for (const group of await seen(pmGroups(page))) {
      assert.deepEqual(group, { visible: ['yarn'], underlined: ['yarn'] });
    }
    await page.goto(site.url(SEED_PAGE));
    const [framework] = await seen(page.locator('.skiff-tabs[data-sync="ui-framework"]'));
    assert.deepEqual(framework, { visible: ['svelte'], underlined: ['svelte'] });
  }));

test('before tabs.js runs, the URL wins over the remembered choice, per group', () =>
  chromium.withPage(DESKTOP, async (page, context) => {
    await context.addInitScript(() => {
      localStorage.setItem('skiff-tabs:package-manager', 'yarn');
      localStorage.setItem('skiff-tabs:js-flavor', 'ts');
    });
    await withoutTabsScript(page);
    await page.goto(site.url(INSTALL + '?tab=pnpm'));
    for (const group of await seen(pmGroups(page))) {
      assert.deepEqual(group, { visible: ['pnpm'], underlined: ['pnpm'] });
    }
    // No pnpm in the JS/TS group: its own remembered choice applies.
    const flavor = page.locator('.skiff-tabs', { has: page.locator('[role=tab][data-key="ts"]') });
    assert.deepEqual((await seen(flavor))[0].visible, ['ts']);
  }));

test('with nothing remembered, the first paint shows the default tabs', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await withoutTabsScript(page);
    await page.goto(site.url(INSTALL));
    for (const group of await seen(pmGroups(page))) {
      assert.deepEqual(group, { visible: ['npm'], underlined: ['npm'] });
    }
  }));
