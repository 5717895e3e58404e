// A field's keyboard routes, as a keyboard-only admin meets them: one Tab stop per
// field whether or not it was changed; Escape resets an edited field, a polite status
// says so (a secret's old value masked) and Ctrl+Z undoes it; Alt+G opens the field's
// guide page in a new tab; context fields link the guide where it documents them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, step, portal, assertClean } from './fixture.mjs';

const f = fixture();
const GUIDE = 'https://all.docs.genesys.com/IXN/Current/IXNPEGuide/';

/** Tabs from the step's heading to its end; returns one entry per stop. */
async function tabStops(page, slug) {
  await page.focus(`#step-${slug}-title`);
  const stops = [];
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate((slug) => {
      const el = document.activeElement;
      if (!el.closest(`#step-${slug}`)) return null;
      const field = el.closest('.field');
      return {
        field: field?.dataset.key ?? field?.dataset.context ?? null,
        what: el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent.trim().slice(0, 30),
        link: el.matches('.field a.guide, .field button.link'),
      };
    }, slug);
    if (!at) break;
    stops.push(at);
  }
  return stops;
}

/** Asserts each field of the step has one Tab stop, and no reset or guide link has one. */
function assertOneStopPerField(stops, label) {
  assert.ok(stops.length > 3, `${label}: ${JSON.stringify(stops)}`);
  assert.deepEqual(stops.filter((s) => s.link), [], `${label}: a reset or guide link in the Tab order`);
  const fields = stops.map((s) => s.field).filter(Boolean);
  assert.deepEqual(fields, [...new Set(fields)], `${label}: a field with two Tab stops`);
}

test('by keyboard only: one Tab stop per field, changed or not; Escape resets, Ctrl+Z undoes', async () => {
  const { page, problems } = await portal(f);
  await step(page, 'ports');
  const before = await tabStops(page, 'ports');
  assertOneStopPerField(before, 'unchanged');
  // Change the first two fields by typing, as the keyboard user does.
  await page.focus('#step-ports-title');
  // Past the step's own guide link, to the first field.
  while (!(await page.evaluate(() => !!document.activeElement.closest('.field')))) await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.name);
  await page.keyboard.type('7121');
  await page.keyboard.press('Tab');
  const second = await page.evaluate(() => document.activeElement.name);
  await page.keyboard.type('7122');
  assert.ok(await page.isVisible(`[data-key="${first}"] button[aria-label="Reset ${first} to its default"]`));
  const after = await tabStops(page, 'ports');
  assertOneStopPerField(after, 'changed');
  assert.deepEqual(after.map((s) => s.field), before.map((s) => s.field), 'the same stops once changed');
  // The input announces its keys and shows them while it has focus.
  await page.focus(`[name="${first}"]`);
  assert.equal(await page.getAttribute(`[name="${first}"]`, 'aria-keyshortcuts'), 'Escape Alt+G');
  assert.ok(await page.isVisible(`[data-key="${first}"] .keys`));
  assert.match(await page.textContent(`[data-key="${first}"] .keys`), /Esc resets an edit, Alt\+G opens the guide/);
  assert.ok(!(await page.isVisible(`[data-key="${second}"] .keys`)), 'only the focused field shows its keys');
  // Escape resets to the default, and the status says so, with its Undo.
  const status = page.locator(`[data-key="${first}"] [role="status"]`);
  assert.equal(await status.innerText(), '');
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue(`[name="${first}"]`), '');
  assert.equal(await page.evaluate(() => document.activeElement.name), first, 'focus stays in the field');
  assert.match(await status.innerText(), /^Reset to its default \(it was “7121”\)\. Ctrl\+Z undoes it\. Undo$/);
  assert.ok(!(await page.isVisible(`[data-key="${first}"] button[aria-label="Reset ${first} to its default"]`)));
  // Escape on an unchanged field does nothing.
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue(`[name="${first}"]`), '');
  // Ctrl+Z brings the value back, and the status empties.
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(`[name="${first}"]`), '7121');
  assert.equal(await status.innerText(), '');
  // The other field was not touched; its Undo button (for the mouse) works the same.
  assert.equal(await page.inputValue(`[name="${second}"]`), '7122');
  await page.focus(`[name="${second}"]`);
  await page.keyboard.press('Escape');
  await page.locator(`[data-key="${second}"] [role="status"] button`, { hasText: 'Undo' }).click();
  assert.equal(await page.inputValue(`[name="${second}"]`), '7122');
  assertOneStopPerField(await tabStops(page, 'ports'), 'after undo');
  await assertClean(page, problems);
});

