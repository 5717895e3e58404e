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
