// Code blocks in a real browser (render/code_block.h markup, code_block.css,
// code_copy.js, highlight.css): the Copy button copies the code alone (no
// line numbers, no diff markers), says so in the page's language, and is
// hidden without JavaScript; tokens are coloured by the build, not a script.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DESKTOP, SEED_PAGE, grantClipboard, useChromium, useEmbeddedSite } from './harness.mjs';

const chromium = useChromium();
const site = useEmbeddedSite('code_blocks');
const CODE_PAGE = '/en/guides/code-blocks/';

// Clicks the Copy button of `figure` and returns what the clipboard holds.
async function copy(page, figure) {
  await page.evaluate(() => navigator.clipboard.writeText('(clipboard not written)'));
  await figure.locator('.skiff-copy').click();
  await page.waitForFunction(
    async () => (await navigator.clipboard.readText()) !== '(clipboard not written)');
  return page.evaluate(() => navigator.clipboard.readText());
}

const figureTitled = (page, title, extra = '') =>
  page.locator(`figure.skiff-code${extra}`, { has: page.locator('figcaption', { hasText: title }) });

test('Copy puts the code on the clipboard and says so, in the page language', () =>
  chromium.withPage(DESKTOP, async (page, context) => {
    await grantClipboard(context, site.origin);
    await page.goto(site.url(SEED_PAGE));
    const figure = page.locator('.skiff-tabs [role="tabpanel"]:not([hidden]) figure.skiff-code').first();
    const button = figure.locator('.skiff-copy');
    assert.equal(await button.innerText(), 'Copy');
    assert.equal(await copy(page, figure), 'npm i nanostores @nanostores/preact');
    assert.equal(await button.innerText(), 'Copied!');
    // Announced to screen readers through a polite live region.
    assert.equal(await page.getByRole('status').innerText(), 'Copied!');
    // …and the label comes back.
    await page.waitForFunction((b) => b.textContent === 'Copy', await button.elementHandle(),
                               { timeout: 5000 });

    await page.goto(site.url('/es/core-concepts/sharing-state/'));
    const es = page.locator('figure.skiff-code').first();
    assert.equal(await es.locator('.skiff-copy').innerText(), 'Copiar');
    await copy(page, es);
    assert.equal(await es.locator('.skiff-copy').innerText(), '¡Copiado!');
  }));

test('line numbers and diff markers are shown but never copied', () =>
  chromium.withPage(DESKTOP, async (page, context) => {
    await grantClipboard(context, site.origin);
    await page.goto(site.url(CODE_PAGE));

    const numbered = figureTitled(page, 'src/components/Card.astro', '.skiff-code--numbered');
    assert.equal(await numbered.count(), 1);
    const numbers = await numbered.locator('.line').evaluateAll((lines) =>
      lines.map((line) => getComputedStyle(line, '::before').content));
    assert.deepEqual(numbers, Array(4).fill('counter(line) / ""'), 'every line shows a number');
    const counter = await numbered.locator('.line').first().evaluate((line) => {
      // The number the first line shows: counter-reset 9, +1 per line.
      const code = line.closest('code');
      return getComputedStyle(code).counterReset;
    });
    assert.equal(counter, 'line 9');
    assert.equal(await copy(page, numbered),
                 '<a class="card" href={href}>\n  <h2>{title}</h2>\n  <slot />\n</a>');

    // A plain diff is a patch: copied exactly as written.
    const patch = page.locator('figure.skiff-code[data-language="diff"]').first();
    assert.equal(await copy(page, patch), [
      '--- a/package.json', '+++ b/package.json', '@@ -8,3 +8,4 @@',
      '   "dependencies": {', '-    "astro": "^4.16.0"', '+    "astro": "^5.0.0",',
      '+    "@astrojs/preact": "^4.0.0"', '   }',
    ].join('\n'));
    // A diff with lang="js" is code that changed: markers in the margin, as
    // <ins>/<del> for screen readers, never copied.
    const changed = page.locator('figure.skiff-code[data-language="diff"]').nth(1);
    const markers = await changed.locator('ins.line, del.line').evaluateAll((lines) =>
      lines.map((line) => getComputedStyle(line, '::after').content));
    assert.deepEqual(markers, ['"+" / ""', '"-" / ""', '"+" / ""'], 'markers drawn in the margin');
    assert.equal(await copy(page, changed), [
      "import { defineConfig } from 'astro/config';", "import preact from '@astrojs/preact';", '',
      'export default defineConfig({});', 'export default defineConfig({ integrations: [preact()] });',
    ].join('\n'));

    const marked = figureTitled(page, 'astro.config.mjs', '').filter({ has: page.locator('.line.ins') }).first();
    const text = await copy(page, marked);
    assert.ok(!/^[+-]/m.test(text), `no diff marker copied: ${text}`);
  }));

