// Loading: sub-path, strict CSP, no errors, no requests elsewhere, and the test
// contract's elements on every step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fixture, portal, step, assertClean, STEPS } from './fixture.mjs';

const f = fixture();

test('loads under /tools/ixn/ with a strict CSP: no errors, 404s, violations or foreign requests', async () => {
  const { page, problems } = await portal(f);
  await page.waitForFunction(() => document.querySelector('#preview-values')?.textContent.includes('tenant:'));
  assert.equal(await page.getAttribute('link[rel="icon"]', 'href'), 'favicon.svg');
  const icon = await page.evaluate(async () => (await fetch('favicon.svg')).status);
  assert.equal(icon, 200);
  await assertClean(page, problems);
  await page.close();
});

test('the build ships precompressed copies that decode to the same bytes, and they are what is served', async () => {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  for (const name of ['index.html', 'boot.js', 'ixn-portal-web.js', 'ixn-portal-web_bg.wasm', 'app.css', 'favicon.svg']) {
    const raw = readFileSync(join(dist, name));
    assert.ok(brotliDecompressSync(readFileSync(join(dist, `${name}.br`))).equals(raw), `${name}.br`);
    assert.ok(gunzipSync(readFileSync(join(dist, `${name}.gz`))).equals(raw), `${name}.gz`);
  }
  const { page, context } = await portal(f);
  const wasm = await page.evaluate(async () => {
    const r = await fetch('ixn-portal-web_bg.wasm');
    return { type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength };
  });
  assert.deepEqual(wasm, { type: 'application/wasm', bytes: readFileSync(join(dist, 'ixn-portal-web_bg.wasm')).length });
  const res = await page.request.get(`${f.server.url}ixn-portal-web_bg.wasm`, { headers: { 'accept-encoding': 'br' } });
  assert.equal(res.headers()['content-encoding'], 'br');
  await context.close();
});

test('every contract element is in the DOM on every step', async () => {
  const { page, problems } = await portal(f);
  const names = ['tenant.sid', 'tenant.id', 'ixnService.ixnServer.db.host', 'ixnVQNode.ports.health',
    'ixnService.ixnNode.redis[0].host', 'deploy.namespace', 'deploy.release', 'deploy.platform', 'deploy.chart',
    'deploy.chartVersion', 'registry.server', 'registry.username', 'registry.password', 'registry.email',
    'redis.password', 'redis.servername', 'redis.port', 'redis.rejectUnauthorized', 'kafka.bootstrap',
    'kafka.username', 'kafka.password', 'db.adminUser', 'db.adminPassword', 'db.ownerUser', 'db.ownerPassword',
    'ui.showSecrets'];
  for (const s of STEPS) {
    await step(page, s);
    for (const n of names) {
      assert.equal(await page.locator(`[name="${n}"]`).count(), 1, `${n} on step ${s}`);
    }
    for (const id of ['preview-values', 'preview-commands', 'preview-secrets', 'preview-map']) {
      assert.equal(await page.locator(`#${id}`).count(), 1, `#${id} on step ${s}`);
    }
    assert.equal(await page.locator('#preview-map [data-connection]').count(), 19);
  }
  // Secret fields are never autocompleted.
  for (const n of ['registry.password', 'redis.password', 'kafka.password', 'db.adminPassword', 'db.ownerPassword']) {
    assert.equal(await page.getAttribute(`[name="${n}"]`, 'autocomplete'), 'off', n);
    assert.equal(await page.getAttribute(`[name="${n}"]`, 'type'), 'password', n);
  }
  await assertClean(page, problems);
  await page.close();
});

test('a missing required value is a visible placeholder, and previews render with errors', async () => {
  const { page } = await portal(f);
  const values = await page.textContent('#preview-values');
  assert.match(values, /id: "<required: tenant\.id>"/);
  assert.match(values, /host: "<required: ixnService\.ixnServer\.db\.host>"/);
  // Long command lines are wrapped with a backslash: the words, not the line, are asserted.
  assert.match(await page.textContent('#preview-commands'), /helm upgrade(?: \\\n\s*)? --install/);
  await page.close();
});

test('every values key of the registry has a field named by its path', async () => {
  const source = await import('node:fs').then((fs) => fs.readFileSync(new URL('../core/src/registry/keys.rs', import.meta.url), 'utf8'));
  const paths = [...source.matchAll(/^\s*k\(\w+, "([^"]+)"/gm)].map((m) => m[1]);
  assert.ok(paths.length >= 130, `found ${paths.length} keys`);
  const { page } = await portal(f);
  const missing = [];
  for (const p of paths) {
    const n = await page.evaluate((p) => [...document.querySelectorAll('[name]')]
      .filter((e) => e.name === p || e.name.startsWith(`${p}[`) || e.name.startsWith(`${p}.`)).length
      + (document.getElementById(`f-${p.replace(/[.[\]]/g, '-')}`) ? 1 : 0), p);
    if (n === 0) missing.push(p);
  }
  assert.deepEqual(missing, [], 'keys without a field');
  console.log(`# ${paths.length} registry keys, all with a field`);
  await page.close();
});
