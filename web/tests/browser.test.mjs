// Browser test: real headless Chromium (Debian's /usr/bin/chromium) driven by
// playwright-core, against `cscwatch serve` on a loopback port.
// Run by CTest (label "browser"); needs `npm ci` in web/ first.
// Environment: CSCWATCH_BINARY, CSCWATCH_DB, CSCWATCH_ARTIFACTS (screenshots),
// optionally CHROMIUM (default /usr/bin/chromium).
// Exits 77 (CTest: skipped) when a prerequisite is missing, saying which.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { WCAG_TAGS, artifacts, launchBrowser, prerequisites, serveAndBrowse, viewportPages } from './browser_support.mjs';

const { playwright, axePath } = prerequisites();
// A persistent context on an empty temporary profile, and its page.
const { base, page } = await serveAndBrowse(playwright, { persistent: true });
// A second Chromium for the accessibility test (bypassCSP contexts).
const a11yBrowser = await launchBrowser(playwright);
after(() => a11yBrowser.close());

const shot = (name) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });

test('register: filter to inadequate, then open Dudley and see its three inspections', async () => {
  const cspViolations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  await page.goto(`${base}/`);
  assert.equal(await page.locator('table#register tbody tr').count(), 153);
  // The filter submits by itself on change (app.js); without JS, Apply does.
  await Promise.all([page.waitForURL(/grade=inadequate/), page.selectOption('#f-grade', 'inadequate')]);
  const grades = await page.locator('table#register tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.grade));
  assert.ok(grades.length > 0);
  assert.ok(grades.every((g) => g === 'inadequate'), `only inadequate rows: ${grades}`);
  await shot('01-register-inadequate');
  // Dudley is inadequate in its history (2016), not now: widen to "at any inspection".
  await Promise.all([page.waitForURL(/ever=1/), page.check('#f-ever')]);
  await shot('02-register-ever-inadequate');
  await Promise.all([page.waitForURL(/\/authority\/dudley$/), page.click('table#register a[href="/authority/dudley"]')]);
  assert.equal(await page.locator('h1').textContent(), 'Dudley');
  const timeline = page.locator('ol#timeline > li');
  assert.equal(await timeline.count(), 3);
  const items = await timeline.allTextContents();
  assert.match(items.join('\n'), /SIF inspection, 11 January 2016.*Inadequate/);
  assert.equal(await page.locator('svg.timeline-chart .pt').count(), 3);
  // One chart: each judgement beside the overall marker, named in its title.
  assert.equal(await page.locator('#grade-chart').count(), 0);
  const judgements = await page.locator('svg.timeline-chart .jd title').allTextContents();
  assert.ok(judgements.some((t) => /^2016-01-11: Help and protection: Inadequate$/.test(t)), judgements.join('\n'));
  await shot('03-dudley');
  assert.deepEqual(cspViolations, []);
});

test('search: the phrase "serious and widespread" finds Dudley 2016 and BCP 2021/22, highlighted', async () => {
  await page.goto(`${base}/search`);
  await page.fill('#q', '"serious and widespread"');
  await Promise.all([page.waitForURL(/\/search\?q=/), page.click('#search-form button[type=submit]')]);
  // Results come 20 to a page: walk the pages until both reports are seen.
  const seen = new Set();
  let highlighted = 0;
  for (let i = 0; i < 5; i++) {
    for (const h of await page.locator('li.hit h3').allTextContents()) seen.add(h.replace(/\s+/g, ' ').trim());
    highlighted += await page.locator('li.hit .snippet mark', { hasText: /serious and\s+widespread/i }).count();
    if (i === 0) await shot('04-search');
    const next = page.locator('a[rel=next]');
    if (!(await next.count())) break;
    await Promise.all([page.waitForURL(/page=/), next.click()]);
  }
  const titles = [...seen].join('\n');
  assert.match(titles, /Dudley 2016 · SIF/);
  assert.match(titles, /Bournemouth, Christchurch and Poole 2021 · ILACS/);
  assert.ok(highlighted > 0, 'the phrase is highlighted in snippets');
});

test('search: open a result at its page', async () => {
  await page.goto(`${base}/search?q=${encodeURIComponent('"serious and widespread"')}&region=West+Midlands&from=2016&to=2016`);
  const link = page.locator('li.hit a.hit-link', { hasText: 'Dudley 2016' }).first();
  const href = await link.getAttribute('href');
  const pageNumber = href.match(/#page-(\d+)$/)[1];
  await Promise.all([page.waitForURL(/\/report\/\d+\?q=.*#page-\d+$/), link.click()]);
  const section = page.locator(`section#page-${pageNumber}`);
  assert.ok(await section.isVisible());
  assert.ok(await section.locator('mark').count() > 0, 'the phrase is marked on the page');
  assert.ok(await page.evaluate(() => document.querySelector(':target') !== null), 'scrolled to the page');
  await shot('05-report-at-page');
});

test('hostile search query renders inert', async () => {
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  await page.goto(`${base}/search?q=${encodeURIComponent('<script>alert(1)</script><img src=x onerror=alert(2)>')}`);
  assert.equal(await page.inputValue('#q'), '<script>alert(1)</script><img src=x onerror=alert(2)>');
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(dialogs, 0);
  await shot('06-hostile-query');
});

// Accessibility: axe-core's WCAG 2.2 A/AA rules on every page, at a desk
// width and at a 390 px phone width, and no sideways scrolling on the phone.
// A separate browser context with bypassCSP, so that axe.min.js (from
// web/node_modules) can be added as a script; the pages' own CSP is checked
// by the register test above.

async function axeViolations(p) {
  await p.addScriptTag({ path: axePath });
  return p.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    // axe ran its rules (a page that no rule applied to would prove nothing).
    if (!r.passes.length) return [{ id: 'axe-ran-no-rule', impact: 'n/a', help: 'axe-core found no rule to apply', nodes: [], count: 0 }];
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
      count: v.nodes.length,
    }));
  }, WCAG_TAGS);
}