test('tokens are coloured by the build, in light and dark', () =>
  chromium.withPage(DESKTOP, async (page) => {
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(site.url(CODE_PAGE));
      const colours = await page.locator('figure[data-language="js"] code').first().evaluate((code) => {
        const plain = getComputedStyle(code).color;
        const kinds = {};
        for (const span of code.querySelectorAll('span[class^="hl-"]')) {
          kinds[span.className] = getComputedStyle(span).color;
        }
        return { plain, kinds };
      });
      // astro.config.mjs: imports, strings, functions, types at least.
      const kinds = Object.keys(colours.kinds);
      assert.ok(kinds.length >= 4, `${scheme}: token kinds in the first JavaScript block: ${kinds}`);
      for (const cls of kinds) {
        assert.notEqual(colours.kinds[cls], colours.plain, `${scheme}: ${cls} has its own colour`);
      }
      assert.notEqual(colours.kinds['hl-imp'], colours.kinds['hl-str'], `${scheme}: kinds differ`);
    }
  }));

test('without JavaScript there is no Copy button, and the code is all there', () =>
  chromium.withPage({ ...DESKTOP, javaScriptEnabled: false }, async (page) => {
    await page.goto(site.url(CODE_PAGE));
    const buttons = page.locator('.skiff-copy');
    assert.ok(await buttons.count() > 10);
    for (const visible of await buttons.evaluateAll((all) => all.map((b) => b.offsetParent !== null))) {
      assert.equal(visible, false, 'a Copy button shows without JavaScript');
    }
    assert.ok(await page.locator('figure.skiff-code pre').first().isVisible());
    assert.ok(await page.locator('.skiff-code__lang').first().isVisible(), 'the language label shows');
  }));

test('Tab goes from the Copy button into the code, which scrolls with the keyboard', () =>
  chromium.withPage({ viewport: { width: 420, height: 800 } }, async (page) => {
    await page.goto(site.url(CODE_PAGE));
    // The JSX block's long line overflows a phone-wide column.
    const figure = figureTitled(page, 'src/components/Counter.jsx');
    const pre = figure.locator('pre');
    assert.ok(await pre.evaluate((el) => el.scrollWidth > el.clientWidth), 'the block scrolls');
    await figure.locator('.skiff-copy').focus();
    await page.keyboard.press('Tab');
    assert.ok(await pre.evaluate((el) => el === document.activeElement), 'Tab reaches the code');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    // Keyboard scrolling may be animated: wait for it (fails after 3 s).
    await page.waitForFunction((el) => el.scrollLeft > 0, await pre.elementHandle(), { timeout: 3000 })
      .catch(() => assert.fail('the keyboard does not scroll the code block'));
  }));

test('code reads left to right on a right-to-left page', () =>
  chromium.withPage(DESKTOP, async (page) => {
    await page.goto(site.url('/ar/guides/installation/'));
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const pre = page.locator('figure.skiff-code pre').first();
    assert.equal(await pre.evaluate((el) => getComputedStyle(el).direction), 'ltr');
    assert.equal(await page.locator('.skiff-copy').first().innerText(), 'نسخ');
  }));
