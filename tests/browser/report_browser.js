// Drives Debian's Chromium (headless, through playwright-core) over a multipolar HTML
// report: loads it with no console error and no failed or outside request, checks every
// chart's SVG has a non-empty path, opens every <details> data table, checks escaped
// names, measures the render time with the Navigation Timing API, and writes screenshots.
// usage: node report_browser.js REPORT.html OUTDIR [EXPECT_TEXT]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [html, outdir, expectText] = process.argv.slice(2);
if (!html || !outdir) {
  console.error('usage: node report_browser.js REPORT.html OUTDIR [EXPECT_TEXT]');
  process.exit(2);
}
const problems = [];
const fail = (m) => problems.push(m);

(async () => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-chromium-'));
  const browser = await chromium.launchPersistentContext(userData, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const url = 'file://' + path.resolve(html);
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') fail(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => fail(`page error: ${e.message}`));
    page.on('requestfailed', (r) => fail(`failed request: ${r.url()} (${r.failure() && r.failure().errorText})`));
    page.on('request', (r) => { if (r.url() !== url && !r.url().startsWith('data:')) fail(`outside request: ${r.url()}`); });
    page.on('dialog', (d) => { fail(`a dialog opened (script ran): ${d.message()}`); d.dismiss(); });

    await page.goto(url, { waitUntil: 'load' });
    // Navigation Timing Level 2: from navigation start to the end of the load event
    const timing = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return { load: n.loadEventEnd - n.startTime, dom: n.domContentLoadedEventEnd - n.startTime,
        fcp: paint ? paint.startTime : null, bytes: n.decodedBodySize };
    });
    console.log(`render: load event end ${timing.load.toFixed(1)} ms, DOMContentLoaded ${timing.dom.toFixed(1)} ms, ` +
      `first contentful paint ${timing.fcp === null ? 'n/a' : timing.fcp.toFixed(1) + ' ms'}, ${timing.bytes} bytes`);
    if (!(timing.load < 1000)) fail(`render took ${timing.load.toFixed(1)} ms (limit 1000 ms)`);

    const info = await page.evaluate(() => {
      const charts = [...document.querySelectorAll('figure.chart:not(.nodata)')].map((f) => {
        const svg = f.querySelector('svg');
        const paths = svg ? [...svg.querySelectorAll('path')].filter((p) => (p.getAttribute('d') || '').length > 0) : [];
        const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
        return { id: f.id, svg: !!svg, paths: paths.length, w: box.width, h: box.height,
          details: f.querySelectorAll('details').length };
      });
      return { charts, scripts: document.scripts.length, details: document.querySelectorAll('details').length,
        sections: [...document.querySelectorAll('main > section')].map((s) => s.id), text: document.body.innerText };
    });
    console.log(`charts: ${info.charts.length} (${info.charts.map((c) => c.id).join(' ')}); sections: ${info.sections.join(' ')}`);
    if (info.charts.length === 0) fail('no chart in the page');
    for (const c of info.charts) {
      if (!c.svg) fail(`chart ${c.id}: no <svg>`);
      else if (c.paths === 0) fail(`chart ${c.id}: no non-empty <path>`);
      if (c.w < 100 || c.h < 50) fail(`chart ${c.id}: rendered ${c.w}x${c.h}`);
      if (c.details !== 1) fail(`chart ${c.id}: ${c.details} data tables`);
    }
    if (info.scripts !== 0) fail(`${info.scripts} <script> elements in the page`);
    for (const id of ['history', 'forecast', 'relations', 'negotiation', 'sources'])
      if (!info.sections.includes(id)) fail(`section #${id} missing`);
    if (expectText && !info.text.includes(expectText)) fail(`text ${JSON.stringify(expectText)} not shown as text`);

    // every data table opens (without JavaScript in the page: <details> is native)
    const summaries = await page.$$('details > summary');
    for (const s of summaries) await s.click();
    const opened = await page.evaluate(() => [...document.querySelectorAll('details')].map((d) => {
      const t = d.querySelector('table');
      const body = t || d.querySelector(':scope > :not(summary)');
      return { open: d.open, table: !!t, rows: t ? t.rows.length : 0, h: body ? body.getBoundingClientRect().height : 0 };
    }));
    opened.forEach((d, i) => {
      if (!d.open) fail(`details ${i} did not open`);
      if ((d.table && d.rows < 2) || d.h <= 0) fail(`details ${i}: content not shown (${d.rows} rows, height ${d.h})`);
    });
    console.log(`data tables opened: ${opened.filter((d) => d.open).length}/${opened.length}`);
    for (const s of summaries) await s.click(); // closed again for the screenshot

    fs.mkdirSync(outdir, { recursive: true });
    await page.screenshot({ path: path.join(outdir, 'report.png'), fullPage: true });
    // a phone-width screen: nothing wider than the screen, text still readable
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const phone = await page.evaluate(() => {
      const t = document.querySelector('figure.chart svg text');
      return { scroll: document.documentElement.scrollWidth,
        font: t ? t.getBoundingClientRect().height : null };
    });
    console.log(`phone width 390: page width ${phone.scroll}px, chart text ${phone.font === null ? 'n/a' : phone.font.toFixed(1) + ' px high'}`);
    if (phone.scroll > 392) fail(`page is ${phone.scroll}px wide on a 390px screen`);
    if (phone.font !== null && phone.font < 9) fail(`chart text only ${phone.font.toFixed(1)} px high on a phone`);
    await page.screenshot({ path: path.join(outdir, 'report-phone.png'), fullPage: false });
    console.log(`screenshots: ${path.join(outdir, 'report.png')} ${path.join(outdir, 'report-phone.png')}`);
  } finally {
    await browser.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
  if (problems.length) {
    for (const p of problems) console.error('FAIL: ' + p);
    process.exit(1);
  }
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
