// The architecture map: 19 connections with their ports, hover and focus details,
// click to the field, and SVG export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fixture, portal, tab } from './fixture.mjs';

const f = fixture();

/** The connection labels a drawn line crosses (the visible line, not the wide hit
 * area), as "label on connection". */
async function labelsOnLines(page) {
  return page.evaluate(() => {
    const svg = document.getElementById('preview-map');
    const lines = [...svg.querySelectorAll('.conn line:not([stroke="transparent"])')];
    const out = [];
    for (const label of svg.querySelectorAll('.conn-label')) {
      const box = label.getBBox();
      for (const l of lines) {
        const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => +l.getAttribute(a));
        // Sample the segment; a point inside the label's box is a crossing.
        for (let t = 0; t <= 1; t += 0.01) {
          const x = x1 + (x2 - x1) * t, y = y1 + (y2 - y1) * t;
          if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) {
            out.push(`${label.textContent} on ${l.parentNode.dataset.connection}`);
            break;
          }
        }
      }
    }
    return out;
  });
}

test('19 connections, each labelled with the port the values give', async () => {
  const { page } = await portal(f);
  await tab(page, 'map');
  assert.equal(await page.locator('#preview-map [data-connection]').count(), 19);
  assert.match(await page.textContent('[data-connection="2"]'), /13130/, 'chart default IXN port');
  await page.click('nav.steps a[href="#/ports"]');
  await page.fill('[name="ixnService.ixnServer.ports.default"]', '7120');
  assert.match(await page.textContent('[data-connection="2"]'), /7120/);
  assert.match(await page.textContent('[data-connection="18"]'), /7120/);
  await page.click('nav.steps a[href="#/kafka"]');
  await page.fill('[name="kafka.bootstrap"]', 'kafka:9099');
  assert.match(await page.textContent('[data-connection="6"]'), /9099/);
  for (let n = 1; n <= 19; n++) {
    const text = await page.textContent(`[data-connection="${n}"]`);
    assert.match(text, new RegExp(`#${n} `), `connection ${n} is labelled`);
  }
  await page.close();
});

test('hover and keyboard focus show what a connection carries and which key sets its port', async () => {
  const { page } = await portal(f);
  await tab(page, 'map');
  await page.hover('[data-connection="12"] .conn-label'); // its label, in the Prometheus box
  assert.match(await page.textContent('#map-detail'), /Prometheus → IXN.*ixnService\.ixnServer\.ports\.health/);
  await page.focus('[data-connection="16"]');
  assert.equal(await page.textContent('#map-detail'), '#16: IXN → IXN DB, TCP 5432, egress. Carries CRUD on the IXN database. Port set by ixnService.ixnServer.db.port.');
  // Inactive connections say so: no monitoring by default.
  assert.match(await page.getAttribute('[data-connection="12"]', 'class'), /inactive/);
  await page.close();
});

