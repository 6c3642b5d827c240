// Browser test of the improvement records (issue 10): in headless Chromium an
// editor signs in, records a plan for the report Dudley was judged inadequate
// in and an action answering one of its improvement points, updates the
// action's status, and sees it in the printable board pack. Then axe-core
// WCAG 2.2 A/AA and the 390 px phone check on the new pages.
// Works on a copy of the corpus register (CSCWATCH_DB), so the shared one is
// never written. Exits 77 (skipped) when a prerequisite is missing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VIEWPORTS, artifacts, axeViolations, binary, db as corpusDb, prerequisites, serveAndBrowse } from './browser_support.mjs';

const password = 'a long test passphrase';
const { playwright, axePath } = prerequisites();

const work = mkdtempSync(path.join(tmpdir(), 'cscwatch-improvement-'));
const db = path.join(work, 'register.db');
copyFileSync(corpusDb, db);
for (const suffix of ['-wal']) if (existsSync(corpusDb + suffix)) copyFileSync(corpusDb + suffix, db + suffix);
const add = spawnSync(binary, ['user', 'add', 'bea', '--role', 'editor', '--authority', 'dudley', '--db', db],
  { input: `${password}\n`, encoding: 'utf8' });
assert.equal(add.status, 0, `user add failed: ${add.stderr}`);
const { base, browser, page } = await serveAndBrowse(playwright, { register: db, page: true });
after(() => rmSync(work, { recursive: true, force: true }));

const shot = (name) => page.screenshot({ path: path.join(artifacts, `improvement-${name}.png`), fullPage: true });
let actionEditUrl;
let planFormUrl;

test('an editor signs in, updates an action\'s status and sees it in the board pack', async () => {
  await page.goto(`${base}/login?next=/authority/dudley`);
  await page.fill('#sign-in-name', 'bea');
  await page.fill('#sign-in-password', password);
  await Promise.all([page.waitForURL(/\/authority\/dudley$/), page.press('#sign-in-password', 'Enter')]);

  // A plan answering the 2016 report (judged inadequate).
  planFormUrl = '/authority/dudley/improvement/plan/new';
  await Promise.all([page.waitForURL(/plan\/new$/), page.click(`a[href="${planFormUrl}"]`)]);
  await page.fill('#f-title', 'Improvement plan 2016');
  await page.fill('#f-agreed', '2016-06-01');
  const report = await page.locator('#f-report_document_id option', { hasText: '2016-01-11' }).getAttribute('value');
  await page.selectOption('#f-report_document_id', report);
  await Promise.all([page.waitForURL(/\/authority\/dudley#plan-\d+$/), page.click('form.record-form button[type=submit]')]);

  // An action answering the report's first improvement point, due in the past: overdue.
  await Promise.all([page.waitForURL(/action\/new$/), page.locator('a', { hasText: 'Add an action' }).last().click()]);
  await page.fill('#f-description', 'Strengthen management oversight of casework');
  const point = await page.locator('#f-point option').nth(1).getAttribute('value');
  await page.selectOption('#f-point', point);
  await page.fill('#f-owner', 'Head of safeguarding');
  await page.fill('#f-due', '2016-12-31');
  await Promise.all([page.waitForURL(/#action-\d+$/), page.click('form.record-form button[type=submit]')]);
  const actionId = page.url().match(/#action-(\d+)$/)[1];
  const row = page.locator(`#action-${actionId}`);
  assert.equal(await row.getAttribute('data-status'), 'not_started');
  assert.match(await row.textContent(), /overdue/);
  assert.equal(await row.locator(`a[href="/report/${report}#point-${report}-${point}"]`).count(), 1);

  // Update its status.
  actionEditUrl = `/improvement/action/${actionId}/edit`;
  await Promise.all([page.waitForURL(/\/edit$/), row.locator(`a[href="${actionEditUrl}"]`).click()]);
  await page.selectOption('#f-status', 'done');
  await page.selectOption('#f-rag', 'green');
  await Promise.all([page.waitForURL(/#action-\d+$/), page.click('form.record-form button[type=submit]')]);
  assert.equal(await page.locator(`#action-${actionId}`).getAttribute('data-status'), 'done');
  await shot('authority-panel');

  // The board pack shows it, and prints without the site's navigation.
  await page.goto(`${base}/authority/dudley/board-pack`);
  const packRow = page.locator(`#action-${actionId}`);
  assert.equal(await packRow.getAttribute('data-status'), 'done');
  assert.match(await packRow.textContent(), /Done/);
  assert.match(await packRow.textContent(), /RAG: Green/);
  assert.doesNotMatch(await packRow.textContent(), /overdue/);
  assert.match(await page.locator('li[data-status="done"]').first().textContent(), /Done: 1/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header').first().isVisible(), false);
  await shot('board-pack-print');
  await page.emulateMedia({ media: 'screen' });
});


test('accessibility: the improvement pages pass axe-core WCAG 2.2 A/AA and fit a 390 px phone', async (t) => {
  assert.ok(actionEditUrl, 'the editor test ran first');
  const cookies = await page.context().cookies();
  const pages = [
    ['anonymous', '/authority/dudley'],
    ['anonymous', '/authority/bournemouth-christchurch-and-poole'],
    ['anonymous', '/authority/dudley/board-pack'],
    ['anonymous', '/?intervention=1'],
    ['editor', '/authority/dudley'],
    ['editor', planFormUrl],
    ['editor', '/authority/dudley/improvement/intervention/new'],
    ['editor', '/authority/dudley/improvement/board/new'],
    ['editor', '/authority/dudley/improvement/visit/new'],
    ['editor', actionEditUrl],
  ];
  const failures = [];
  for (const [label, viewport] of VIEWPORTS) {
    for (const who of ['anonymous', 'editor']) {
      const ctx = await browser.newContext({ bypassCSP: true, viewport });
      if (who === 'editor') await ctx.addCookies(cookies);
      const p = await ctx.newPage();
      for (const [as, url] of pages.filter(([w]) => w === who)) {
        const res = await p.goto(`${base}${url}`);
        assert.equal(res.status(), 200, `${as} ${url}`);
        for (const v of await axeViolations(p, axePath)) failures.push(`${label} ${as} ${url}: ${v}`);
        if (label === 'phone') {
          const width = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
          if (width.scroll > width.inner) {
            const wide = await p.evaluate(() => [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
              .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
              .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`));
            failures.push(`phone ${as} ${url}: ${width.scroll} px wide on a ${width.inner} px viewport; too wide: ${wide.join(', ')}`);
          }
          await p.screenshot({ path: path.join(artifacts, `improvement-phone-${as}-${url.replace(/[^a-z0-9]+/gi, '_')}.png`) });
        }
      }
      // The form's validation messages are checked too.
      if (who === 'editor') {
        await p.goto(`${base}${planFormUrl}`);
        await p.click('form.record-form button[type=submit]');
        await p.waitForSelector('#form-errors');
        for (const v of await axeViolations(p, axePath)) failures.push(`${label} editor invalid plan form: ${v}`);
      }
      await ctx.close();
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});
