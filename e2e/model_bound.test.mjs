// Widgets render from the model: after an import, an undo or a share link, every box
// shows what the preview shows, and editing one field never writes another's stale
// text back (the Consul host and DB TLS boxes once kept a copy of their own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, portal, step, preview, assertClean, openIo, importText } from './fixture.mjs';

const f = fixture();
const HOST = 'input[type="text"][name="ixnService.ixnNode.consul.host"]';
const HOST_MODE = (m) => `input[name="ixnService.ixnNode.consul.host.mode"][value="${m}"]`;
const TLS = 'textarea[name="ixnService.ixnNode.db.options.ssl"]';
const TLS_MODE = 'select[name="ixnService.ixnNode.db.options.ssl.mode"]';

function file(host, server) {
  return `ixnService:
  ixnNode:
    consul:
      host: ${host}
    db:
      options:
        ssl:
          rejectUnauthorized: false
          servername: ${server}
`;
}

/** The two boxes show `host` and options naming `server`, as the preview does. */
async function shows(page, host, server) {
  await step(page, 'consul');
  assert.equal(await page.isChecked(HOST_MODE('literal')), true);
  assert.equal(await page.inputValue(HOST), host);
  await step(page, 'databases');
  assert.equal(await page.inputValue(TLS_MODE), 'custom');
  assert.match(await page.inputValue(TLS), new RegExp(`servername: ${server.replace(/\./g, '\\.')}`));
  const values = await preview(page, 'values');
  assert.match(values, new RegExp(`host: ${host.replace(/\./g, '\\.')}\\n`));
  assert.match(values, new RegExp(`servername: ${server.replace(/\./g, '\\.')}`));
}

/** Editing the host keeps the options, and editing the options keeps the host. */
async function editsKeepTheOther(page, host, server) {
  await step(page, 'consul');
  await page.fill(HOST, `${host}.edited`);
  await step(page, 'databases');
  assert.match(await page.inputValue(TLS), new RegExp(`servername: ${server.replace(/\./g, '\\.')}`));
  await page.fill(TLS, `servername: ${server}.edited`);
  await step(page, 'consul');
  assert.equal(await page.inputValue(HOST), `${host}.edited`);
  const values = await preview(page, 'values');
  assert.match(values, new RegExp(`host: ${host.replace(/\./g, '\\.')}\\.edited\\n`));
  assert.match(values, new RegExp(`servername: ${server.replace(/\./g, '\\.')}\\.edited`));
}

test('the Consul host and DB TLS boxes show an import, an undo and a share link, and an edit keeps the other', async () => {
  const { page, problems } = await portal(f);
  // Both widgets are mounted and touched before any import: a copy taken at mount
  // time, or the browser's memory of a picked option, would now be stale.
  await step(page, 'consul');
  await page.check(HOST_MODE('literal'));
  await page.fill(HOST, 'typed.consul');
  await step(page, 'databases');
  await page.selectOption(TLS_MODE, 'custom');
  await page.fill(TLS, 'servername: typed.pg');
  await page.selectOption(TLS_MODE, 'on');

  await importText(page, file('consul.first', 'pg.first'), /Imported 1 file/);
  await shows(page, 'consul.first', 'pg.first');
  await importText(page, file('consul.second', 'pg.second'), /Imported 1 file/);
  await shows(page, 'consul.second', 'pg.second');
  await editsKeepTheOther(page, 'consul.second', 'pg.second');

  // Undo goes back to the state before the second import: the boxes follow.
  await page.click('text=Undo the import');
  await shows(page, 'consul.first', 'pg.first');
  await editsKeepTheOther(page, 'consul.first', 'pg.first');

  // A mode switch and back brings the last text back, from the model.
  await step(page, 'consul');
  await page.check(HOST_MODE('node-ip'));
  assert.match(await preview(page, 'values'), /fieldPath: status\.hostIP/);
  await page.check(HOST_MODE('literal'));
  assert.equal(await page.inputValue(HOST), 'consul.first.edited');
  await step(page, 'databases');
  await page.selectOption(TLS_MODE, 'off');
  await page.selectOption(TLS_MODE, 'custom');
  assert.match(await page.inputValue(TLS), /servername: pg\.first\.edited/);

  // A share link opens with both, in a page whose widgets were mounted with other values.
  await openIo(page);
  await page.click('text=Copy link');
  await page.waitForFunction(() => document.querySelector('#share-link').value.includes('#s='));
  const link = await page.inputValue('#share-link');
  const { page: other, problems: otherProblems } = await portal(f, new URL(link).hash);
  await shows(other, 'consul.first.edited', 'pg.first.edited');
  await editsKeepTheOther(other, 'consul.first.edited', 'pg.first.edited');
  // Opening the link where answers were typed, then going back to them, shows those.
  await other.waitForTimeout(50);
  const again = await other.context().newPage();
  await again.goto(link);
  await again.waitForSelector('#preview-values');
  await shows(again, 'consul.first.edited', 'pg.first.edited');
  await again.click('#notice >> text=Back to your own answers');
  await shows(again, 'consul.first.edited.edited', 'pg.first.edited.edited');
  await editsKeepTheOther(again, 'consul.first.edited.edited', 'pg.first.edited.edited');

  await assertClean(page, problems);
  await assertClean(other, otherProblems);
  await other.context().close();
  await page.context().close();
});
