// End-to-end: the release build, served over loopback under a sub-path with a strict
// CSP, driven in headless Chromium as an admin would use it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
let server;
let context;

before(async () => {
  server = await serve(DIST, '/tools/ixn/');
  context = await launch();
});

after(async () => {
  await context?.close();
  await server?.close();
});

function clean(problems) {
  for (const [kind, list] of Object.entries(problems)) {
    assert.deepEqual(list, [], `${kind}: ${list.join('\n')}`);
  }
}

test('loads from a sub-path under a strict CSP with no errors, 404s or foreign requests', async () => {
  const { page, problems } = await open(context, server.url);
  await page.waitForFunction(() => document.querySelector('#preview-values')?.textContent.includes('tenant:'));
  problems.csp = await page.evaluate(() => window.__csp);
  clean(problems);
  await page.close();
});

test('typing a tenant updates the values and the commands', async () => {
  const { page, problems } = await open(context, server.url);
  await page.fill('input[name="tenant.sid"]', '4242');
  await page.fill('input[name="tenant.id"]', '9350e2fc-a1dd-4c65-8d40-1f75a2e080dd');
  const values = await page.textContent('#preview-values');
  assert.match(values, /sid: "4242"/);
  assert.match(values, /id: 9350e2fc-a1dd-4c65-8d40-1f75a2e080dd/);
  assert.match(values, /name: ixn-4242/, 'the IXN DB name follows the sid');
  const commands = await page.textContent('#preview-commands');
  assert.match(commands, /helm upgrade --install ixn-4242 /);
  assert.match(commands, /statefulset\/ixn-4242-sts/);
  clean(problems);
  await page.close();
});

test('bad input gets a message next to the field and keeps what was typed', async () => {
  const { page } = await open(context, server.url);
  await page.fill('input[name="tenant.sid"]', '12a');
  await page.fill('input[name="ixnService.ixnServer.ports.default"]', '70000');
  assert.equal(await page.inputValue('input[name="tenant.sid"]'), '12a');
  assert.equal(await page.inputValue('input[name="ixnService.ixnServer.ports.default"]'), '70000');
  const sidMsg = await page.textContent('#f-tenant-sid-msg');
  assert.match(sidMsg, /digits only/);
  const portMsg = await page.textContent('#f-ixnService-ixnServer-ports-default-msg');
  assert.match(portMsg, /1 to 65535/);
  assert.equal(await page.getAttribute('input[name="tenant.sid"]', 'aria-invalid'), 'true');
  // The preview still renders, with the text visible.
  assert.match(await page.textContent('#preview-values'), /default: "70000"/);
  await page.close();
});

test('secrets are masked in previews', async () => {
  const { page } = await open(context, server.url);
  await page.fill('input[name="redis.password"]', 'Sup3r-Secret!');
  assert.equal(await page.getAttribute('input[name="redis.password"]', 'autocomplete'), 'off');
  const commands = await page.textContent('#preview-commands');
  assert.ok(!commands.includes('Sup3r-Secret!'), 'password shown in the preview');
  assert.match(commands, /"password":"••••••••"/);
  await page.close();
});

test("the guide's sample loads with one click", async () => {
  const { page } = await open(context, server.url);
  await page.click('text=Load the guide\'s sample');
  const values = await page.textContent('#preview-values');
  assert.match(values, /default: 7120/);
  assert.match(values, /envsubst|\$\{TENANT_ID\}/);
  assert.equal(await page.inputValue('input[name="tenant.sid"]'), '100');
  await page.close();
});
