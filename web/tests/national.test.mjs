// Browser test of the national picture: real headless Chromium (Debian's
// /usr/bin/chromium) driven by playwright-core, against `cscwatch serve` on a
// loopback port with the corpus register. /national shows its stacked-bar
// charts and the hex map; clicking a hexagon opens the authority's page; the
// date control redraws the map as at another day (reorganised counties whole
// before their split, halved after); /national and /inspectors pass axe-core
// WCAG 2.2 A/AA and fit a 390 px phone.
// Environment: CSCWATCH_BINARY, CSCWATCH_DB, CSCWATCH_ARTIFACTS, CSCWATCH_WEB_DIR.
// Exits 77 (CTest: skipped) when a prerequisite is missing, saying which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DESK, artifacts, axeViolations as axeOn, chartDrawn, prerequisites, serveAndBrowse, viewportPages } from './browser_support.mjs';

const { playwright, axePath } = prerequisites();
const { base, browser } = await serveAndBrowse(playwright);

test('national: the charts draw, the map shows every authority, and a hexagon opens its authority', async () => {
  const context = await browser.newContext({ viewport: DESK });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) errors.push(m.text()); });
  await page.goto(`${base}/national`);
  assert.equal(await page.locator('h1').textContent(), 'The national picture');
  // Both stacked-bar charts are drawn by Chart.js from their tables.
  for (const id of ['mix-year-chart', 'mix-framework-chart']) {
    await page.waitForFunction((c) => window.Chart && window.Chart.getChart(document.getElementById(c)), id);
    const bars = await page.evaluate((c) => window.Chart.getChart(document.getElementById(c)).data.datasets.length, id);
    assert.ok(bars >= 3, `${id} has a dataset per grade present (${bars})`);
  }
  // The tables beside the charts hold the same figures without JavaScript.
  assert.ok(await page.locator('#mix-year-table tbody tr').count() >= 10);
  assert.ok(await page.locator('#transitions tbody tr').count() >= 3);
  assert.match(await page.locator('#recovery tbody tr').first().textContent(), /England/);
  // The map: one link per authority on it (the 2023 split halves included).
  const hexLinks = page.locator('svg#hexmap a');
  assert.ok(await hexLinks.count() >= 150, `hex links: ${await hexLinks.count()}`);
  const names = await hexLinks.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
  assert.ok(names.every((n) => /^.+: .+/.test(n)), 'every hexagon has an accessible name with its grade');
  await page.screenshot({ path: path.join(artifacts, 'national-desk.png'), fullPage: true });
  await Promise.all([page.waitForURL(/\/authority\/dudley$/), page.click('svg#hexmap a[data-slug="dudley"]')]);
  assert.equal(await page.locator('h1').textContent(), 'Dudley');
  assert.ok(await page.locator('#peers-table tbody tr').count() === 4, 'Dudley beside its neighbours, region and England');
  assert.deepEqual(errors, []);
  await context.close();
});

test('national: the date control shows the map as at another day, reorganised counties placed by date', async () => {
  const context = await browser.newContext({ viewport: DESK });
  const page = await context.newPage();
  await page.goto(`${base}/national`);
  // Today: Northamptonshire's hexagon is split between its two successors.
  assert.equal(await page.locator('svg#hexmap a[data-slug="northamptonshire"]').count(), 0);
  assert.equal(await page.locator('svg#hexmap a[data-slug="west-northamptonshire"]').count(), 1);
  assert.equal(await page.locator('svg#hexmap a[data-slug="north-northamptonshire"]').count(), 1);
  await page.fill('#as-at', '2018-06-01');
  await Promise.all([page.waitForURL(/as_at=2018-06-01/), page.click('#national-filters button[type=submit]')]);
  assert.match(await page.locator('#map-h').textContent(), /1 June 2018/);
  assert.equal(await page.locator('svg#hexmap a[data-slug="northamptonshire"]').count(), 1);
  assert.equal(await page.locator('svg#hexmap a[data-slug="west-northamptonshire"]').count(), 0);
  assert.equal(await page.locator('svg#hexmap a[data-slug="poole"]').count(), 1);
  assert.equal(await page.locator('svg#hexmap a[data-slug="bournemouth-christchurch-and-poole"]').count(), 0);
  // Fewer inspections were published by then than by today.
  const total = async () => page.locator('#mix-framework-table tbody tr td:nth-last-child(2)').evaluateAll(
    (cells) => cells.reduce((s, c) => s + Number(c.textContent), 0));
  const then = await total();
  await page.goto(`${base}/national`);
  assert.ok(then < await total(), `fewer inspections by 2018 (${then})`);
  await context.close();
});

const axeViolations = (p) => axeOn(p, axePath);

test('accessibility: /national and /inspectors pass axe-core WCAG 2.2 A/AA and fit a 390 px phone', async () => {
  const pages = ['/national', '/national?as_at=2018-06-01&region=London', '/inspectors', '/inspectors/neil-penswick'];
  const failures = [];
  for await (const [label, p] of viewportPages(browser)) {
    for (const url of pages) {
      await p.goto(`${base}${url}`);
      await chartDrawn(p, 'mix-year-chart');
      for (const v of await axeViolations(p)) failures.push(`${label} ${url}: ${v}`);
      if (label === 'phone') {
        const width = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        if (width.scroll > width.inner) failures.push(`phone ${url}: ${width.scroll} px wide on a ${width.inner} px viewport`);
        await p.screenshot({ path: path.join(artifacts, `national-phone-${url.replace(/[^a-z0-9]+/gi, '_')}.png`), fullPage: false });
      }
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});
