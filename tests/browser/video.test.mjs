// <LoopingVideo> in a real browser: a muted inline loop that plays only when
// the reader has not asked for reduced motion; otherwise (and when the
// preference changes) it is paused on its first frame with controls.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DESKTOP, SEED_PAGE, useChromium, useEmbeddedSite } from './harness.mjs';

const chromium = useChromium();
const site = useEmbeddedSite('video');

const state = (page) => page.locator('video.skiff-video').first().evaluate((v) => ({
  paused: v.paused, time: v.currentTime, ready: v.readyState, muted: v.muted, loop: v.loop,
  inline: v.playsInline, controls: v.controls, autoplayAttribute: v.hasAttribute('autoplay'),
}));

test('without a reduced-motion preference the clip plays, muted and inline', () =>
  chromium.withPage({ ...DESKTOP, reducedMotion: 'no-preference' }, async (page) => {
    await page.goto(site.url(SEED_PAGE));
    const video = page.locator('video.skiff-video').first();
    await video.scrollIntoViewIfNeeded();
    await page.waitForFunction((v) => !v.paused && v.currentTime > 0, await video.elementHandle(),
                               { timeout: 10000 });
    const s = await state(page);
    assert.equal(s.muted, true);
    assert.equal(s.loop, true);
    assert.equal(s.inline, true);
    assert.equal(s.autoplayAttribute, false, 'playback is started by the script, not the attribute');
  }));

test('with reduced motion the first frame shows, paused, with controls', () =>
  chromium.withPage({ ...DESKTOP, reducedMotion: 'reduce' }, async (page) => {
    await page.goto(site.url(SEED_PAGE));
    const video = page.locator('video.skiff-video').first();
    await video.scrollIntoViewIfNeeded();
    // The first frame is loaded (HAVE_CURRENT_DATA or more)…
    await page.waitForFunction((v) => v.readyState >= 2, await video.elementHandle(), { timeout: 10000 });
    await page.waitForTimeout(1000);
    // …and it stays there.
    const s = await state(page);
    assert.equal(s.paused, true);
    assert.equal(s.time, 0);
    assert.equal(s.controls, true);
    assert.equal(s.muted, true);
  }));

test('changing the preference while reading pauses the loop', () =>
  chromium.withPage({ ...DESKTOP, reducedMotion: 'no-preference' }, async (page) => {
    await page.goto(site.url(SEED_PAGE));
    const handle = await page.locator('video.skiff-video').first().elementHandle();
    await page.waitForFunction((v) => !v.paused, handle, { timeout: 10000 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.waitForFunction((v) => v.paused, handle, { timeout: 5000 });
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.waitForFunction((v) => !v.paused, handle, { timeout: 5000 });
  }));
