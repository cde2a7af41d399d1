// axe-core on every HTML page of the built embedded site (every locale,
// fallback pages, the root index, the 404 page), in the light and the dark
// colour scheme, since contrast differs: no serious or critical violation.
// Lesser ones (moderate, minor) are listed in the output but do not fail.
// Every finding also goes to <build>/tests/browser/artifacts/axe-report.json.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { test } from 'node:test';

import {
  DESKTOP, Findings, SEED_PAGE, artifactPath, axeSource, gotoAndStay, htmlPages,
  useChromium, useEmbeddedSite,
} from './harness.mjs';

const chromium = useChromium();
const site = useEmbeddedSite('accessibility');

const FAILING = new Set(['serious', 'critical']);
const SCHEMES = ['light', 'dark'];
const SHOWN_TARGETS = 6;  // per rule and page in the failure message; the report has all

// Runs axe on the page as it is now; its violations, flattened.
function axeViolations(page) {
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((node) => node.target.join(' ')),
      // axe's explanation per element (for contrast: the colours and ratio);
      // in the JSON report only.
      details: v.nodes.map((node) => node.failureSummary),
    }));
  });
}

// One block per rule, one line per page: the schemes it fails in and the
// elements (axe's CSS selectors).
function summarise(findings) {
  const rules = new Map();
  for (const f of findings) {
    const rule = rules.get(f.id) ?? { impact: f.impact, help: f.help, helpUrl: f.helpUrl, pages: new Map() };
    const page = rule.pages.get(f.page) ?? { schemes: [], targets: new Set() };
    page.schemes.push(f.scheme);
    f.targets.forEach((target) => page.targets.add(target));
    rule.pages.set(f.page, page);
    rules.set(f.id, rule);
  }
  const lines = [];
  for (const [id, rule] of rules) {
    lines.push(`${id} (${rule.impact}): ${rule.help} — ${rule.helpUrl}`);
    for (const [urlPath, page] of rule.pages) {
      const targets = [...page.targets];
      const more = targets.length > SHOWN_TARGETS ? `, +${targets.length - SHOWN_TARGETS} more` : '';
      const shown = targets.slice(0, SHOWN_TARGETS).join(' | ');
      lines.push(`  ${urlPath} [${page.schemes.join(', ')}]: ${shown}${more}`);
    }
  }
  return lines;
}

test('axe finds no serious or critical violation on any page, light or dark', async () => {
  const axe = await axeSource();
  const pages = (await htmlPages(site.outDir)).map((p) => p.urlPath);
  // The kinds of page the site must have, so a build that lost some fails here.
  for (const expected of ['/', '/404.html', '/en/', '/es/', '/ja/', SEED_PAGE,
                          '/ja/guides/tabs-and-asides/' /* a fallback page */]) {
    assert.ok(pages.includes(expected), `the built site has ${expected} (pages: ${pages.join(' ')})`);
  }

  const findings = [];  // {page, scheme, id, impact, help, helpUrl, targets, details}
  // Two pages at a time, each in its own browser context: axe's work is
  // mostly in the page, so this halves the time on two cores.
  const queue = [...pages];
  const worker = () => chromium.withPage(DESKTOP, async (page) => {
    for (let urlPath = queue.shift(); urlPath !== undefined; urlPath = queue.shift()) {
      const response = await gotoAndStay(page, site.url(urlPath));
      assert.equal(response.status(), 200, `${urlPath} loads`);
      await page.addScriptTag({ content: axe });
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const v of await axeViolations(page)) findings.push({ page: urlPath, scheme, ...v });
      }
    }
  });
  // Both run to the end before a failure is reported, so none outlives the test.
  const failed = (await Promise.allSettled([worker(), worker()])).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  findings.sort((a, b) =>
    a.page.localeCompare(b.page) || SCHEMES.indexOf(a.scheme) - SCHEMES.indexOf(b.scheme));

  const report = await artifactPath('axe-report.json');
  await writeFile(report, JSON.stringify({ pages, findings }, null, 2) + '\n');
  const lesser = findings.filter((f) => !FAILING.has(f.impact));
  if (lesser.length) {
    console.log(`axe also reports these, which do not fail the test:\n${summarise(lesser).join('\n')}`);
  }
  const failing = findings.filter((f) => FAILING.has(f.impact));
  console.log(`axe checked ${pages.length} pages in ${SCHEMES.join(' and ')}; report: ${report}`);
  if (failing.length) {
    throw new Findings(`axe found serious or critical violations (rule, then page [colour schemes]: ` +
                       `elements); report: ${report}\n${summarise(failing).join('\n')}`);
  }
});
