// Copy (with clipboard permission) and download carry exactly the real text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fixture, freshContext, portal, preview, step, tab } from './fixture.mjs';

const f = fixture();

test('copy puts exactly the shown text on the clipboard, with the real secrets', async () => {
  const context = await freshContext(f);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(f.server.url).origin });
  const { page } = await portal(f, '', context);
  await page.click("text=Load the guide's sample");
  await step(page, 'redis');
  await page.fill('[name="redis.password"]', 'Clip-Secret-9');
  await tab(page, 'commands');
  await page.click('button[aria-label="Copy commands"]');
  await page.waitForFunction(() => document.querySelector('#panel-commands .copied')?.textContent.startsWith('Copied'));
  assert.match(await page.textContent('#panel-commands .copied'), /with the real secrets/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes('Clip-Secret-9'), 'copy carries the real secret');
  assert.ok(!(await preview(page, 'commands')).includes('Clip-Secret-9'), 'the preview masks it');
  await page.check('[name="ui.showSecrets"]');
  assert.equal(copied, await preview(page, 'commands'), 'with secrets shown, the preview is exactly what was copied');
  // One block on its own, with visible feedback.
  await page.click('button[aria-label="Copy block: Wait for the rollout"]');
  await page.waitForFunction(() => document.querySelector('.blocks .copied')?.textContent === 'Copied: Wait for the rollout');
  const block = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(block, /^kubectl rollout status statefulset\/ixn-100-sts/);
  assert.ok((await preview(page, 'commands')).includes(block), 'the block is part of the script');
  for (const which of ['values', 'secrets']) {
    await tab(page, which);
    await page.click(`button[aria-label="Copy ${which}"]`);
    await page.waitForFunction((w) => document.querySelector(`#panel-${w} .copied`)?.textContent.startsWith('Copied'), which);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await preview(page, which));
  }
  // secrets.json is one JSON document, a List that kubectl apply -f takes whole.
  const secrets = JSON.parse(await preview(page, 'secrets'));
  assert.equal(secrets.kind, 'List');
  assert.deepEqual(secrets.items.map((s) => s.metadata.name), ['pullsecret', 'redis-ors-secret', 'kafka-shared-secret']);
  await page.close();
});

test('downloads carry the real text under sensible names, and everything as one archive', async () => {
  const { page } = await portal(f);
  await page.fill('[name="tenant.sid"]', '55');
  await step(page, 'kafka');
  await page.fill('[name="kafka.password"]', 'Dl-Secret-5');
  await page.fill('[name="kafka.username"]', 'k');
  await tab(page, 'values');
  let [download] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Download override_values.yaml"]')]);
  assert.equal(download.suggestedFilename(), 'override_values.yaml');
  await page.check('[name="ui.showSecrets"]');
  assert.equal(await readFile(await download.path(), 'utf8'), await preview(page, 'values'));
  await page.uncheck('[name="ui.showSecrets"]');
  await tab(page, 'commands');
  [download] = await Promise.all([page.waitForEvent('download'), page.click('button[aria-label="Download deploy.sh"]')]);
  assert.equal(download.suggestedFilename(), 'deploy.sh');
  assert.ok((await readFile(await download.path(), 'utf8')).includes('Dl-Secret-5'));
  await page.click('nav.steps a[href="#/review"]');
  [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download everything (.tar)')]);
  assert.equal(download.suggestedFilename(), 'ixn-55.tar');
  const tar = await readFile(await download.path());
  const names = [];
  for (let off = 0; off + 512 <= tar.length && tar[off] !== 0;) {
    const name = tar.subarray(off, off + 100).toString().replace(/\0.*$/s, '');
    const size = parseInt(tar.subarray(off + 124, off + 136).toString().replace(/\0.*$/s, ''), 8);
    names.push(name);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  assert.deepEqual(names, ['ixn-55/override_values.yaml', 'ixn-55/deploy.sh', 'ixn-55/secrets.json', 'ixn-55/values.schema.json']);
  await page.close();
});
