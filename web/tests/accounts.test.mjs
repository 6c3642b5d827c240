// Browser test of accounts: real headless Chromium (playwright-core) signs in
// through the form, sees "Signed in as", makes a write through the API with
// the session's CSRF token, reads the audit trail (axe-core WCAG 2.2 A/AA, a
// 390 px phone), is refused a write without the token, and signs out.
// Works on a copy of the corpus register (made with `cscwatch backup`), so
// the shared browser register gets no accounts.
// Environment: CSCWATCH_BINARY, CSCWATCH_DB, CSCWATCH_ARTIFACTS, CSCWATCH_WEB_DIR.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DESK, VIEWPORTS, artifacts as allArtifacts, axeViolations as axeOn, binary, db as corpusDb, prerequisites, serveAndBrowse } from './browser_support.mjs';

const PASSWORD = 'a browser test password';
const { playwright, axePath } = prerequisites();
const artifacts = path.join(allArtifacts, 'accounts');
mkdirSync(artifacts, { recursive: true });
const db = path.join(artifacts, 'accounts.db');

function cscwatch(args, input) {
  const r = spawnSync(binary, ['--db', db, ...args], { input, encoding: 'utf8' });
  assert.equal(r.status, 0, `cscwatch ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// The database with its WAL and shared-memory files: a stale -wal beside a
// fresh copy would be replayed into it ("database disk image is malformed").
const removeDb = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
};

removeDb();
const copy = spawnSync(binary, ['--db', corpusDb, 'backup', db], { encoding: 'utf8' });
assert.equal(copy.status, 0, copy.stderr);
cscwatch(['user', 'add', 'browser-editor', '--role', 'editor', '--authority', 'dudley'], `${PASSWORD}\n`);
const { base, browser } = await serveAndBrowse(playwright, { register: db });
after(removeDb);

const axeViolations = (p) => axeOn(p, axePath);

test('an editor signs in, writes with the CSRF token, reads the audit trail and signs out', async () => {
  // bypassCSP only so that axe.min.js can be added; the CSP itself is the register test's.
  const context = await browser.newContext({ bypassCSP: true, viewport: DESK });
  const page = await context.newPage();
  await page.goto(`${base}/authority/dudley`);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(/\/login/);
  await page.getByLabel('Account name').fill('browser-editor');
  await page.getByLabel('Password').fill('wrong password, on purpose');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /name or the password is wrong/);
  await page.getByLabel('Account name').fill('browser-editor');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back on the page the "Sign in" link was followed from.
  await page.waitForURL(`${base}/authority/dudley`);
  assert.match(await page.locator('header .account').innerText(), /Signed in as browser-editor/);

  // The session cookie is HttpOnly: no script on the page can read it.
  assert.equal(await page.evaluate(() => document.cookie.includes('cscwatch_session')), false);
  const cookie = (await context.cookies()).find((c) => c.name === 'cscwatch_session');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');

  // A write without the token is refused; with it, it is made and audited.
  const session = await (await page.request.get(`${base}/api/session`)).json();
  assert.equal(session.name, 'browser-editor');
  const refused = await page.request.post(`${base}/authority/dudley/visibility`, { form: { restricted: '1' }, maxRedirects: 0 });
  assert.equal(refused.status(), 403);
  const made = await page.request.post(`${base}/authority/dudley/visibility`,
    { form: { restricted: '1' }, headers: { 'X-CSRF-Token': session.csrf }, maxRedirects: 0 });
  assert.equal(made.status(), 303);
  const other = await page.request.post(`${base}/authority/bournemouth-christchurch-and-poole/visibility`,
    { form: { restricted: '1', csrf: session.csrf }, maxRedirects: 0 });
  assert.equal(other.status(), 403);

  const failures = [];
  for (const [label, viewport] of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const url of ['/audit/dudley', '/', '/authority/dudley']) {
      await page.goto(`${base}${url}`);
      for (const v of await axeViolations(page)) failures.push(`${label} ${url}: ${v}`);
      const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      if (width.scroll > width.inner) failures.push(`${label} ${url}: ${width.scroll} px wide on ${width.inner} px`);
      await page.screenshot({ path: path.join(artifacts, `${label}-${url.replace(/[^a-z0-9]+/gi, '_')}.png`) });
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));

  await page.goto(`${base}/audit/dudley`);
  const row = page.locator('table.audit tbody tr').first();
  assert.match(await row.innerText(), /browser-editor/);
  assert.match(await row.innerText(), /restricted: false → true/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${base}/`);
  assert.match(await page.locator('header .account').innerText(), /Sign in/);
  assert.equal((await page.request.get(`${base}/audit/dudley`, { maxRedirects: 0 })).status(), 403);
  await context.close();
});
