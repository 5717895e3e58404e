// Broken input cannot be pasted by accident: while the form has errors, the values,
// commands and secrets previews say so with a count and a link to the first error,
// and deploy.sh (shown, copied, downloaded, and in the .tar) starts with a guard
// that names the errors and stops. A log sidecar with no image is an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fixture, freshContext, portal, step, tab, assertClean } from './fixture.mjs';

const f = fixture();

test('with errors, the previews show a banner, and deploy.sh starts with a guard in every copy', async () => {
  const context = await freshContext(f);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(f.server.url).origin });
  const { page, problems } = await portal(f, '', context);
  await page.click("text=Load the guide's sample");
  await step(page, 'databases');
  await page.fill('[name="ixnService.ixnServer.db.host"]', '');
  for (const [t, file] of [['values', 'override_values.yaml'], ['commands', 'deploy.sh'], ['secrets', 'secrets.json']]) {
    await tab(page, t);
    const banner = page.locator(`#panel-${t} .error-banner`);
    assert.ok(await banner.isVisible(), t);
    assert.match(await banner.textContent(), new RegExp(`The form has \\d+ errors?: ${file.replace('.', '\\.')} is not ready to use`));
  }
  await tab(page, 'values');
  assert.match(await page.locator('#panel-values .error-banner').textContent(), /<required: …>/);
  assert.match(await page.textContent('#preview-values'), /<required: ixnService\.ixnServer\.db\.host>/);
  // The script as shown, copied and downloaded starts with the guard.
  await tab(page, 'commands');
  const shown = await page.textContent('#preview-commands');
  const guard = /^#!\/usr\/bin\/env bash\n# IXN deployment, written by the IXN configuration portal\.\n# shellcheck disable=SC2317\n#\n# NOT READY: the configuration has (\d+) errors?\.[^]*?\n#   - ixnService\.ixnServer\.db\.host: [^\n]+\n[^]*?exit 1\n/;
  assert.match(shown, guard);
  await page.click('button[aria-label="Copy commands"]');
  await page.waitForFunction(() => document.querySelector('#panel-commands .copied')?.textContent.startsWith('Copied'));
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), guard);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Download deploy.sh"]')]);
  assert.match(await readFile(await dl.path(), 'utf8'), guard);
  await step(page, 'review');
  const [tar] = await Promise.all([page.waitForEvent('download'), page.click('text=Download everything (.tar)')]);
  assert.match((await readFile(await tar.path())).toString('latin1'), /ixn-100\/deploy\.sh[^]*# NOT READY: the configuration has \d+ errors?\./);
  // The banner's link goes to the first error's field.
  await tab(page, 'values');
  const first = await page.evaluate(() => document.querySelector('#panel-values .error-banner a').textContent.match(/\((.*)\)$/)[1]);
  await page.click('#panel-values .error-banner a');
  await page.waitForFunction((name) => document.activeElement?.getAttribute('name') === name || document.activeElement?.id === 'f-' + name.replace(/[.[\]]/g, '-'), first);
  // Once the errors are fixed, no banner and no guard.
  await step(page, 'tenant');
  await page.fill('[name="deploy.chartRepoUrl"]', 'https://charts.example.com/ixn');
  await page.fill('[name="deploy.chartVersion"]', '100.0.1');
  await page.uncheck('[name="deploy.placeholders"]');
  await step(page, 'cluster');
  await page.fill('[name="registry.username"]', 'u');
  await page.fill('[name="registry.password"]', 'p');
  await step(page, 'databases');
  await page.fill('[name="ixnService.ixnServer.db.host"]', 'pg.infra.svc');
  // The guide's sample leaves the databases to the chart's dbinit: with the portal's
  // bootstrap on, its admin password is needed too.
  await page.check('[name="db.bootstrap"]');
  await page.fill('[name="db.adminPassword"]', 'a');
  await step(page, 'redis');
  await page.fill('[name="redis.password"]', 'r');
  await tab(page, 'commands');
  const left = await page.locator('#panel-commands .error-banner').count();
  assert.equal(left, 0, left ? await page.textContent('#panel-commands .error-banner') : '');
  assert.doesNotMatch(await page.textContent('#preview-commands'), /NOT READY|exit 1/);
  await assertClean(page, problems);
});

test('a log sidecar enabled with no image is an error at the image fields', async () => {
  const { page, problems } = await portal(f);
  await step(page, 'observability');
  await page.check('[name="ixnService.image.logSidecar.enabled"]');
  for (const key of ['repository', 'tag']) {
    const msg = page.locator(`#f-ixnService-image-logSidecar-${key}-msg .finding.error`);
    assert.match(await msg.textContent(), new RegExp(`Error: The log sidecar is on, so its image needs a ${key}`));
  }
  await page.fill('[name="ixnService.image.logSidecar.repository"]', 'fluent/fluent-bit');
  await page.fill('[name="ixnService.image.logSidecar.tag"]', '1.8.5');
  assert.equal(await page.locator('[id^="f-ixnService-image-logSidecar"] .finding').count(), 0);
  await assertClean(page, problems);
});
