// Shared set-up for the end-to-end tests: the release build served under a sub-path
// with a strict CSP, one headless Chromium, and helpers that act as a user would.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

export const STEPS = ['tenant', 'cluster', 'databases', 'redis', 'kafka', 'consul', 'ports', 'resources',
  'observability', 'scheduling', 'chart', 'review'];

/** Starts the server and browser for a test file. */
export function fixture() {
  const f = { server: null, browser: null };
  before(async () => {
    f.server = await serve(fileURLToPath(new URL('../dist/', import.meta.url)), '/tools/ixn/');
    f.browser = await launch();
  });
  after(async () => {
    await f.browser?.close();
    await f.server?.close();
  });
  return f;
}

/** A fresh browser context: its own storage, as a new visitor has. */
export async function freshContext(f, options = {}) {
  return f.browser.newContext({ acceptDownloads: true, ...options });
}

/**
 * Opens the portal in a new page of `context` (a fresh context by default);
 * `problems` collects what must stay empty.
 */
export async function portal(f, hash = '', context = null) {
  const ctx = context ?? (await freshContext(f));
  const opened = await open(ctx, f.server.url + hash);
  return { ...opened, context: ctx };
}

/** Goes to a step through its link in the step list, as a user would. */
export async function step(page, slug) {
  await page.click(`nav.steps a[href="#/${slug}"]`);
  await page.waitForSelector(`#step-${slug}:not([hidden])`);
}

/** Opens the "Import, share and save" panel, as a user would. */
export async function openIo(page) {
  if ((await page.getAttribute('#io', 'open')) === null) await page.click('#io summary');
}

/** Pastes `text` into the import box, presses Import, and waits until the report matches `done`. */
export async function importText(page, text, done = /Imported|Nothing was imported/) {
  await openIo(page);
  await page.fill('textarea[name="import.text"]', text);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#import-report')?.textContent ?? ''), done.source);
}

/** The text of a preview element. */
export async function preview(page, which) {
  return page.textContent(`#preview-${which}`);
}

/** A command script as bash reads it: `\`-newline continuations joined. */
export function joined(script) {
  return script.replace(/ \\\n\s+/g, ' ');
}

/** Shows a preview tab. */
export async function tab(page, which) {
  await page.click(`#tab-${which}`);
}

/** Asserts nothing went wrong: no console or page errors, CSP violations, foreign requests or 404s. */
export async function assertClean(page, problems) {
  problems.csp = await page.evaluate(() => window.__csp);
  for (const [kind, list] of Object.entries(problems)) {
    assert.deepEqual(list, [], `${kind}: ${list.join('\n')}`);
  }
}

const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(AXE);
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target).join(', ')}`);
  });
}