test('accessibility: every page passes axe-core WCAG 2.2 A/AA and fits a 390 px phone', async (t) => {
  // Pages to check: one of each kind, and two authority pages (Dudley; BCP,
  // whose reorganisation and long history make the widest page).
  await page.goto(`${base}/authority/dudley`);
  const reportHref = await page.locator('article.inspection a[href^="/report/"]:not([href$="/pdf"])').first().getAttribute('href');
  const pages = [
    '/',
    '/?grade=inadequate&ever=1',
    '/authority/dudley',
    '/authority/bournemouth-christchurch-and-poole',
    reportHref,
    `${reportHref}?q=${encodeURIComponent('"serious and widespread"')}`,
    '/search',
    `/search?q=${encodeURIComponent('"serious and widespread"')}`,
    '/review',
    '/news',
    '/login',
    '/authority/no-such-place',
    '/national/phrases',
    '/national/persistence',
    '/changes',
    '/changes?since=2018-01-01',
  ];
  const report = {};
  const failures = [];
  for await (const [label, p] of viewportPages(a11yBrowser)) {
    for (const url of pages) {
      await p.goto(`${base}${url}`);
      const violations = await axeViolations(p);
      const width = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      report[`${label} ${url}`] = { violations: violations.map((v) => `${v.id}(${v.count})`), width };
      for (const v of violations) failures.push(`${label} ${url}: ${v.id} [${v.impact}] ${v.help}\n    ${v.nodes.join('\n    ')}`);
      if (label === 'phone') {
        if (width.scroll > width.inner) {
          const wide = await p.evaluate(() => [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
            .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`));
          failures.push(`phone ${url}: ${width.scroll} px wide on a ${width.inner} px viewport; too wide: ${wide.join(', ')}`);
        }
        await p.screenshot({ path: path.join(artifacts, `phone-${url.replace(/[^a-z0-9]+/gi, '_')}.png`), fullPage: false });
      }
    }
  }
  console.log(JSON.stringify(report, null, 1));
  assert.deepEqual(failures, [], failures.join('\n'));
});
