// Issue 23.8: "Forget everything on this device" clears the answers, the tenants file,
// the chart values and the Tenants panel's secrets file in one click, and offers Undo,
// as loading the sample does: Undo puts every one of them back exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixture, portal, step, openIo, assertClean } from './fixture.mjs';

const f = fixture();
const CHART = readFileSync(fileURLToPath(new URL('../core/tests/charts/ixn/values.yaml', import.meta.url)), 'utf8')
  .replace('replicaCount: 1', 'replicaCount: 0');
const CSV = 'tenant.sid,deploy.namespace\n101,ixn-101\n102,ixn-102\n';

/** This browser's entries of the portal. */
const stored = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('ixn-portal.')).sort().map((k) => [k, localStorage.getItem(k)])));

test('Forget everything clears answers, tenants file and chart values, and Undo brings them all back exactly', async () => {
  const { page, context, problems } = await portal(f);
  await page.click("text=Load the guide's sample");
  await page.fill('[name="tenant.sid"]', '4242');
  await step(page, 'redis');
  await page.fill('[name="redis.password"]', 'R3dis-S3cret');
  await step(page, 'chart');
  await page.fill('#chart-text', CHART);
  await page.click('text=Use these values');
  await page.waitForSelector('#chart-status.ok');
  const chartLine = await page.textContent('#chart-status');
  await step(page, 'review');
  await page.fill('#tenants-text', CSV);
  await page.setInputFiles('#tenants-secrets', { name: 'secrets.yaml', mimeType: 'text/yaml', buffer: Buffer.from('redis.password: All\n') });
  await page.waitForSelector('#tenants-secrets-status');
  await openIo(page);
  await page.check('[name="ui.rememberSecrets"]');
  // Saved after the change, in the task after it.
  await page.waitForFunction(() => (localStorage.getItem('ixn-portal.profile') ?? '').includes('4242') && (localStorage.getItem('ixn-portal.profile') ?? '').includes('R3dis-S3cret'));
  const before = await stored(page);
  for (const k of ['ixn-portal.profile', 'ixn-portal.tenants', 'ixn-portal.chartValues', 'ixn-portal.rememberSecrets']) {
    assert.ok(before[k], `${k} kept before: ${JSON.stringify(Object.keys(before))}`);
  }

  await page.click('text=Forget everything on this device');
  await page.waitForFunction(() => /Everything this portal kept in this browser is gone/.test(document.querySelector('#notice')?.textContent ?? ''));
  assert.deepEqual(await stored(page), {}, 'nothing is left in this browser');
  assert.equal(await page.inputValue('#tenants-text'), '', 'the tenants file is gone from the panel too');
  assert.equal(await page.locator('#tenants-secrets-status').count(), 0, 'and the secrets file from memory');
  await step(page, 'tenant');
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '');
  await step(page, 'chart');
  assert.equal(await page.locator('#chart-status').count(), 0, "the guide's chart again");

  await page.click('#notice button:has-text("Undo")');
  await page.waitForFunction(() => (localStorage.getItem('ixn-portal.profile') ?? '').includes('4242'));
  assert.equal(await page.textContent('#chart-status'), chartLine, 'the same chart values');
  await step(page, 'tenant');
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '4242');
  await step(page, 'redis');
  assert.equal(await page.inputValue('[name="redis.password"]'), 'R3dis-S3cret');
  await step(page, 'review');
  assert.equal(await page.inputValue('#tenants-text'), CSV);
  assert.match(await page.textContent('#tenants-secrets-status'), /Using secrets\.yaml/);
  await openIo(page);
  assert.ok(await page.isChecked('[name="ui.rememberSecrets"]'));
  assert.deepEqual(await stored(page), before, 'this browser keeps exactly what it kept before');
  // And a reload finds it all, the chart file included.
  await page.reload();
  await step(page, 'chart');
  await page.waitForSelector('#chart-status.ok');
  assert.equal(await page.textContent('#chart-status'), chartLine);
  await assertClean(page, problems);
  await context.close();
});

test('Forget everything on a fresh page says so and offers no Undo of nothing', async () => {
  const { page, context, problems } = await portal(f);
  await openIo(page);
  await page.click('text=Forget everything on this device');
  await page.waitForSelector('#notice');
  assert.equal(await page.locator('#notice button:has-text("Undo")').count(), 0);
  await assertClean(page, problems);
  await context.close();
});
