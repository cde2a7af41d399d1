// Tab groups in a real browser (components/tabs: tab_group.h markup,
// tabs.js, tabs.css): mouse and keyboard selection with a roving tabindex,
// right-to-left arrow keys, synced groups, remembered choices, and the
// chosen tab keeping its place on screen while groups above it change.
// The embedded site covers what it has (the seed page's group, two synced
// package-manager groups, the same groups on other pages and locales); the
// fixture site (tests/browser/fixture/) has the rest.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  DESKTOP, SEED_PAGE, tabGroupState, useChromium, useEmbeddedSite, useFixtureSite,
} from './harness.mjs';

const chromium = useChromium();
const site = useEmbeddedSite('tabs');
const fixture = useFixtureSite('tabs');

// The seed page's only group: <UIFrameworkTabs>, synced as "ui-framework".
const frameworkGroup = (page) => page.locator('.skiff-tabs[data-sync="ui-framework"]').first();
// A fixture group by the id of the <div> around it.
const fixtureGroup = (page, id) => page.locator(`#${id} > .skiff-tabs`);

// `group` shows `key` and only it: selected, alone in the Tab order, its
// panel the one visible.
async function assertShows(group, key, message) {
  const state = await tabGroupState(group);
  assert.deepEqual(
    { selected: state.selected, tabbable: state.tabbable, visiblePanels: state.visiblePanels },
    { selected: [key], tabbable: [key], visiblePanels: [key] },
    message,
  );
  return state;
}

test('clicking a tab selects it and shows its panel alone', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(site.url(SEED_PAGE));
    const group = frameworkGroup(page);
    const state = await assertShows(group, 'preact', 'the first tab is selected on load');
    assert.deepEqual(state.keys, ['preact', 'react', 'solid', 'svelte', 'vue']);
    assert.ok(await group.getByRole('tablist').isVisible(), 'the tablist shows with JavaScript');
    assert.equal(await group.locator('.skiff-tabs__nojs-label').first().isVisible(), false,
                 'the no-JavaScript panel labels are hidden');

    for (const [name, key] of [['Vue', 'vue'], ['React', 'react'], ['Preact', 'preact']]) {
      const tab = group.getByRole('tab', { name, exact: true });
      await tab.click();
      await assertShows(group, key, `after clicking ${name}`);
      assert.equal(await tab.getAttribute('aria-selected'), 'true');
      // The visible panel is the one the tab controls, and names the tab.
      const panel = page.locator(`[id="${await tab.getAttribute('aria-controls')}"]`);
      assert.ok(await panel.isVisible(), `the panel ${name} controls is visible`);
      assert.equal(await panel.getAttribute('aria-labelledby'), await tab.getAttribute('id'));
      assert.match(await panel.innerText(), new RegExp(`@nanostores/${key}`));
    }
  }));

test('arrow keys, Home and End move focus and selection, wrapping around', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(site.url(SEED_PAGE));
    const group = frameworkGroup(page);
    await group.getByRole('tab', { selected: true }).focus();
    const steps = [
      ['ArrowRight', 'react'],
      ['ArrowRight', 'solid'],
      ['End', 'vue'],
      ['ArrowRight', 'preact'],  // past the last tab: back to the first
      ['ArrowLeft', 'vue'],      // before the first: the last
      ['ArrowLeft', 'svelte'],
      ['Home', 'preact'],
    ];
    for (const [key, expected] of steps) {
      await page.keyboard.press(key);
      const state = await assertShows(group, expected, `after ${key}`);
      assert.equal(state.focused, expected, `${key} moves the focus to ${expected}`);
    }
    // Other keys leave the group alone.
    await page.keyboard.press('ArrowDown');
    await assertShows(group, 'preact', 'ArrowDown changes nothing');
  }));

test('only the selected tab is in the Tab order; Tab goes on to its panel', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(site.url(SEED_PAGE));
    const group = frameworkGroup(page);
    await group.getByRole('tab', { name: 'Svelte', exact: true }).click();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return { role: el.getAttribute('role'), key: el.dataset.key ?? null };
    });
    assert.deepEqual(await focused(), { role: 'tabpanel', key: 'svelte' },
                     'Tab from the selected tab lands on its panel, not on the next tab');
    await page.keyboard.press('Shift+Tab');
    assert.deepEqual(await focused(), { role: 'tab', key: 'svelte' });
    await page.keyboard.press('Shift+Tab');
    const before = await focused();
    assert.notEqual(before.role, 'tab', 'Shift+Tab from the selected tab leaves the tablist');
  }));

