// Browser test of recurring and persisting weaknesses and the area's figures:
// real headless Chromium (playwright-core) against `cscwatch serve` on the
// corpus register. Environment and skipping as in browser.test.mjs.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = process.env.CSCWATCH_WEB_DIR || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = process.env.CSCWATCH_BINARY;
const db = process.env.CSCWATCH_DB;
const artifacts = process.env.CSCWATCH_ARTIFACTS || path.join(tmpdir(), 'cscwatch-browser');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(77);
}
let playwright;
try {
  playwright = createRequire(path.join(webDir, 'package.json'))('playwright-core');
} catch {
  skip(`playwright-core is not installed: run "npm ci" in ${webDir}`);
}
if (!existsSync(chromium)) skip(`Chromium not found at ${chromium} (apt-get install chromium)`);
if (!binary || !existsSync(binary)) skip(`cscwatch binary not found (CSCWATCH_BINARY=${binary})`);
if (!db || !existsSync(db)) skip(`no corpus register at ${db} (is the shared corpus present?)`);
mkdirSync(artifacts, { recursive: true });

let server;
let base;
let browser;
let page;
const profile = mkdtempSync(path.join(tmpdir(), 'cscwatch-chromium-'));

before(async () => {
  server = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  browser = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
  });
  page = browser.pages()[0] || await browser.newPage();
  page.on('pageerror', (e) => { throw e; });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
});

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
