// The architecture map: 19 connections with their ports, hover and focus details,
// click to the field, and SVG export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fixture, portal, tab } from './fixture.mjs';

const f = fixture();

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
  await page.hover('[data-connection="12"]');
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
  await page.click('[data-connection="10"]');
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
