// Browser test of the intervention register (/interventions, its API and
// downloads, issue 19): real headless Chromium (playwright-core) against
// `cscwatch serve` on the corpus register, which loads
// data/known_interventions.csv on ingest. Environment and skipping as in
// browser.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DESK, PHONE, artifacts, axeViolations, prerequisites, serveAndBrowse } from './browser_support.mjs';

const { playwright, axePath } = prerequisites();
// bypassCSP: axe.min.js is added as a script.
const { base, page } = await serveAndBrowse(playwright, { persistent: true, bypassCSP: true });

const shownCount = async () => Number((await page.locator('#row-count').textContent()).match(/^(\d+)/)[1]);

test('the register lists interventions with public sources, and the filters narrow it', async () => {
  await page.goto(`${base}/interventions`);
  const all = await shownCount();
  assert.ok(all > 0, 'the register shows interventions');
  assert.equal(await page.locator('#interventions-table tbody tr').count(), all);
  // Every row cites a public address, not a private brief.
  const sources = await page.locator('#interventions-table tbody tr td:last-child a[href^="http"]').count();
  assert.equal(sources, all, 'each row links its public source');
  const dudley = page.locator('#interventions-table tbody tr', { has: page.locator('a[href="/authority/dudley#improvement"]') });
  assert.ok(await dudley.count() >= 1, 'Dudley 2016 is in the register');

  // Filter by a kind through the form, as a user would.
  await page.selectOption('#f-kind', 'improvement_notice');
  await Promise.all([page.waitForURL(/kind=improvement_notice/), page.click('#intervention-filters button[type=submit]')]);
  const notices = await shownCount();
  assert.ok(notices > 0 && notices < all, `improvement notices: ${notices} of ${all}`);
  const kinds = await page.locator('#interventions-table tbody tr').evaluateAll((rows) => [...new Set(rows.map((r) => r.dataset.kind))]);
  assert.deepEqual(kinds, ['improvement_notice']);

  // And by "in force now": every row shown says so.
  await page.goto(`${base}/interventions?now=1`);
  const inForce = await page.locator('#interventions-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.inForce));
  assert.ok(inForce.every((v) => v === 'yes'), 'only interventions in force now');
  await page.screenshot({ path: path.join(artifacts, 'interventions.png') });
});

test('the API and the CSV, JSON and XLSX downloads hold the rows the page shows', async () => {
  await page.goto(`${base}/interventions?kind=statutory_direction`);
  const shown = await shownCount();
  const api = await (await page.request.get(`${base}/api/interventions?kind=statutory_direction`)).json();
  assert.equal(api.count, shown);
  assert.equal(api.interventions.length, shown);
  assert.ok(api.interventions.every((i) => i.kind === 'statutory_direction'));
  const csv = await page.request.get(`${base}/interventions.csv?kind=statutory_direction`);
  assert.equal(csv.status(), 200);
  const lines = (await csv.text()).trim().split('\r\n');
  assert.equal(lines.length, shown + 1, 'a header and one line per row');
  const json = await (await page.request.get(`${base}/interventions.json?kind=statutory_direction`)).json();
  assert.equal(json.length, shown);
  const xlsx = await page.request.get(`${base}/interventions.xlsx?kind=statutory_direction`);
  assert.equal(xlsx.status(), 200);
  assert.match(xlsx.headers()['content-type'], /spreadsheetml/);
  const bytes = await xlsx.body();
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
  // The download link on the page keeps the filter.
  assert.equal(await page.locator('p.downloads a[href="/interventions.csv?kind=statutory_direction"]').count(), 1);
});

test('the register page passes axe-core WCAG 2.2 A/AA at a desk and on a phone', async () => {
  const failures = [];
  for (const viewport of [DESK, PHONE]) {
    await page.setViewportSize(viewport);
    for (const url of ['/interventions', '/interventions?now=1']) {
      await page.goto(`${base}${url}`);
      for (const v of await axeViolations(page, axePath)) failures.push(`${viewport.width}px ${url}: ${v}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (width > 0) failures.push(`${viewport.width}px ${url}: ${width} px wider than the viewport`);
    }
  }
  await page.setViewportSize(DESK);
  assert.deepEqual(failures, [], failures.join('\n'));
});
