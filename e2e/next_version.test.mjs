// Issue 23.6: "Use the next version's values" says what it replaced, with Undo, and a
// change inside a text shows word by word in the Changes view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture, portal, step, openIo, assertClean } from './fixture.mjs';

const f = fixture();
const STAND_IN = readFileSync(new URL('../core/tests/charts/ixn/values.yaml', import.meta.url), 'utf8');
const MINE = STAND_IN.replace('replicaCount: 1', 'replicaCount: 0');
const NEXT = STAND_IN.replace('pullPolicy: IfNotPresent', 'pullPolicy: Never');

async function openChanges(page) {
  await step(page, 'review');
  if ((await page.getAttribute('#changes', 'open')) === null) await page.click('#changes summary');
}

test("using the next version's values says which file it replaced, and Undo brings mine back", async () => {
  const { page, problems, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  await step(page, 'chart');
  await page.fill('#chart-text', MINE);
  await page.click('text=Use these values');
  await page.waitForSelector('#chart-status.ok');
  const mine = (await page.textContent('#chart-status')).match(/sha256:[0-9a-f]{64}/)[0];
  await openChanges(page);
  await page.check('input[name="changes.against"][value="next"]');
  await page.fill('#changes-text', NEXT);
  await page.click("text=Use the next version's values");
  await page.waitForFunction(() => /next version's values/.test(document.querySelector('#notice')?.textContent));
  const notice = await page.textContent('#notice');
  assert.match(notice, new RegExp(`Now working against the next version's values \\(sha256:[0-9a-f]{12}…\\) in place of your chart's values \\(${mine.slice(0, 19)}…\\)`));
  // The view compares with the new values as the chart defaults, not against themselves.
  assert.ok(await page.isChecked('input[name="changes.against"][value="defaults"]'));
  await page.waitForSelector('#changes-report .change-list');
  assert.doesNotMatch(await page.textContent('#changes-report .summary'), /0 added, 0 removed, 0 changed/);
  await step(page, 'chart');
  assert.ok(!(await page.textContent('#chart-status')).includes(mine));
  await page.click('#notice button:has-text("Undo")');
  await page.waitForFunction((d) => document.querySelector('#chart-status')?.textContent.includes(d), mine);
  await assertClean(page, problems);
  await context.close();
});

test('a change inside a text shows word by word', async () => {
  const { page, problems, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  // Real values: in placeholder mode the file would hold ${TENANT_UUID} here.
  await page.uncheck('[name="deploy.placeholders"]');
  await page.fill('[name="tenant.id"]', 'abc {{ .Values.x }}');
  await openChanges(page);
  await page.check('input[name="changes.against"][value="deployed"]');
  await page.fill('#changes-text', 'tenant:\n  id: "abc {{ .Values.x | quote }}"\n');
  const line = '#changes-report li:has(a[data-field="f-tenant-id"])';
  await page.waitForSelector(`${line} .within`);
  assert.equal(await page.textContent(`${line} .within del`), '| quote ');
  assert.equal(await page.locator(`${line} .within ins`).count(), 0);
  assert.match(await page.textContent(line), /tenant\.id: "?abc \{\{ \.Values\.x \| quote \}\}"?$/);
  await assertClean(page, problems);
  await context.close();
});

// Issue 23.2: a link made against my chart, opened where that file is not, says so
// first (a notice), not only on the Chart step.
test("a link made against my chart's values says first that the file is missing here", async () => {
  const { page, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  await step(page, 'chart');
  await page.fill('#chart-text', MINE);
  await page.click('text=Use these values');
  await page.waitForSelector('#chart-status.ok');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(f.server.url).origin });
  await openIo(page);
  await page.click('text=Copy link');
  await page.waitForFunction(() => document.querySelector('#share-link')?.value.includes('#s='));
  const link = await page.inputValue('#share-link');
  const other = await portal(f, link.slice(link.indexOf('#')));
  await other.page.waitForSelector('#notice');
  assert.match(await other.page.textContent('#notice'), /made against your chart's values \(sha256:[0-9a-f]{64}\), which this browser does not have: give that file again on the Chart step/);
  await other.context.close();
  await context.close();
});
