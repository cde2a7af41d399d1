// Screenshots of the seed page, saved as test artifacts for a person to look
// at (<build>/tests/browser/artifacts/), and the narrow-screen layout:
// no page may be wider than a phone's screen.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import {
  DESKTOP, MOBILE, SEED_PAGE, artifactPath, gotoAndStay, htmlPages, useChromium, useEmbeddedSite,
} from './harness.mjs';

const chromium = useChromium();
const site = useEmbeddedSite('screenshots');


const SHOTS = [
  { name: 'seed-light-desktop.png', options: { ...DESKTOP, colorScheme: 'light' } },
  { name: 'seed-light-mobile.png', options: { ...MOBILE, colorScheme: 'light' } },
  { name: 'seed-dark-desktop.png', options: { ...DESKTOP, colorScheme: 'dark' } },
  { name: 'seed-dark-mobile.png', options: { ...MOBILE, colorScheme: 'dark' } },
];

// Width and height from a PNG's header; throws if `bytes` is not a PNG.
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(bytes.subarray(0, 8).equals(signature), 'the file is a PNG');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// How far the page reaches past the viewport's right edge, and the deepest
// elements that stick out (for the failure message).
function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.scrollingElement.scrollWidth;
    const culprits = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || (box.right <= width + 0.5 && box.left >= -0.5)) continue;
      if (Array.from(el.children).some((child) => {
        const b = child.getBoundingClientRect();
        return b.width > 0 && (b.right > width + 0.5 || b.left < -0.5);
      })) continue;
      const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
        (el.classList.length ? `.${Array.from(el.classList).join('.')}` : '');
      culprits.push(`${name} spans ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
    return { width, scrollWidth, culprits: culprits.slice(0, 8) };
  });
}

test('screenshots of the seed page, desktop and mobile, light and dark', async (t) => {
  for (const { name, options } of SHOTS) {
    await t.test(name, () => chromium.withPage(options, async (page) => {
      await page.goto(site.url(SEED_PAGE));
      const file = await artifactPath(name);
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      console.log(`screenshot: ${file}`);
      const bytes = await readFile(file);
      const size = pngSize(bytes);
      const scale = options.deviceScaleFactor ?? 1;
      assert.equal(size.width, options.viewport.width * scale, 'the page fits the viewport width');
      assert.ok(size.height >= options.viewport.height * scale, 'a full-page screenshot');
      assert.ok(bytes.length > 10_000, `${bytes.length} bytes: the screenshot shows content`);
    }));
  }
});

test('on a phone, no page is wider than the screen', async (t) => {
  const pages = (await htmlPages(site.outDir)).map((p) => p.urlPath);
  assert.ok(pages.includes(SEED_PAGE));
  await chromium.withPage(MOBILE, async (page) => {
    for (const urlPath of pages) {
      await t.test(urlPath, async () => {
        await gotoAndStay(page, site.url(urlPath));
        const overflow = await horizontalOverflow(page);
        assert.ok(overflow.scrollWidth <= overflow.width,
                  `${urlPath} is ${overflow.scrollWidth} px wide on a ${overflow.width} px screen; ` +
                  `sticking out: ${overflow.culprits.join('; ') || '(none found)'}`);
      });
    }
  });
});
