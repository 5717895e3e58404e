// What most visits never open is on-demand code: the worker wasm runs the operations
// runbook, the Changes view's diffs, the chart file's comment reader and sha256, the
// GitOps generators and the batches. The page's wasm does not carry them, a first load
// that opens none of them fetches no worker, and each still works once opened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixture, portal, step, tab, assertClean, STEPS } from './fixture.mjs';

const f = fixture();
const dist = (name) => readFileSync(fileURLToPath(new URL(`../dist/${name}`, import.meta.url)));

// Distinctive text (or constants) of each moved piece.
const MOVED = {
  'the operations runbook': ['Consul sidecar injection failed. Check that the pod has', 'the volume must sustain 100 MB/min'],
  'the metrics table': ['ixn_health_info_current_clients', 'ixnnode_redis_client_errors_total'],
  'the diffs and the comparisons': ['the deployed release sets this key and the new values drop it', 'the next version renames it to'],
  'the chart file digest (sha256)': ['sha256:'],
  'the GitOps generators': ['argocd.argoproj.io/hook-delete-policy', 'Argo CD ApplicationSet: one Application per IXN tenant'],
};

test('the page wasm carries none of the moved code; the worker wasm does', () => {
  const page = dist('ixn-portal-web_bg.wasm');
  const worker = dist('ixn-worker_bg.wasm');
  for (const [piece, marks] of Object.entries(MOVED)) {
    for (const m of marks) {
      assert.equal(page.indexOf(m), -1, `${piece}: ${m} is in the page's wasm`);
      assert.notEqual(worker.indexOf(m), -1, `${piece}: ${m} is not in the worker's wasm`);
    }
  }
});

test('a first load that opens no on-demand view fetches no worker and nothing else on demand', async () => {
  const { page, problems, context } = await portal(f);
  const fetched = [];
  page.on('request', (r) => { if (/ixn-worker|values\.schema\.json/.test(r.url())) fetched.push(r.url()); });
  await page.click("text=Load the guide's sample");
  // Every step but "Your chart", and every preview tab but Operations and GitOps.
  for (const s of STEPS.filter((s) => s !== 'chart')) await step(page, s);
  for (const t of ['values', 'commands', 'secrets', 'map']) await tab(page, t);
  await step(page, 'tenant');
  await page.fill('[name="tenant.sid"]', '101');
  await page.waitForTimeout(300);
  assert.deepEqual(fetched, [], 'nothing on demand');
  await assertClean(page, problems);
  await context.close();
});

test('opened, the Operations tab, the Changes view and the chart step start the worker and work', async () => {
  for (const open of ['ops', 'changes', 'chart']) {
    const { page, problems, context } = await portal(f);
    const fetched = [];
    page.on('request', (r) => { if (r.url().includes('ixn-worker')) fetched.push(r.url()); });
    await page.click("text=Load the guide's sample");
    if (open === 'ops') {
      await tab(page, 'ops');
      await page.waitForSelector('#ops-lifecycle [data-item="rollback"]');
      assert.match(await page.textContent('#ops-lifecycle'), /helm history ixn-100 --namespace ixn/);
      // The runbook follows the answers as they are typed.
      await step(page, 'tenant');
      await page.fill('[name="deploy.namespace"]', 'ixn-two');
      await page.waitForFunction(() => document.querySelector('#ops-lifecycle')?.textContent.includes('--namespace ixn-two'));
    } else if (open === 'changes') {
      await step(page, 'review');
      await page.click('#changes summary');
      await page.waitForSelector('#changes-report .change-list');
      assert.match(await page.textContent('#changes-report'), /Against the chart defaults: \d+ added, \d+ removed, \d+ changed\./);
    } else {
      await step(page, 'chart');
      await page.fill('#chart-text', 'replicaCount: 0\n# -- Extra environment.\nextraEnv: []\n');
      await page.click('text=Use these values');
      // Three keys look like an overlay, not a chart's values: the page asks first.
      await page.click('#chart-ask button:has-text("Use it as my chart anyway")');
      await page.waitForSelector('#chart-status.ok');
      assert.match(await page.textContent('[data-key="extraEnv"] .help'), /Extra environment\. list · chart default: \[\]/);
    }
    assert.ok(fetched.some((u) => u.endsWith('ixn-worker_bg.wasm')), `${open}: ${fetched.join(' ')}`);
    await assertClean(page, problems);
    await context.close();
  }
});

test('opening the Adopt panel\'s file chooser, or dragging files over it, starts the worker before the files come', async () => {
  for (const how of ['chooser', 'drag']) {
    const { page, problems, context } = await portal(f);
    const fetched = [];
    page.on('request', (r) => { if (r.url().includes('ixn-worker')) fetched.push(r.url()); });
    await step(page, 'review');
    await page.waitForTimeout(200);
    assert.deepEqual(fetched, [], 'the Review step alone starts no worker');
    if (how === 'chooser') {
      await Promise.all([page.waitForEvent('filechooser'), page.click('#adopt-files')]);
    } else {
      await page.dispatchEvent('#adopt-drop', 'dragenter', { dataTransfer: await page.evaluateHandle(() => new DataTransfer()) });
    }
    for (let t = 0; t < 50 && !fetched.some((u) => u.endsWith('ixn-worker_bg.wasm')); t++) await page.waitForTimeout(100);
    assert.ok(fetched.some((u) => u.endsWith('ixn-worker_bg.wasm')), `${how}: the worker was not started (${fetched.join(' ')})`);
    await assertClean(page, problems);
    await context.close();
  }
});
