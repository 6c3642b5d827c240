// Browser test of recurring and persisting weaknesses and the area's figures:
// real headless Chromium (playwright-core) against `cscwatch serve` on the
// corpus register. Environment and skipping as in browser.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, prerequisites, serveAndBrowse } from './browser_support.mjs';

const { playwright } = prerequisites();
const { base, page } = await serveAndBrowse(playwright, { persistent: true });

test('recurring weaknesses: a phrase opens the search for its evidence in inadequate reports', async () => {
  await page.goto(`${base}/national/phrases`);
  const first = page.locator('table#more-inadequate tbody a').first();
  const phrase = await first.textContent();
  await Promise.all([page.waitForURL(/\/search\?/), first.click()]);
  assert.match(page.url(), /grade=inadequate/);
  const hits = await page.locator('mark').count();
  assert.ok(hits > 0, `the search for "${phrase}" finds it highlighted`);
  await page.screenshot({ path: path.join(artifacts, 'weaknesses-phrase-search.png') });
});

test('persistence: the national table opens an authority at its matched points', async () => {
  await page.goto(`${base}/national/persistence`);
  assert.ok(await page.locator('table#persistence-themes tbody tr').count() > 10);
  await Promise.all([page.waitForURL(/\/authority\/bedford-borough/),
    page.click('table#persistence-authorities a[href="/authority/bedford-borough#persistence"]')]);
  const pair = page.locator('#persistence details.pair').first();
  await pair.locator('summary').click();
  assert.ok(await pair.locator('li.recurring').count() >= 1, 'Bedford Borough has a recurring point');
  await page.screenshot({ path: path.join(artifacts, 'weaknesses-persistence.png') });
});

test('context figures: Dudley\'s chart is drawn beside its table', async () => {
  await page.goto(`${base}/authority/dudley`);
  const table = await page.locator('table#context-figures').textContent();
  assert.match(table, /708 \(104\.7 per 10,000\)/);
  await page.waitForFunction(() => window.Chart && window.Chart.getChart(document.getElementById('context-chart')));
  const series = await page.evaluate(() => window.Chart.getChart(document.getElementById('context-chart')).data.datasets.map((d) => d.label));
  assert.ok(series.includes('Looked after'), `datasets: ${series}`);
  await page.locator('#context').screenshot({ path: path.join(artifacts, 'weaknesses-context-chart.png') });
});
