// What every browser test file shares: where things are, building a site
// with the freshly built skiff, serving it, and driving Debian's Chromium
// through playwright-core. A test file registers what it needs at its top
// level; node:test's before/after hooks set it up once for the file and
// take it down at the end:
//
//   import { test } from 'node:test';
//   import { useChromium, useEmbeddedSite, SEED_PAGE } from './harness.mjs';
//
//   const chromium = useChromium();          // one browser for the file
//   const site = useEmbeddedSite('mytest');  // site/ built and served
//
//   test('…', () => chromium.withPage({}, async (page) => {
//     await page.goto(site.url(SEED_PAGE));
//     …
//   }));
//
// Also here: a fixture site (useFixtureSite), every page of a built site
// (htmlPages), DESKTOP and MOBILE context options, gotoAndStay for pages that
// redirect, grantClipboard, tabGroupState, axeSource, artifactPath, and
// Findings for failures that are lists.
//
// meson (tests/browser/meson.build, through run_test.sh) passes the paths in
// the environment: SKIFF (the binary), SKIFF_SOURCE_ROOT, SKIFF_BROWSER_WORK
// (this suite's folder in the meson build tree, for built sites and
// artifacts). Nothing is written to the source tree.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before } from 'node:test';
import { promisify } from 'node:util';

import { chromium as playwrightChromium } from 'playwright-core';

import { startServer } from './server.mjs';

export { startServer } from './server.mjs';

function fromEnvironment(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests through meson, ` +
                    'e.g. `tools/run test --suite browser`');
  }
  return value;
}

export const sourceRoot = fromEnvironment('SKIFF_SOURCE_ROOT');
export const skiffBinary = fromEnvironment('SKIFF');
export const workDir = fromEnvironment('SKIFF_BROWSER_WORK');
// Screenshots and other files a person may want to look at after a run.
export const artifactsDir = path.join(workDir, 'artifacts');
// The embedded site (site/) and the browser tests' own fixture site: pages
// only, built with site/'s layouts and public files (see buildFixtureSite).
export const embeddedSiteDir = path.join(sourceRoot, 'site');
export const fixtureDir = path.join(sourceRoot, 'tests', 'browser', 'fixture');

// Debian's chromium package. playwright-core drives it; no browser is ever
// downloaded.
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',             // Chromium's sandbox refuses to start as root, as CI runs
  '--disable-gpu',
  '--disable-dev-shm-usage',  // /dev/shm is small in containers
];

// The page the embedded site is built around (site/README.md).
export const SEED_PAGE = '/en/core-concepts/sharing-state/';

// Browser context options for the two screens the tests use.
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const MOBILE = {
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
};

const run = promisify(execFile);

// ---- sites -------------------------------------------------------------------

// Builds `siteDir` with skiff into `outDir`; throws with skiff's output when
// the build fails or warns (the sites the tests use are clean).
export async function buildSite(siteDir, outDir) {
  await mkdir(path.dirname(outDir), { recursive: true });
  let result;
  try {
    result = await run(skiffBinary, ['build', siteDir, '--out', outDir], {
      env: { ...process.env, NO_COLOR: '1' },
    });
  } catch (error) {
    throw new Error(`skiff build ${siteDir} failed:\n${error.stdout}${error.stderr}`);
  }
  if (/warning:/.test(result.stderr + result.stdout)) {
    throw new Error(`skiff build ${siteDir} warned:\n${result.stdout}${result.stderr}`);
  }
  return outDir;
}

// site/ → <work>/<name>/site-out. Each test file builds its own copy, so
// files that meson runs in parallel never share an output folder, and a
// user's site/dist/ is never touched.
export function buildEmbeddedSite(name) {
  return buildSite(embeddedSiteDir, path.join(workDir, name, 'site-out'));
}

// tests/browser/fixture/ (site.yml, pages/) plus site/'s layouts/ and
// public/ → <work>/<name>/fixture-site → <work>/<name>/fixture-out. The
// fixture holds what the embedded site lacks (fixture/site.yml lists it):
// synced groups of different heights on one page, a group lacking a synced
// key, groups with the same keys under another sync name or none, and a
// right-to-left locale.
export async function buildFixtureSite(name) {
  const siteDir = path.join(workDir, name, 'fixture-site');
  await rm(siteDir, { recursive: true, force: true });
  await cp(fixtureDir, siteDir, { recursive: true });
  for (const folder of ['layouts', 'public']) {
    await cp(path.join(embeddedSiteDir, folder), path.join(siteDir, folder), { recursive: true });
  }
  return buildSite(siteDir, path.join(workDir, name, 'fixture-out'));
}

// Every HTML page in a built site, sorted: [{file, urlPath}], where a
// folder's index.html has the folder's URL ('/en/').
export async function htmlPages(outDir) {
  const pages = [];
  async function walk(folder) {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(file);
      } else if (entry.name.endsWith('.html')) {
        const rel = path.relative(outDir, file).split(path.sep).join('/');
        const urlPath = '/' + (rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'));
        pages.push({ file, urlPath });
      }
    }
  }
  await walk(outDir);
  return pages.sort((a, b) => a.urlPath.localeCompare(b.urlPath));
}

// Registers hooks that build a site before the file's tests and serve it on
// 127.0.0.1 until they end. `build` is buildEmbeddedSite or buildFixtureSite
// (or any async name → output folder). The returned object is filled in by
// the time tests run: outDir, server, origin, url(path).
export function useSite(name, build) {
  const site = {
    outDir: null,
    server: null,
    origin: null,
    url: (urlPath = '/') => site.server.url(urlPath),
  };
  before(async () => {
    site.outDir = await build(name);
    site.server = await startServer(site.outDir);
    site.origin = site.server.origin;
  });
  after(async () => {
    await site.server?.close();
  });
  return site;
}

export const useEmbeddedSite = (name) => useSite(name, buildEmbeddedSite);
export const useFixtureSite = (name) => useSite(name, buildFixtureSite);

// ---- the browser -------------------------------------------------------------

export async function launchChromium() {
  try {
    await access(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(`${CHROMIUM} not found: the browser tests use Debian's chromium ` +
                    'package, which `tools/run test` installs');
  }
  return playwrightChromium.launch({
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
  });
}