test('in a right-to-left page the arrow keys are swapped', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(fixture.url('/ar/'));
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    const group = fixtureGroup(page, 'rtl');
    const state = await tabGroupState(group);
    assert.equal(state.keys.length, 3);
    const [first, second, third] = state.keys;
    const tabs = group.getByRole('tab');
    const x0 = (await tabs.nth(0).boundingBox()).x;
    const x1 = (await tabs.nth(1).boundingBox()).x;
    assert.ok(x1 < x0, 'the second tab sits left of the first in a right-to-left tablist');

    await tabs.nth(0).focus();
    const steps = [
      ['ArrowLeft', second],   // left is onwards in right-to-left text
      ['ArrowLeft', third],
      ['ArrowLeft', first],    // wraps around
      ['ArrowRight', third],   // right is back
      ['ArrowRight', second],
      ['Home', first],
      ['End', third],
    ];
    for (const [key, expected] of steps) {
      await page.keyboard.press(key);
      const after = await assertShows(group, expected, `after ${key}`);
      assert.equal(after.focused, expected, `${key} moves the focus`);
    }
  }));

test('choosing a tab switches every group synced with it on the page', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(site.url('/en/guides/tabs-and-asides/'));
    const synced = page.locator('.skiff-tabs[data-sync="package-manager"]');
    const unsynced = page.locator('.skiff-tabs:not([data-sync])');
    assert.equal(await synced.count(), 2, 'the page has two package-manager groups');
    assert.ok(await unsynced.count() >= 1, 'the page has groups without sync');
    const unsyncedBefore = await Promise.all((await unsynced.all()).map(tabGroupState));

    await synced.nth(0).getByRole('tab', { name: 'yarn', exact: true }).click();
    await assertShows(synced.nth(0), 'yarn', 'the clicked group');
    await assertShows(synced.nth(1), 'yarn', 'the other package-manager group follows');
    await synced.nth(1).getByRole('tab', { name: 'pnpm', exact: true }).focus();
    await page.keyboard.press('ArrowRight');   // second group's order: pnpm, npm, yarn
    await assertShows(synced.nth(1), 'npm', 'the group chosen from with the keyboard');
    await assertShows(synced.nth(0), 'npm', 'keyboard choices sync too');

    const unsyncedAfter = await Promise.all((await unsynced.all()).map(tabGroupState));
    assert.deepEqual(unsyncedAfter.map((s) => s.selected), unsyncedBefore.map((s) => s.selected),
                     'groups without sync keep their selection');
  }));

test('a synced group lacking the chosen key keeps its own; other groups never follow', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(fixture.url('/en/'));
    await fixtureGroup(page, 'short').getByRole('tab', { name: 'Vue', exact: true }).click();
    await assertShows(fixtureGroup(page, 'tall'), 'vue', 'a synced group above');
    await assertShows(fixtureGroup(page, 'short'), 'vue', 'the clicked group');
    await assertShows(fixtureGroup(page, 'partial'), 'preact', 'a synced group without Vue');
    await assertShows(fixtureGroup(page, 'unsynced'), 'preact', 'a group with a Vue tab but no sync');
    await assertShows(fixtureGroup(page, 'other-store'), 'preact',
                      'a group with a Vue tab, synced as "editor"');

    await fixtureGroup(page, 'partial').getByRole('tab', { name: 'React', exact: true }).click();
    for (const id of ['tall', 'short', 'partial']) {
      await assertShows(fixtureGroup(page, id), 'react', `${id} follows React from the partial group`);
    }
    await assertShows(fixtureGroup(page, 'unsynced'), 'preact', 'still not following');

    await fixtureGroup(page, 'unsynced').getByRole('tab', { name: 'Vue', exact: true }).click();
    await assertShows(fixtureGroup(page, 'unsynced'), 'vue', 'the unsynced group itself');
    await assertShows(fixtureGroup(page, 'short'), 'react', 'an unsynced choice moves no synced group');
    await assertShows(fixtureGroup(page, 'other-store'), 'preact', 'nor one synced under another name');

    await fixtureGroup(page, 'other-store').getByRole('tab', { name: 'Vue', exact: true }).click();
    await assertShows(fixtureGroup(page, 'other-store'), 'vue', 'the "editor" group itself');
    await assertShows(fixtureGroup(page, 'short'), 'react', 'the ui-framework groups stay');
  }));

