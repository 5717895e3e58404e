// Layout, as the admin met it at 1440 px and on a phone: every preview tab shows
// without scrolling (with room for a seventh), long lines in the previews wrap and
// copy stays exact, volume mounts read whole at 390 px, resource findings sit
// beneath their row, and a reset link adds no Tab stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, freshContext, portal, step, tab, assertClean } from './fixture.mjs';

const f = fixture();

/** Whether every tab of the strip is inside it, with nothing to scroll. */
async function tabsFit(page) {
  return page.evaluate(() => {
    const strip = document.querySelector('[role="tablist"]');
    const box = strip.getBoundingClientRect();
    const out = [...strip.querySelectorAll('[role="tab"]')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top > box.top + 4;
    });
    return { scrolls: strip.scrollWidth > strip.clientWidth, out: out.map((t) => t.textContent) };
  });
}

for (const width of [1280, 1440, 1920]) {
  test(`at ${width} px every preview tab shows without scrolling, and a seventh would too`, async () => {
    const context = await freshContext(f, { viewport: { width, height: 900 } });
    const { page, problems } = await portal(f, '', context);
    assert.deepEqual(await tabsFit(page), { scrolls: false, out: [] });
    assert.equal(await page.locator('[role="tab"]').count(), 6);
    await page.evaluate(() => {
      const strip = document.querySelector('[role="tablist"]');
      const extra = strip.lastElementChild.cloneNode(true);
      extra.id = 'tab-extra';
      extra.textContent = 'Changes';
      strip.append(extra);
    });
    assert.deepEqual(await tabsFit(page), { scrolls: false, out: [] });
    await page.evaluate(() => document.getElementById('tab-extra').remove());
    await assertClean(page, problems);
  });
}

for (const width of [390, 1440]) {
  test(`at ${width} px long lines in the YAML and Commands previews wrap, and copy stays exact`, async () => {
    const context = await freshContext(f, { viewport: { width, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(f.server.url).origin });
    const { page, problems } = await portal(f, '', context);
    const long = 'x'.repeat(40) + '-' + 'verylongservicename'.repeat(6) + '.infra.svc.cluster.local';
    await step(page, 'databases');
    await page.fill('[name="ixnService.ixnServer.db.host"]', long);
    for (const [t, what] of [['values', 'values'], ['commands', 'commands']]) {
      await tab(page, t);
      const pre = page.locator(`#preview-${t}`);
      const fits = await pre.evaluate((el) => el.scrollWidth <= el.clientWidth);
      assert.ok(fits, `${t}: the long line runs off the edge`);
      const text = await pre.textContent();
      assert.ok(text.includes(long), `${t}: the line is whole in the text`);
      await page.click(`button[aria-label="Copy ${what}"]`);
      await page.waitForFunction((t) => document.querySelector(`#panel-${t} .copied`)?.textContent.startsWith('Copied'), t);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text, `${t}: copy is the preview's text`);
    }
    await assertClean(page, problems);
  });
}

test('at 390 px the volume mount inputs show their whole value', async () => {
  const context = await freshContext(f, { viewport: { width: 390, height: 800 } });
  const { page, problems } = await portal(f, '', context);
  await page.click("text=Load the guide's sample");
  await step(page, 'redis');
  const inputs = page.locator('input[name$="].name"][name*="volumeMounts"], input[name$="].mountPath"][name*="volumeMounts"]');
  const n = await inputs.count();
  assert.ok(n >= 2, `mount inputs: ${n}`);
  const cut = await inputs.evaluateAll((els) => els.filter((el) => {
    const ctx = document.createElement('canvas').getContext('2d');
    const cs = getComputedStyle(el);
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const inner = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    return el.offsetParent !== null && ctx.measureText(el.value).width > inner;
  }).map((el) => el.value));
  assert.deepEqual(cut, []);
  await assertClean(page, problems);
});

