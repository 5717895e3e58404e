// Operations: the tab renders every section from the answers, blocks copy and
// download, the metrics table filters, and the destructive step is opt-in. Scripts
// show secrets masked, as the other previews do; copy carries the real ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fixture, freshContext, portal, step, tab, assertClean, joined } from './fixture.mjs';

const f = fixture();

test('the operations tab: sections, copy, download, search, and the opt-in destructive step', async () => {
  const context = await freshContext(f);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(f.server.url).origin });
  const { page, problems } = await portal(f, '', context);
  await page.click("text=Load the guide's sample");
  await tab(page, 'ops');
  // The worker computes the runbook: wait for it as a user would.
  await page.waitForSelector('#ops-verify');
  for (const id of ['preflight', 'verify', 'troubleshoot', 'lifecycle', 'monitoring', 'metrics']) {
    assert.ok(await page.isVisible(`#ops-${id}`), id);
  }
  const verify = await page.textContent('#ops-verify');
  assert.match(verify, /ixn-100-sts-0 READY 5\/5/);
  assert.match(verify, /9100:9100/);
  assert.match(verify, /http:\/\/127\.0\.0\.1:9100\/health\/prometheus\/all/);
  assert.match(await page.textContent('#ops-preflight'), /manual check/);
  // Copy one block.
  await page.click('#ops-lifecycle button[aria-label="Copy bash: Roll back"]');
  await page.waitForFunction(() => document.querySelector('#ops-lifecycle [data-item="rollback"] .copied')?.textContent === 'Copied (with the real secrets)');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^helm history ixn-100 --namespace ixn\nREVISION=1/);
  // A script that uses a secret shows it masked, and copies it real.
  await step(page, 'databases');
  // The guide's sample leaves the databases to dbinit: turn the portal's bootstrap on.
  await page.check('[name="db.bootstrap"]');
  await page.fill('[name="db.adminPassword"]', 'Ops-S3cret');
  await tab(page, 'ops');
  await page.waitForSelector('#ops-preflight [data-item="preflight-postgres"]');
  const preflight = await page.textContent('#ops-preflight');
  assert.ok(!preflight.includes('Ops-S3cret'), 'the preview masks the password');
  assert.match(preflight, /PGPASSWORD=••••••••/);
  await page.click('#ops-preflight [data-item="preflight-postgres"] button');
  await page.waitForFunction(() => document.querySelector('#ops-preflight [data-item="preflight-postgres"] .copied')?.textContent === 'Copied (with the real secrets)');
  // The pod reads the password from a short-lived Secret, never from kubectl run's flags.
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(joined(copied), /kubectl create secret generic ixn-preflight-postgres --namespace ixn '--from-literal=PGPASSWORD=Ops-S3cret'/);
  assert.doesNotMatch(copied, /--env=/);
  assert.match(copied, /"envFrom":\[\{"secretRef":\{"name":"ixn-preflight-postgres"\}\}\]/);
  // Download a section.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Download all: ixn-lifecycle.sh"]')]);
  assert.equal(dl.suggestedFilename(), 'ixn-lifecycle.sh');
  assert.match(await readFile(await dl.path(), 'utf8'), /helm uninstall ixn-100 --namespace ixn/);
  // No destructive step until asked for, then clearly marked.
  assert.equal(await page.locator('.ops-item.destructive').count(), 0);
  await page.check('[name="ops.dropDatabases"]');
  await page.waitForSelector('.ops-item.destructive');
  assert.equal(await page.locator('.ops-item.destructive').count(), 1);
  assert.match(await page.textContent('.ops-item.destructive'), /DESTRUCTIVE.*drop both databases/s);
  // Search the metrics.
  const rows = () => page.locator('table.metrics tbody tr').count();
  await page.waitForSelector('table.metrics tbody tr');
  const all = await rows();
  assert.ok(all >= 45, `${all} metrics`);
  await page.fill('[name="ui.metricsSearch"]', 'redis error');
  await page.waitForFunction(() => document.querySelector('table.metrics caption')?.textContent.startsWith('3 metrics'));
  assert.equal(await rows(), 3);
  assert.match(await page.textContent('table.metrics tbody'), /ixnnode_redis_client_errors_total/);
  // The Configuration Server option is in the commands.
  await tab(page, 'commands');
  assert.match(await page.textContent('#preview-commands'), /soap-endpoint = http:\/\/localhost:9100\/health/);
  await assertClean(page, problems);
  await context.close();
});