test('a choice survives a reload and applies to synced groups on other pages', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(site.url(SEED_PAGE));
    await frameworkGroup(page).getByRole('tab', { name: 'Vue', exact: true }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem('skiff-tabs:ui-framework')), 'vue',
                 'the choice is stored under its sync key');

    await page.reload();
    await assertShows(frameworkGroup(page), 'vue', 'after a reload');
    // Plain URLs (a reload keeps whatever the address bar holds): the same
    // page, and its translations.
    const pages = [SEED_PAGE, '/es/core-concepts/sharing-state/', '/ja/core-concepts/sharing-state/'];
    for (const urlPath of pages) {
      await page.goto(site.url(urlPath));
      await assertShows(frameworkGroup(page), 'vue', `on ${urlPath}`);
    }

    await page.goto(site.url('/en/guides/tabs-and-asides/'));
    await page.locator('.skiff-tabs[data-sync="package-manager"]').first()
      .getByRole('tab', { name: 'pnpm', exact: true }).click();
    await page.goto(site.url('/en/guides/installation/'));
    const groups = page.locator('.skiff-tabs[data-sync="package-manager"]');
    assert.ok(await groups.count() >= 1, 'the installation page has package-manager groups');
    for (const group of await groups.all()) {
      await assertShows(group, 'pnpm', 'on the installation page');
    }
  }));

test('a group lacking the remembered key keeps its own default on load', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(fixture.url('/en/'));
    await fixtureGroup(page, 'short').getByRole('tab', { name: 'Vue', exact: true }).click();
    await page.goto(fixture.url('/en/second/'));
    await assertShows(fixtureGroup(page, 'full'), 'vue', 'a group with Vue');
    await assertShows(fixtureGroup(page, 'partial'), 'react', 'a group without Vue: its first tab');
  }));

// Chromium anchors scrolling itself (CSS scroll anchoring) and would keep
// the tab in place even without tabs.js's own correction; browsers without
// scroll anchoring (Safari) rely on that correction alone, so it is checked
// both ways.
for (const anchoring of [true, false]) {
  const title = anchoring ? 'with the browser\'s scroll anchoring' : 'with scroll anchoring off (as in Safari)';
  test(`the chosen tab stays where it was on screen when a group above changes height, ${title}`, () =>
    chromium.withPage(DESKTOP, async (page) => {
      await page.goto(fixture.url('/en/'));
      if (!anchoring) await page.addStyleTag({ content: '* { overflow-anchor: none !important; }' });
      const tall = fixtureGroup(page, 'tall');
      const short = fixtureGroup(page, 'short');
      // Bring the short group's tabs to 300 px from the top of the viewport.
      await page.evaluate(() => {
        const tab = document.querySelector('#short [role="tab"]');
        window.scrollBy(0, tab.getBoundingClientRect().top - 300);
      });

      // Chooses `key` in the short group by `how`; returns how far its tab
      // moved on screen and how much the group above grew.
      async function choose(key, how) {
        const tab = short.locator(`[role="tab"][data-key="${key}"]`);
        const top = (await tab.boundingBox()).y;
        const height = (await tall.boundingBox()).height;
        await how(tab);
        await assertShows(short, key, `chose ${key}`);
        await assertShows(tall, key, 'the group above follows');
        return {
          moved: (await tab.boundingBox()).y - top,
          grew: (await tall.boundingBox()).height - height,
        };
      }

      const byClick = await choose('vue', (tab) => tab.click());
      assert.ok(byClick.grew > 300, `the group above grew (${byClick.grew} px), so the page had to scroll`);
      assert.ok(Math.abs(byClick.moved) <= 1, `clicked tab moved ${byClick.moved} px on screen`);

      const back = await choose('preact', (tab) => tab.click());
      assert.ok(back.grew < -300, `the group above shrank (${back.grew} px)`);
      assert.ok(Math.abs(back.moved) <= 1, `clicked tab moved ${back.moved} px when the group shrank`);

      const byKey = await choose('vue', async () => {
        await short.getByRole('tab', { name: 'Preact', exact: true }).focus();
        await page.keyboard.press('End');
      });
      assert.ok(byKey.grew > 300);
      assert.ok(Math.abs(byKey.moved) <= 1, `tab chosen with End moved ${byKey.moved} px on screen`);
    }));
}
