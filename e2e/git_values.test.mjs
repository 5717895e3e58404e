// Issue 23.1: in a Git delivery every view of the values (the Values tab's text, its
// Copy and Download, the Changes view) gives the values that go to Git, with no
// password in them, for every delivery and every way the secrets are made; Script
// mode keeps the chart-made DB secrets' passwords in its (private) values file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fixture, portal, step, tab, assertClean } from './fixture.mjs';

const f = fixture();

const PASSWORDS = {
  'db.ownerPassword': ['databases', 'Zq1-owner-Pw'],
  'ixnService.ixnServer.secrets.db.password': ['databases', 'Zq2-server-db-Pw'],
  'redis.password': ['redis', 'Zq3-redis-Pw'],
  'kafka.password': ['kafka', 'Zq4-kafka-Pw'],
};
const WORDS = Object.values(PASSWORDS).map(([, pw]) => pw);
const found = (text) => WORDS.filter((w) => text.includes(w));

/** The Values tab's text, its Copy (the clipboard) and its Download, and the status line. */
async function valuesViews(page) {
  await tab(page, 'values');
  const shown = await page.textContent('#preview-values');
  await page.click('button[aria-label="Copy values"]');
  await page.waitForFunction(() => /Copied/.test(document.querySelector('#panel-values .copied')?.textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button[aria-label="Download override_values.yaml"]'),
  ]);
  assert.equal(download.suggestedFilename(), 'override_values.yaml');
  const downloaded = (await readFile(await download.path())).toString();
  const status = await page.textContent('#panel-values .copied');
  return { shown, copied, downloaded, status };
}

/** The Changes view's text against the chart defaults, secrets shown. */
async function changesText(page) {
  await step(page, 'review');
  if ((await page.getAttribute('#changes', 'open')) === null) await page.click('#changes summary');
  await page.check('[name="changes.showSecrets"]');
  await page.waitForSelector('#changes-report .change-list');
  // The worker answers after each change: wait for the report of the current answers.
  await page.waitForTimeout(300);
  await page.waitForSelector('#changes-report .change-list');
  return page.textContent('#changes-report');
}

test('Git delivery: the Values tab, its Copy and Download and the Changes view hold no password', async () => {
  const { page, problems, context } = await portal(f);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(f.server.url).origin });
  await page.click("text=Load the guide's sample");
  // Real values (no ${VAR}s), the chart makes the DB secrets: Script mode's file has them.
  await page.uncheck('[name="deploy.placeholders"]');
  await step(page, 'databases');
  await page.check('[name="db.chartSecrets"]');
  for (const [name, [slug, pw]] of Object.entries(PASSWORDS)) {
    await step(page, slug);
    await page.fill(`[name="${name}"]`, pw);
  }
  await page.check('[name="ui.showSecrets"]');
  // Script mode: the values file holds the DB passwords (this test sees them when there).
  const script = await valuesViews(page);
  assert.ok(found(script.downloaded).includes('Zq2-server-db-Pw'), script.downloaded);
  assert.equal(script.copied, script.shown);
  assert.ok(found(await changesText(page)).includes('Zq2-server-db-Pw'), 'the Changes view in Script mode');

  const modes = [];
  for (const delivery of ['argocd', 'flux', 'genesys']) {
    modes.push([delivery, 'kubectl', null]);
    for (const store of ['gcp-secret-manager', 'azure-key-vault', 'vault']) modes.push([delivery, 'external-secrets', store]);
  }
  for (const [i, [delivery, from, store]] of modes.entries()) {
    const tag = `${delivery} ${from} ${store ?? ''}`;
    await step(page, 'review');
    await page.selectOption('[name="deploy.delivery"]', delivery);
    await page.selectOption('[name="deploy.secretsFrom"]', from);
    if (store) await page.selectOption('[name="deploy.secretStore"]', store);
    // Both ways the commands make secrets.
    await page.selectOption('[name="secrets.style"]', i % 2 ? 'stdin' : 'guide');
    const v = await valuesViews(page);
    for (const [what, text] of Object.entries({ shown: v.shown, copied: v.copied, downloaded: v.downloaded })) {
      assert.deepEqual(found(text), [], `${tag}: the Values tab's ${what} text`);
    }
    assert.equal(v.copied, v.shown, tag);
    assert.equal(v.downloaded, v.shown, tag);
    assert.match(v.shown, /enabled: false/, tag);
    assert.ok(!/real secrets/.test(v.status), `${tag}: ${v.status}`);
    assert.ok(await page.isVisible('#values-git-note'), tag);
    assert.deepEqual(found(await changesText(page)), [], `${tag}: the Changes view`);
  }
  // The Git tree's values file is the Values tab's file (Argo CD, values in a file).
  await step(page, 'review');
  await page.selectOption('[name="deploy.delivery"]', 'argocd');
  await page.selectOption('[name="gitops.valuesIn"]', 'file');
  const v = await valuesViews(page);
  await tab(page, 'gitops');
  const file = page.locator('#panel-gitops [aria-label="Files"] button', { hasText: 'override_values.yaml' });
  await file.click();
  await page.waitForFunction((t) => document.querySelector('#preview-gitops')?.textContent === t, v.shown);
  await assertClean(page, problems);
  await context.close();
});
