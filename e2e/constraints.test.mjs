// Issue 23.12: what Kubernetes or Kafka would refuse is said where it is typed (an
// annotation key that is not a qualified name, a Kafka host longer than DNS allows),
// and the page's headings go down one level at a time with the Import panel open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixture, portal, step, tab, openIo, assertClean } from './fixture.mjs';

const f = fixture();
const AXE = readFileSync(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

test('an annotation key Kubernetes refuses and a too long Kafka host are errors at their fields', async () => {
  const { page, problems, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  await step(page, 'scheduling');
  const field = page.locator('.field[data-key="podAnnotations"]');
  await field.locator('button', { hasText: 'Add a row' }).click();
  await page.fill('[name="podAnnotations[0].key"]', 'evil"key');
  await page.fill('[name="podAnnotations[0].value"]', 'x');
  await page.waitForFunction(() => /is not a Kubernetes key/.test(document.querySelector('.field[data-key="podAnnotations"] .findings')?.textContent));
  assert.match(await field.locator('.findings').textContent(), /Error: .*the key "evil"key" is not a Kubernetes key/);
  await page.fill('[name="podAnnotations[0].key"]', 'example.com/team');
  await page.waitForFunction(() => !/Kubernetes key/.test(document.querySelector('.field[data-key="podAnnotations"] .findings')?.textContent));
  await step(page, 'kafka');
  await page.fill('[name="kafka.bootstrap"]', `${'k'.repeat(4995)}:9092`);
  await page.waitForFunction(() => /longer than a host name may be/.test(document.querySelector('#step-kafka')?.textContent));
  assert.match(await page.textContent('#step-kafka'), /4995 characters\) is longer than a host name may be/);
  await assertClean(page, problems);
  await context.close();
});

test('axe: heading levels go one at a time with the Import panel open, on Review and every tab', async () => {
  const { page, problems, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  await openIo(page);
  await step(page, 'review');
  await page.evaluate(AXE);
  const order = () => page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['heading-order'], resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target}`));
  });
  assert.deepEqual(await order(), [], 'Review');
  for (const t of ['values', 'commands', 'secrets', 'map', 'ops']) {
    await tab(page, t);
    if (t === 'ops') await page.waitForSelector('#ops-preflight');
    assert.deepEqual(await order(), [], `tab ${t}`);
  }
  await page.selectOption('[name="deploy.delivery"]', 'argocd');
  await tab(page, 'gitops');
  await page.waitForSelector('#preview-gitops');
  assert.deepEqual(await order(), [], 'tab gitops');
  await assertClean(page, problems);
  await context.close();
});
