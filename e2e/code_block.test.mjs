// The previews' code blocks replace only the lines an edit changed. After every kind of
// edit (lines changed, added, removed, the whole file, a file past the highlighter's
// 48 KB and back) each block's text is exactly the file its Download button gives, and,
// toned, it holds one element per line, as a fresh render makes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture, portal, step, tab, openIo, assertClean } from './fixture.mjs';
import { inflatedFile } from './inflated.mjs';

const f = fixture();

/** The lines of `text` as the block holds them, each with its line break. */
const lines = (text) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

async function same(page, which, file, what) {
  await tab(page, which);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[aria-label="Download ${file}"]`)]);
  const want = readFileSync(await dl.path(), 'utf8');
  const got = await page.evaluate((id) => {
    const pre = document.querySelector(`#preview-${id}`);
    return { text: pre.textContent, lines: [...pre.children].map((c) => c.textContent) };
  }, which);
  assert.equal(got.text, want, `${what}: #preview-${which} is not ${file}`);
  if (want.length <= 48 * 1024) assert.deepEqual(got.lines, lines(want), `${what}: one element per line`);
  else assert.ok(got.lines.length <= 1, `${what}: past 48 KB the text is one piece`);
}

async function fill(page, name, value) {
  await page.evaluate(([n, v]) => {
    const el = document.querySelector(`[name="${n}"]`);
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, [name, value]);
}

test('after edits that change, add and remove lines, each preview is exactly its file, a line per element', async () => {
  const { page, problems, context } = await portal(f);
  await page.check('[name="ui.showSecrets"]');
  await page.click("text=Load the guide's sample");
  const both = async (what) => {
    await same(page, 'values', 'override_values.yaml', what);
    await same(page, 'commands', 'deploy.sh', what);
  };
  await both('the sample');
  // A line in the middle, typed a key at a time.
  for (const v of ['h', 'hi', 'hig', 'high', '']) await fill(page, 'ixnService.priorityClassName', v);
  await both('typed and cleared');
  // Lines added, then removed.
  await fill(page, 'ixnService.ixnServer.logStorage.mountPath', '/logs/a\nb');
  await both('a value over two lines');
  await step(page, 'observability');
  await page.click('[name="ixnService.prometheus.monitoringService.enabled"]');
  await both('a block added');
  await page.click('[name="ixnService.prometheus.monitoringService.enabled"]');
  await both('the block removed');
  // The whole file, then the first and last lines.
  await tab(page, 'values');
  await page.selectOption('#ui-form', 'full');
  await page.check('[name="ui.comments"]');
  await both('the full form with comments');
  await tab(page, 'values');
  await page.selectOption('#ui-form', 'minimal');
  await page.uncheck('[name="ui.comments"]');
  await fill(page, 'tenant.sid', '4242');
  await both('the tenant changed');
  // Past 48 KB (one plain text), typed in, and back.
  // Set in the page, as the benchmark does: typing 120 KB would take minutes.
  await openIo(page);
  await page.evaluate((t) => {
    const el = document.querySelector('textarea[name="import.text"]');
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, inflatedFile());
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForFunction(() => /Imported/.test(document.querySelector('#import-report')?.textContent ?? ''));
  await both('the inflated import');
  await fill(page, 'ixnService.priorityClassName', 'big');
  await both('typed in the inflated file');
  await page.getByRole('button', { name: 'Undo the import' }).click();
  await both('the import undone');
  await assertClean(page, problems);
  await context.close();
});
