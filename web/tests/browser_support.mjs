// What every browser test needs: its prerequisites (or a skip saying which
// is missing), a `cscwatch serve` on a loopback port, headless Chromium with
// its launch arguments, and the accessibility check. One place, so the tests
// cannot drift apart in what they check.
// Environment: CSCWATCH_BINARY, CSCWATCH_DB, CSCWATCH_ARTIFACTS,
// CSCWATCH_WEB_DIR, optionally CHROMIUM (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

export const webDir = process.env.CSCWATCH_WEB_DIR || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const binary = process.env.CSCWATCH_BINARY;
export const db = process.env.CSCWATCH_DB;
export const artifacts = process.env.CSCWATCH_ARTIFACTS || path.join(tmpdir(), 'cscwatch-browser');
export const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

// Headless Chromium as root in a container: no sandbox, no GPU, no network of
// its own.
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The viewports the pages are checked at: a desk and a 390 px phone.
export const DESK = { width: 1400, height: 1000 };
export const PHONE = { width: 390, height: 844 };
export const VIEWPORTS = [['desk', DESK], ['phone', PHONE]];

// The public sector accessibility regulations' standard: WCAG 2.2 A and AA.
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Exits 77 (CTest: skipped), saying why.
export function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(77);
}

// playwright-core and axe-core from web/node_modules, Chromium, the binary
// and the corpus register: skips when one is missing.
export function prerequisites() {
  const require = createRequire(path.join(webDir, 'package.json'));
  let playwright;
  let axePath;
  try {
    playwright = require('playwright-core');
  } catch {
    skip(`playwright-core is not installed: run "npm ci" in ${webDir}`);
  }
  try {
    axePath = require.resolve('axe-core/axe.min.js');
  } catch {
    skip(`axe-core is not installed: run "npm ci" in ${webDir}`);
  }
  if (!existsSync(chromium)) skip(`Chromium not found at ${chromium} (apt-get install chromium)`);
  if (!binary || !existsSync(binary)) skip(`cscwatch binary not found (CSCWATCH_BINARY=${binary})`);
  if (!db || !existsSync(db)) skip(`no corpus register at ${db} (is the shared corpus present?)`);
  mkdirSync(artifacts, { recursive: true });
  return { playwright, axePath };
}

// Starts `cscwatch serve` on a free loopback port; resolves to the server
// process and its base URL once it says where it listens.
export async function startServer(registerPath = db) {
  const server = spawn(binary, ['serve', '--db', registerPath, '--listen', '127.0.0.1:0'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { server, base };
}

// Headless Chromium (a Browser).
export function launchBrowser(playwright) {
  return playwright.chromium.launch({ executablePath: chromium, headless: true, args: LAUNCH_ARGS });
}

// The fixture of a browser test file, awaited at its top level: `cscwatch
// serve` on `register` (the shared corpus register unless given) and headless
// Chromium, both closed after the file's tests (node:test's after()).
// Resolves to { server, base, browser, page }:
//   default      browser is a Browser (a context each test), no page;
//   page: true   also a page in a context of its own at the desk viewport;
//   persistent   browser is instead a persistent context on an empty
//                temporary profile (bypassCSP as given), page its page.
// A page the fixture made throws on any error in the page's scripts.
export async function serveAndBrowse(playwright, { register = db, page: withPage = false, persistent = false, bypassCSP = false } = {}) {
  const fixture = {};
  let profile;
  const close = async () => {
    if (fixture.browser) await fixture.browser.close();
    if (fixture.server) fixture.server.kill('SIGTERM');
    if (profile) rmSync(profile, { recursive: true, force: true });
  };
  after(close);
  try {
    Object.assign(fixture, await startServer(register));
    if (persistent) {
      profile = mkdtempSync(path.join(tmpdir(), 'cscwatch-chromium-'));
      fixture.browser = await playwright.chromium.launchPersistentContext(profile, {
        executablePath: chromium, headless: true, bypassCSP, args: ['--headless', ...LAUNCH_ARGS], viewport: DESK,
      });
      fixture.page = fixture.browser.pages()[0] || await fixture.browser.newPage();
    } else {
      fixture.browser = await launchBrowser(playwright);
      if (withPage) fixture.page = await (await fixture.browser.newContext({ viewport: DESK })).newPage();
    }
  } catch (e) {
    await close();  // after() may not run when the file's top level throws
    throw e;
  }
  fixture.page?.on('pageerror', (e) => { throw e; });
  return fixture;
}

// [label, page, viewport] for the desk and then the phone, each page in a
// context of its own made with bypassCSP (so that axe.min.js can be added as
// a script), closed when the loop moves on.
export async function* viewportPages(browser) {
  for (const [label, viewport] of VIEWPORTS) {
    const context = await browser.newContext({ bypassCSP: true, viewport });
    try {
      yield [label, await context.newPage(), viewport];
    } finally {
      await context.close();
    }
  }
}

// Resolves once Chart.js has drawn its chart in the canvas #id; at once when
// the page has no such canvas (that chart is not on it, or not built in).
export async function chartDrawn(page, id) {
  if (await page.locator(`#${id}`).count()) {
    await page.waitForFunction((c) => window.Chart && window.Chart.getChart(document.getElementById(c)), id);
  }
}

// axe-core's WCAG 2.2 A/AA violations on the page, one line each (the page's
// context must bypass the CSP: axe is added as a script).
export async function axeViolations(page, axePath) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    if (!r.passes.length) return ['axe-core found no rule to apply'];
    return r.violations.map((v) => `${v.id} [${v.impact}] ${v.help}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}
