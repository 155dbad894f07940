// Drives Debian's Chromium (headless, through playwright-core) over a multipolar HTML
// report: loads it with no console error and no failed or outside request, checks every
// chart's SVG has a non-empty path, checks one colour per entity across charts and direct
// labels beyond eight lines, downloads every chart's SVG and CSV and validates the files,
// opens every <details> data table, checks escaped names, measures the render time with the
// Navigation Timing API, and writes screenshots.
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
    acceptDownloads: true,
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

    // one colour per entity across every chart: legend keys (--c), lines (stroke), areas and
    // bars (fill) and direct labels (style fill) carrying the same data-entity agree
    const ents = await page.evaluate(() => {
      const m = {};
      for (const el of document.querySelectorAll('[data-entity]')) {
        const fig = el.closest('figure.chart');
        const st = el.getAttribute('style') || '';
        let c = (st.match(/--c:\s*(#[0-9A-Fa-f]{6})/) || st.match(/fill:\s*(#[0-9A-Fa-f]{6})/) || [])[1];
        if (!c) c = el.getAttribute('stroke') || el.getAttribute('fill');
        if (!c && el.tagName === 'g') c = (el.querySelector('path.line') || el).getAttribute('stroke');
        const k = el.getAttribute('data-entity');
        (m[k] = m[k] || { colors: {}, charts: {} }).colors[(c || '?').toUpperCase()] = 1;
        if (fig) m[k].charts[fig.id] = 1;
      }
      return m;
    });
    let shared = 0;
    for (const [k, v] of Object.entries(ents)) {
      const cs = Object.keys(v.colors);
      if (cs.length !== 1) fail(`entity ${k} has ${cs.length} colours: ${cs.join(' ')} (charts ${Object.keys(v.charts).join(' ')})`);
      if (Object.keys(v.charts).length >= 3) shared++;
    }
    console.log(`entities: ${Object.keys(ents).length}, ${shared} of them in 3 or more charts, one colour each`);
    if (shared < 3) fail(`only ${shared} entities appear in 3 or more charts`);
    for (const [k, want] of [['China', 3], ['USA', 2], ['baseline', 2]])
      if (!ents[k] || Object.keys(ents[k].charts).length < want) fail(`entity ${k} in fewer than ${want} charts`);
    // beyond eight series: distinct colours, or every line labelled at its end
    const crowded = await page.evaluate(() => [...document.querySelectorAll('figure.chart')].map((f) => {
      const lines = [...f.querySelectorAll('svg g.lines path.line')];
      const colors = new Set(lines.map((p) => p.getAttribute('stroke') + (p.getAttribute('stroke-dasharray') || '')));
      return { id: f.id, n: lines.length, distinct: colors.size, labels: f.querySelectorAll('svg text.dlabel').length };
    }).filter((c) => c.n > 8));
    for (const c of crowded)
      if (c.distinct < c.n && c.labels < c.n) fail(`chart ${c.id}: ${c.n} lines, ${c.distinct} colours, ${c.labels} labels`);
    console.log(`charts with more than 8 lines: ${crowded.map((c) => `${c.id} (${c.n} lines, ${c.distinct} colours, ${c.labels} labels)`).join(', ') || 'none'}`);
    // the parity band is drawn in the capability-ratio chart
    if (!(await page.$('#rel-ratio svg rect.band'))) fail('rel-ratio: no parity band');

    // every chart's SVG and every table's CSV download, and the files are valid
    const links = await page.$$('figure.chart p.dl a[download]');
    let nsvg = 0, ncsv = 0;
    for (const a of links) {
      const name = await a.getAttribute('download');
      const fig = await a.evaluate((el) => el.closest('figure').id);
      // Chromium drops a download started right after another one: retry after a pause
      let dl = null;
      for (let tries = 0; !dl && tries < 4; tries++) {
        if (tries) await page.waitForTimeout(500);
        [dl] = await Promise.all([page.waitForEvent('download', { timeout: 3000 }).catch(() => null), a.click()]);
      }
      if (!dl) { fail(`download ${name}: no file after 4 clicks`); continue; }
      if (dl.suggestedFilename() !== name) fail(`download ${name}: saved as ${dl.suggestedFilename()}`);
      const body = fs.readFileSync(await dl.path(), 'utf8');
      if (name.endsWith('.svg')) {
        nsvg++;
        const r = await page.evaluate((text) => {
          const d = new DOMParser().parseFromString(text, 'image/svg+xml');
          const err = d.getElementsByTagName('parsererror').length;
          const root = d.documentElement;
          return { err, root: root.localName, ns: root.namespaceURI, style: d.getElementsByTagName('style').length,
            paths: [...d.getElementsByTagName('path')].filter((p) => (p.getAttribute('d') || '').length).length,
            rects: d.getElementsByTagName('rect').length };
        }, body);
        if (r.err || r.root !== 'svg' || r.ns !== 'http://www.w3.org/2000/svg') fail(`${name}: not a valid SVG document`);
        if (!r.style) fail(`${name}: no style sheet`);
        if (r.paths + r.rects < 2) fail(`${name}: nothing drawn`);
      } else if (name.endsWith('.csv')) {
        ncsv++;
        // RFC 4180 fields; every record as wide as the header; the header and the number of
        // records equal the page's table
        const recs = [];
        let rec = [], field = '', q = false, i = 0;
        for (; i < body.length; i++) {
          const ch = body[i];
          if (q) { if (ch === '"' && body[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') q = false; else field += ch; }
          else if (ch === '"') q = true;
          else if (ch === ',') { rec.push(field); field = ''; }
          else if (ch === '\r' && body[i + 1] === '\n') { rec.push(field); recs.push(rec); rec = []; field = ''; i++; }
          else field += ch;
        }
        if (field !== '' || rec.length) fail(`${name}: last record not ended by CRLF`);
        const table = await page.evaluate((id) => {
          const t = document.getElementById(id).querySelector('table');
          return { head: [...t.tHead.rows[0].cells].map((c) => c.textContent), rows: t.tBodies[0].rows.length,
            first: [...t.tBodies[0].rows[0].cells].map((c) => c.textContent) };
        }, fig);
        if (!recs.length || recs.some((r) => r.length !== recs[0].length)) fail(`${name}: records of unequal width`);
        else if (recs[0].length !== table.head.length) fail(`${name}: ${recs[0].length} columns, table ${table.head.length}`);
        if (recs.length - 1 !== table.rows) fail(`${name}: ${recs.length - 1} records, table ${table.rows} rows`);
        if (recs.length > 1 && recs[1][0].replace(/^'/, '') !== table.first[0]) fail(`${name}: first record ${recs[1][0]}, table ${table.first[0]}`);
        for (let k = 1; recs.length > 1 && k < recs[1].length; k++) {
          const a = recs[1][k], b = table.first[k];
          if ((a === '') !== (b === '') || (a !== '' && !isNaN(+b) && Math.abs(+a - +b) > 0.5 * Math.pow(10, -((b.split('.')[1] || '').length))))
            fail(`${name}: first record column ${k}: ${a} vs table ${b}`);
        }
      }
    }
    console.log(`downloads: ${nsvg} SVG and ${ncsv} CSV files, valid`);
    if (nsvg !== info.charts.length) fail(`${nsvg} SVG downloads for ${info.charts.length} charts`);
    if (ncsv !== info.charts.length) fail(`${ncsv} CSV downloads for ${info.charts.length} charts`);

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
