// Accessibility: axe-core finds no serious or critical violation on any step, in
// either theme, and keyboard-only use reaches the fields in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, portal, step, tab, axeViolations, assertClean, STEPS } from './fixture.mjs';

const f = fixture();

for (const scheme of ['light', 'dark']) {
  test(`axe: no serious or critical violations on any step (${scheme})`, async () => {
    const { page, problems } = await portal(f);
    await page.emulateMedia({ colorScheme: scheme });
    // An answer first, so the sample replaces it and the notice with its Undo is checked too.
    await page.fill('[name="tenant.sid"]', '1');
    await page.click("text=Load the guide's sample");
    await page.waitForSelector('#notice');
    for (const s of STEPS) {
      await step(page, s);
      assert.deepEqual(await axeViolations(page), [], `step ${s}`);
    }
    for (const t of ['commands', 'secrets', 'map', 'ops']) {
      await tab(page, t);
      assert.deepEqual(await axeViolations(page), [], `tab ${t}`);
    }
    await assertClean(page, problems);
    await page.close();
  });
}

test('keyboard only: Tab reaches the first field with a visible focus ring', async () => {
  const { page } = await portal(f);
  await page.keyboard.press('Tab'); // skip link
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to the form');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.name === 'deploy.namespace')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'deploy.namespace');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.close();
});

test('keyboard only: arrow keys move between preview tabs', async () => {
  const { page } = await portal(f);
  await page.focus('#tab-values');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-commands');
  assert.ok(await page.isVisible('#preview-commands'));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-ops');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-map');
  assert.ok(await page.isVisible('#preview-map'));
  await page.close();
});