test('clicking a connection, or Enter on it, goes to the field that sets its port', async () => {
  const { page } = await portal(f);
  await tab(page, 'map');
  await page.click('[data-connection="10"] .conn-label');
  await page.waitForSelector('#step-ports:not([hidden])');
  await page.waitForFunction(() => document.activeElement?.name === 'ixnVQNode.ports.health');
  assert.match(page.url(), /#\/ports$/);
  await page.focus('[data-connection="7"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#step-kafka:not([hidden])');
  await page.waitForFunction(() => document.activeElement?.name === 'kafka.bootstrap');
  await page.close();
});

test('the map downloads as SVG', async () => {
  const { page } = await portal(f);
  await tab(page, 'map');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download the map as SVG')]);
  assert.equal(download.suggestedFilename(), 'ixn-architecture.svg');
  const svg = await readFile(await download.path(), 'utf8');
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal((svg.match(/data-connection="/g) ?? []).length, 19);
  // A well-formed SVG file on its own: an XML parser reads it, and it has its own
  // white background (no page CSS comes with it).
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: doc.querySelector('parsererror')?.textContent ?? null, bg: doc.querySelector('rect.map-bg')?.getAttribute('fill') };
  }, svg);
  assert.deepEqual(parsed, { error: null, bg: '#ffffff' });
  await page.close();
});

/** Whether two client rects overlap. */
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('port labels sit off the lines and off the arrowheads, and the boxes show the user\'s hosts and pod names', async () => {
  const { page, problems } = await portal(f);
  await page.click("text=Load the guide's sample");
  await page.click('nav.steps a[href="#/tenant"]');
  await page.uncheck('[name="deploy.placeholders"]');
  await page.click('nav.steps a[href="#/databases"]');
  await page.fill('[name="ixnService.ixnServer.db.host"]', 'pg-server.infra.svc');
  await page.click('nav.steps a[href="#/kafka"]');
  await page.fill('[name="kafka.bootstrap"]', 'kafka-a.infra:9092,kafka-b.infra:9093');
  await tab(page, 'map');
  // Every label is clear of every drawn line (the visible one, not the wide hit area)
  // and of every arrowhead's end.
  const hits = await labelsOnLines(page);
  assert.deepEqual(hits, []);
  const svgText = await page.textContent('#preview-map');
  for (const host of ['pg-server.infra.svc', 'kafka-a.infra, kafka-b.infra', 'redis']) {
    assert.ok(svgText.includes(host) || (await page.locator('#preview-map .host title', { hasText: host }).count()) > 0, `host ${host} in a box`);
  }
  assert.match(svgText, /Pod ixn-100-sts-0/);
  assert.match(svgText, /Pod ixn-100-vqnode-deploy/);
  assert.doesNotMatch(svgText, /<sid>/);
  // The Resources step names the pods too.
  await page.click('nav.steps a[href="#/resources"]');
  const totals = await page.textContent('table.resources');
  assert.match(totals, /Pod ixn-100-sts-0/);
  assert.doesNotMatch(totals, /<sid>/);
  assert.deepEqual(problems.page, []);
  await page.close();
});

test('on a 390 px phone the map fits without sideways scrolling and names every destination', async () => {
  const context = await f.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await portal(f, '', context);
  await page.click("text=Load the guide's sample");
  await tab(page, 'map');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(wide, false, 'the page scrolls sideways');
  const items = page.locator('.map-list li');
  assert.equal(await items.count(), 19);
  const cut = await items.evaluateAll((lis) => lis.filter((li) => {
    const r = li.getBoundingClientRect();
    return r.right > window.innerWidth || li.scrollWidth > li.clientWidth + 1;
  }).map((li) => li.textContent));
  assert.deepEqual(cut, []);
  assert.match(await items.nth(15).textContent(), /#16 IXN → IXN DB \(\$\{POSTGRES_ADDR\}|#16 IXN → IXN DB/);
  // A connection in the list goes to its field, as on the drawing.
  await page.locator('.map-list button', { hasText: /^#16 / }).click();
  await page.waitForSelector('#step-databases:not([hidden])');
  assert.deepEqual(problems.page, []);
  await context.close();
});

test('at 390 px the drawing itself fits: every box and label inside the viewport, no label on a line or a label', async () => {
  const context = await f.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await portal(f, '', context);
  await page.click("text=Load the guide's sample");
  await page.click('nav.steps a[href="#/kafka"]');
  await page.fill('[name="kafka.bootstrap"]', 'kafka-a.infra:9092,kafka-b.infra:9093');
  await tab(page, 'map');
  const svg = page.locator('#preview-map');
  assert.ok(await svg.isVisible(), 'the drawing shows on a phone');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, 'no sideways scrolling');
  const report = await page.evaluate(() => {
    const svg = document.getElementById('preview-map');
    const vw = window.innerWidth;
    const s = svg.getBoundingClientRect();
    const out = { svg: { left: s.left, right: s.right, vw }, outside: [], onLabel: [], wrapper: null };
    const wrap = svg.closest('.map-wrap');
    out.wrapper = wrap.scrollWidth > wrap.clientWidth + 1;
    const within = (r) => r.left >= 0 && r.right <= vw + 0.5;
    // Every box (its rect and its texts) and every connection label is on screen.
    for (const el of svg.querySelectorAll('.node rect, .node text, .conn-label, text')) {
      if (!within(el.getBoundingClientRect())) out.outside.push(el.textContent || el.tagName);
    }
    // Box texts stay inside their own box.
    for (const g of svg.querySelectorAll('.node')) {
      const b = g.querySelector('rect').getBoundingClientRect();
      for (const t of g.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        if (r.left < b.left - 0.5 || r.right > b.right + 0.5) out.outside.push(`${t.textContent} leaves its box`);
      }
    }
    const labels = [...svg.querySelectorAll('.conn-label')];
    for (let i = 0; i < labels.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = labels[i].getBBox(), b = labels[j].getBBox();
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) {
          out.onLabel.push(`${labels[i].textContent} / ${labels[j].textContent}`);
        }
      }
    }
    return out;
  });
  assert.ok(report.svg.left >= 0 && report.svg.right <= report.svg.vw, `the drawing is ${JSON.stringify(report.svg)}`);
  assert.equal(report.wrapper, false, 'the map does not scroll sideways inside its panel');
  assert.deepEqual(report.outside, []);
  assert.deepEqual(await labelsOnLines(page), []);
  assert.deepEqual(report.onLabel, []);
  // Every component and every connection is drawn, with the user's hosts in the boxes.
  assert.equal(await page.locator('#preview-map [data-connection]').count(), 19);
  const text = await svg.textContent();
  for (const name of ['GWS IXN', 'Pulse Stat', 'Prometheus', 'StatServer', 'URS', 'Config Server', 'IXN DB', 'Consul', 'Voice config', 'Voice RQ', 'ORS Redis', 'IXN Node DB', 'Kafka', 'IXN VQ Node']) {
    assert.ok(text.includes(name), `${name} on the phone's map`);
  }
  assert.match(text, /#6 9092, 9093/);
  assert.ok((await page.locator('#preview-map .host title', { hasText: 'kafka-a.infra, kafka-b.infra' }).count()) > 0, 'the Kafka host in its box');
  // Wider than 600 px again, the wide drawing comes back.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForFunction(() => document.getElementById('preview-map').getAttribute('viewBox') === '0 0 800 580');
  assert.deepEqual(problems.page, []);
  await context.close();
});
