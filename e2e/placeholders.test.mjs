// Issue 23.5: after importing files with `$VAR`s, the first error points at the cause
// (tenant.sid = $TENANT_SID, not the release field left empty); "Fill these in with
// envsubst" shows its state in the import report and on the Tenant step, the findings
// follow it, and the commands let the shell fill the release name in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, portal, step, tab, importText, assertClean } from './fixture.mjs';

const f = fixture();

test('imported $VARs: the error is at the cause, and filling them in is visible and followed', async () => {
  const { page, problems, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  await page.uncheck('[name="deploy.placeholders"]');
  await step(page, 'databases');
  await page.uncheck('[name="db.bootstrap"]');
  await importText(page, 'tenant:\n  sid: $TENANT_SID\n');
  const report = page.locator('#import-placeholders');
  assert.match(await report.textContent(), /TENANT_SID.*They stay as they are/);
  // The first error is the short ID's, and says why.
  await tab(page, 'values');
  const banner = page.locator('#panel-values .error-banner a');
  assert.match(await banner.textContent(), /first error \(tenant\.sid\)/);
  await step(page, 'review');
  const first = page.locator('.finding-list li.error').first();
  assert.match(await first.textContent(), /^tenant\.sid .*release name ixn-\$TENANT_SID is made from this placeholder/);
  assert.equal(await page.locator('.finding-list li', { hasText: 'deploy.release' }).count(), 0);
  await tab(page, 'commands');
  // Kept literal: the shell quoting writes `$` escaped outside quotes (issue 22.16).
  assert.match(await page.textContent('#preview-commands'), /ixn-\\\$TENANT_SID/);
  // Filled in: the report, the Tenant step and the findings say so; the shell fills the release.
  await report.locator('button', { hasText: 'Fill these in with envsubst' }).click();
  await page.waitForFunction(() => /The commands fill these in with envsubst/.test(document.querySelector('#import-placeholders')?.textContent));
  assert.equal(await page.locator('.finding-list li', { hasText: 'release name ixn-$TENANT_SID' }).count(), 0);
  const commands = await page.textContent('#preview-commands');
  assert.match(commands, /--install ixn-"\$\{TENANT_SID\}" /);
  assert.match(commands, /: "\$\{TENANT_SID:\?export TENANT_SID before running this\}"/);
  assert.ok(!commands.includes('ixn-\\$TENANT_SID') && !commands.includes("'ixn-$TENANT_SID'"));
  await step(page, 'tenant');
  assert.match(await page.textContent('#envsubst-vars'), /Filled in with envsubst by the commands, from your environment: \$TENANT_SID/);
  // And back: kept as they are, everywhere.
  await page.click('#envsubst-vars button');
  assert.equal(await page.locator('#envsubst-vars').count(), 0);
  assert.match(await report.textContent(), /They stay as they are/);
  // Kept literal: the shell quoting writes `$` escaped outside quotes (issue 22.16).
  assert.match(await page.textContent('#preview-commands'), /ixn-\\\$TENANT_SID/);
  await assertClean(page, problems);
  await context.close();
});