test('a resource finding sits beneath its row, not inside a cell', async () => {
  const { page, problems } = await portal(f);
  await step(page, 'resources');
  await page.fill('[name="ixnService.ixnServer.resources.requests.cpu"]', 'lots');
  const row = page.locator('table.resources tr.row-findings', { has: page.locator('.finding.error') });
  assert.equal(await row.count(), 1);
  assert.match(await row.textContent(), /CPU request: *Error: /i);
  assert.equal(await page.locator('table.resources td .finding').count(), 1, 'only in the findings row');
  const cellHeights = await page.locator('table.resources tbody tr:first-child td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().height));
  assert.ok(Math.max(...cellHeights) < 60, `cells stay one line high: ${cellHeights}`);
  await assertClean(page, problems);
});

test('a changed field keeps one Tab stop: its reset link is not in the Tab order', async () => {
  const { page, problems } = await portal(f);
  await page.fill('[name="tenant.sid"]', '42');
  const reset = page.locator('button[aria-label="Reset tenant.sid to its default"]');
  assert.ok(await reset.isVisible());
  await page.focus('[name="tenant.sid"]');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Reset tenant.sid to its default');
  await reset.click();
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '');
  await assertClean(page, problems);
});

// Issue 23.9: at 390 px no step scrolls sideways, the Changes view's long key paths
// included (it measured scrollWidth 473).
test('at 390 px no step scrolls sideways, with the Changes view open on its long key paths', async () => {
  const context = await freshContext(f, { viewport: { width: 390, height: 844 } });
  const { page, problems } = await portal(f, '', context);
  await page.click("text=Load the guide's sample");
  await step(page, 'review');
  await page.click('#changes summary');
  await page.waitForSelector('#changes-report .change-list');
  await page.click('#changes-report summary');
  const STEPS = ['tenant', 'cluster', 'databases', 'redis', 'kafka', 'consul', 'ports', 'resources', 'observability', 'scheduling', 'chart', 'review'];
  for (const s of STEPS) {
    await step(page, s);
    const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
    assert.ok(sw <= cw, `${s}: scrollWidth ${sw} > clientWidth ${cw}`);
  }
  await assertClean(page, problems);
  await context.close();
});

// Issue 23.9: the map's labels read at 12 px or more at 1440 px (they were 9 to 11).
test('at 1440 px every label of the map renders at 12 px or more', async () => {
  const context = await freshContext(f, { viewport: { width: 1440, height: 900 } });
  const { page, problems } = await portal(f, '', context);
  await page.click("text=Load the guide's sample");
  await tab(page, 'map');
  await page.waitForSelector('#preview-map text');
  const sizes = await page.evaluate(() => [...document.querySelectorAll('#preview-map text')]
    .filter((t) => t.textContent.trim() && t.getBoundingClientRect().height > 0)
    .map((t) => {
      const svg = t.ownerSVGElement;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return { text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale };
    }));
  assert.ok(sizes.length > 20, `${sizes.length} labels`);
  const small = sizes.filter((s) => s.px < 12 - 1e-6);
  assert.deepEqual(small.map((s) => `${s.text}: ${s.px.toFixed(1)} px`), []);
  await assertClean(page, problems);
  await context.close();
});

// Issue 23.9: "Copied" and "Downloaded (with the real secrets)" fade and are cleared
// after a few seconds; the element stays a status live region.
test('a Copied or Downloaded note fades and clears, its status region stays', async () => {
  const context = await freshContext(f, { viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(f.server.url).origin });
  const { page, problems } = await portal(f, '', context);
  await page.click("text=Load the guide's sample");
  await tab(page, 'values');
  const note = '#panel-values .copied';
  await page.click('button[aria-label="Copy values"]');
  await page.waitForFunction((n) => document.querySelector(n)?.textContent.startsWith('Copied'), note);
  assert.equal(await page.getAttribute(note, 'role'), 'status');
  assert.match(await page.getAttribute(note, 'class'), /\bfades\b/);
  assert.equal(await page.evaluate((n) => getComputedStyle(document.querySelector(n)).animationName, note), 'note-fade');
  await page.waitForFunction((n) => document.querySelector(n)?.textContent === '', note, { timeout: 8000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Download override_values.yaml"]')]);
  assert.ok(download);
  assert.match(await page.textContent(note), /^Downloaded override_values\.yaml/);
  await page.waitForFunction((n) => document.querySelector(n)?.textContent === '', note, { timeout: 8000 });
  assert.equal(await page.getAttribute(note, 'role'), 'status', 'the live region stays for the next note');
  await assertClean(page, problems);
  await context.close();
});