// Registers hooks that start Chromium once before the file's tests and close
// it after them. Each test gets its own browser context (its own storage,
// permissions, viewport, colour scheme), which costs milliseconds:
//
//   chromium.withPage(options, async (page, context) => { … })
//
// `options` are playwright's browser.newContext() options (viewport,
// javaScriptEnabled, colorScheme, reducedMotion, permissions, isMobile…);
// colorScheme defaults to 'light' and reducedMotion to 'no-preference', so
// results do not depend on the machine. The test fails if a script on the
// page throws, or if a resource the page loads answers 404 or worse.
export function useChromium() {
  const handle = { browser: null, withPage };
  before(async () => {
    handle.browser = await launchChromium();
  });
  after(async () => {
    await handle.browser?.close();
  });

  async function withPage(options, body) {
    const context = await handle.browser.newContext({
      colorScheme: 'light',
      reducedMotion: 'no-preference',
      ...options,
    });
    const problems = [];
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      problems.push(`script error on ${page.url()}: ${error.stack ?? error}`);
    });
    page.on('response', (response) => {
      const request = response.request();
      if (response.status() >= 400 && !request.isNavigationRequest()) {
        problems.push(`${request.resourceType()} ${response.url()} answered ${response.status()} ` +
                      `(on ${page.url()})`);
      }
    });
    try {
      const result = await body(page, context);
      if (problems.length) throw new Error(`the page had problems:\n  ${problems.join('\n  ')}`);
      return result;
    } finally {
      await context.close();
    }
  }
  return handle;
}

// Lets the page at `origin` read and write the clipboard
// (navigator.clipboard.readText()/writeText()).
export function grantClipboard(context, origin) {
  return context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
}

// Opens `url` and keeps the page there: later navigations of the main frame
// (a <meta http-equiv="refresh"> such as the root index's redirect to the
// default locale, or a script) are cancelled, so the page can be inspected
// as it was served. Call it again on the same page to move on to another URL.
const stayingOn = new WeakMap();  // page → the one URL its main frame may load
export async function gotoAndStay(page, url) {
  if (!stayingOn.has(page)) {
    await page.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() &&
          request.url() !== stayingOn.get(page)) {
        return route.abort('aborted');
      }
      return route.fallback();
    });
  }
  stayingOn.set(page, url);
  return page.goto(url);
}

// ---- page helpers ------------------------------------------------------------

// The state of the tab group at `group` (a locator of a .skiff-tabs element),
// as a reader and assistive technology see it.
export function tabGroupState(group) {
  return group.evaluate((element) => {
    const tabs = Array.from(element.querySelectorAll(':scope > [role="tablist"] > [role="tab"]'));
    const panels = Array.from(element.querySelectorAll(':scope > [role="tabpanel"]'));
    const shown = (node) => node.getClientRects().length > 0;
    return {
      keys: tabs.map((tab) => tab.dataset.key),
      selected: tabs.filter((tab) => tab.getAttribute('aria-selected') === 'true')
        .map((tab) => tab.dataset.key),
      tabbable: tabs.filter((tab) => tab.tabIndex === 0).map((tab) => tab.dataset.key),
      visiblePanels: panels.filter(shown).map((panel) => panel.dataset.key),
      focused: tabs.find((tab) => tab === document.activeElement)?.dataset.key ?? null,
    };
  });
}

// axe-core's browser build, injected into pages with page.addScriptTag.
const require = createRequire(import.meta.url);
export const axeSource = () => readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

// ---- results -----------------------------------------------------------------

// A test failure whose message says it all (a list of findings): reported
// without a stack trace, which would only add noise.
export class Findings extends Error {
  constructor(message) {
    super(message);
    this.name = 'Findings';
    this.stack = `${this.name}: ${message}`;
  }
}

// Where to save the artifact `name` (the artifacts folder is made if needed).
export async function artifactPath(name) {
  await mkdir(artifactsDir, { recursive: true });
  return path.join(artifactsDir, name);
}
