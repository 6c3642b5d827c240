// Browser test of evidence you can see: open a report, follow a cited grade's
// page link, and see the page as printed with the grade highlighted where it
// stands (the highlight is visible, inside the image, aligned with the
// image's pixels, and over printed text); the same from a search hit; and the
// page-image page passes axe-core WCAG 2.2 A/AA and fits a 390 px phone.
// Real headless Chromium (Debian's /usr/bin/chromium) via playwright-core,
// against `cscwatch serve` on the corpus register (fixture browser_db).
// Exits 77 (CTest: skipped) when a prerequisite is missing, saying which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DESK, PHONE, artifacts, axeViolations, prerequisites, serveAndBrowse, viewportPages } from './browser_support.mjs';

const { playwright, axePath } = prerequisites();
const { base, browser } = await serveAndBrowse(playwright);

// Norfolk's 2015 SIF report: the children in care judgement is printed
// "Inadequate" on page 1, under its own wording, among other grades.
async function norfolk2015(p) {
  const r = await p.request.get(`${base}/api/authorities/norfolk`);
  const inspections = (await r.json()).inspections;
  const i = inspections.find((x) => x.source_file === '80418-norfolk_2015-10-20.pdf');
  assert.ok(i, 'Norfolk 2015 is in the register');
  return i.document_id;
}

// The highlight as the person sees it: on screen, inside the image, lined up
// with the box the server found (in the image's own pixels), and over ink
// (the image's pixels under it are not blank paper).
async function checkHighlight(p) {
  await p.waitForFunction(() => {
    const img = document.getElementById('page-image');
    return img && img.complete && img.naturalWidth > 0;
  });
  const hl = p.locator('rect.highlight').first();
  assert.ok(await hl.isVisible(), 'the highlight is visible');
  return p.evaluate(() => {
    const img = document.getElementById('page-image');
    const rect = document.querySelector('rect.highlight');
    const i = img.getBoundingClientRect();
    const h = rect.getBoundingClientRect();
    const [x0, y0, x1, y1] = rect.dataset.box.split(',').map(Number);
    const k = i.width / img.naturalWidth;
    // Ink under the words' box: pixels darker than paper.
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const data = g.getImageData(x0, y0, x1 - x0, y1 - y0).data;
    let dark = 0;
    for (let j = 0; j < data.length; j += 4) if (data[j] + data[j + 1] + data[j + 2] < 384) dark++;
    return {
      image: { left: i.left, top: i.top, right: i.right, bottom: i.bottom, width: i.width },
      highlight: { left: h.left, top: h.top, right: h.right, bottom: h.bottom, width: h.width, height: h.height },
      expected: { left: i.left + x0 * k, top: i.top + y0 * k, right: i.left + x1 * k, bottom: i.top + y1 * k },
      inkShare: dark / ((x1 - x0) * (y1 - y0)),
    };
  });
}

function assertHighlightPlaced(m) {
  const { image: i, highlight: h, expected: e } = m;
  assert.ok(h.width > 10 && h.height > 5, `the highlight has a size: ${JSON.stringify(h)}`);
  assert.ok(h.left >= i.left - 1 && h.right <= i.right + 1 && h.top >= i.top - 1 && h.bottom <= i.bottom + 1,
    `the highlight lies inside the image: ${JSON.stringify(m)}`);
  // The drawn rectangle is the words' box plus a margin of a few pixels.
  const slack = 6;
  assert.ok(h.left <= e.left + 0.5 && h.left >= e.left - slack && h.right >= e.right - 0.5 && h.right <= e.right + slack &&
    h.top <= e.top + 0.5 && h.top >= e.top - slack && h.bottom >= e.bottom - 0.5 && h.bottom <= e.bottom + slack,
  `the highlight covers the words' box: ${JSON.stringify(m)}`);
  assert.ok(m.inkShare > 0.05, `the highlight is over printed words (ink share ${m.inkShare})`);
}

test('a cited grade opens its page as printed with the grade highlighted', async () => {
  for (const viewport of [DESK, PHONE]) {
    const ctx = await browser.newContext({ viewport });
    const p = await ctx.newPage();
    const id = await norfolk2015(p);
    await p.goto(`${base}/report/${id}`);
    const link = p.locator('table.judgements tr[data-area="in_care"] a.pg');
    assert.equal(await link.getAttribute('href'), `/report/${id}/page/1?fact=in_care#highlight`);
    await Promise.all([p.waitForURL(/\/page\/1\?fact=in_care/), link.click()]);
    assert.match(await p.locator('#highlight-note').textContent(), /children in care judgement, printed as .Inadequate./);
    assert.match(await p.locator('#page-image').getAttribute('alt'), /Page 1 of \d+ of the report, as printed, with .*highlighted/);
    // One occurrence: the grade under its own wording, not every "Inadequate" on the page.
    assert.equal(await p.locator('rect.highlight').count(), 1);
    assertHighlightPlaced(await checkHighlight(p));
    // The text is still text, with the grade marked.
    assert.ok((await p.locator('#page-text mark').allTextContents()).includes('Inadequate'));
    const width = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(width.scroll <= width.inner, `fits the ${viewport.width} px viewport: ${JSON.stringify(width)}`);
    await p.screenshot({ path: path.join(artifacts, `page-image-in-care-${viewport.width}.png`), fullPage: false });
    await ctx.close();
  }
});

test('a search hit opens its page as printed with the words searched for highlighted', async () => {
  const ctx = await browser.newContext({ viewport: DESK });
  const p = await ctx.newPage();
  await p.goto(`${base}/search?q=${encodeURIComponent('"serious and widespread"')}`);
  const link = p.locator('ol.hits a.page-image-link').first();
  await Promise.all([p.waitForURL(/\/page\/\d+\?hl=/), link.click()]);
  assert.ok(await p.locator('rect.highlight').count() >= 1);
  assertHighlightPlaced(await checkHighlight(p));
  assert.ok((await p.locator('#page-text mark').allTextContents()).some((t) => /serious\s+and\s+widespread/i.test(t)));
  await ctx.close();
});

test('the page image page passes axe-core WCAG 2.2 A/AA and fits a 390 px phone; bad pages are 404', async () => {
  const failures = [];
  for await (const [, p, viewport] of viewportPages(browser)) {
    const id = await norfolk2015(p);
    for (const url of [`/report/${id}/page/1?fact=overall`, `/report/${id}/page/2`]) {
      const r = await p.goto(`${base}${url}`);
      assert.equal(r.status(), 200);
      for (const v of await axeViolations(p, axePath)) failures.push(`${viewport.width} ${url}: ${v}`);
      const width = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      if (width.scroll > width.inner) failures.push(`${viewport.width} ${url}: ${width.scroll} px wide on ${width.inner}`);
    }
    assert.equal((await p.goto(`${base}/report/${id}/page/999`)).status(), 404);
    assert.equal((await p.goto(`${base}/report/${id}/page/1?fact=nonsense`)).status(), 404);
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});