test("a reset secret's old value stays masked in the status", async () => {
  const { page, problems } = await portal(f);
  await step(page, 'databases');
  const name = 'ixnService.ixnServer.secrets.db.password';
  await page.fill(`[name="${name}"]`, 'Tr1cky-S3cret');
  await page.focus(`[name="${name}"]`);
  await page.keyboard.press('Escape');
  const status = await page.textContent(`[data-key="${name}"] [role="status"]`);
  assert.match(status, /^Reset to its default \(it was •+\)\./);
  assert.ok(!(await page.content()).includes('Tr1cky-S3cret'), 'the secret is nowhere in the page');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue(`[name="${name}"]`), 'Tr1cky-S3cret');
  await assertClean(page, problems);
});

test('context fields link their page of the guide, in a new tab; Alt+G opens it from the field', async () => {
  const { page, problems, context } = await portal(f);
  // The new tab's page is not the portal's: answered here, so nothing leaves the machine.
  await context.route(`${GUIDE}**`, (r) => r.fulfill({ contentType: 'text/html', body: '<title>guide</title>' }));
  for (const name of ['deploy.namespace', 'deploy.release', 'deploy.chartVersion', 'deploy.placeholders']) {
    const a = page.locator(`[data-context="${name}"] a.guide`);
    assert.equal(await a.count(), 1, name);
    assert.equal(await a.getAttribute('href'), `${GUIDE}Deploy`, name);
    assert.equal(await a.getAttribute('target'), '_blank');
    assert.match(await a.getAttribute('rel'), /noopener/);
    assert.equal(await a.getAttribute('tabindex'), '-1', 'one Tab stop per field');
    assert.match(await a.getAttribute('aria-label'), /in the guide \(opens in a new tab\)$/);
  }
  // The portal's own fields (not in the guide) link nothing.
  for (const name of ['deploy.helmMajor', 'deploy.chartSource']) {
    assert.equal(await page.locator(`[data-context="${name}"] a.guide`).count(), 0, name);
    assert.equal(await page.getAttribute(`[name="${name}"]`, 'aria-keyshortcuts'), null, name);
  }
  await step(page, 'redis');
  assert.equal(await page.getAttribute('[data-context="redis.password"] a.guide', 'href'), `${GUIDE}Deploy`);
  // By keyboard: Alt+G in the field opens the guide in a new tab; the portal stays.
  await step(page, 'tenant');
  await page.focus('[name="deploy.namespace"]');
  assert.equal(await page.getAttribute('[name="deploy.namespace"]', 'aria-keyshortcuts'), 'Alt+G');
  assert.match(await page.textContent('[data-context="deploy.namespace"] .keys'), /Alt\+G opens the guide/);
  const [tab] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Alt+g')]);
  await tab.waitForLoadState();
  assert.equal(tab.url(), `${GUIDE}Deploy`);
  assert.equal(await page.inputValue('[name="deploy.namespace"]'), 'ixn', 'Alt+G typed nothing');
  await tab.close();
  // A values key's guide opens the same way.
  await step(page, 'ports');
  await page.focus('[name="ixnService.ixnServer.ports.health"]');
  const [tab2] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Alt+g')]);
  await tab2.waitForLoadState();
  assert.equal(tab2.url(), `${GUIDE}Configure`);
  await tab2.close();
  await assertClean(page, problems);
});
