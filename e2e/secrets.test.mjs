// Secrets are never shown unasked: the admin types a distinctive secret into every
// secret field, walks every step and every preview tab, and none of them is in the
// page's text or in any attribute while "Show secrets" is off. Secret inputs are
// password inputs with their own Show/Hide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, portal, step, tab, assertClean, STEPS } from './fixture.mjs';

const f = fixture();

// Field name → the step it is on, and a secret nobody else would type.
const SECRETS = {
  'deploy.chartPassword': ['tenant', 'Zq1-chart-Pw'],
  'registry.password': ['cluster', 'Zq2-registry-Pw'],
  'db.ownerPassword': ['databases', 'Zq3-owner-Pw'],
  'db.adminPassword': ['databases', 'Zq4-admin-Pw'],
  'redis.password': ['redis', 'Zq5-redis-Pw'],
  'kafka.password': ['kafka', 'Zq6-kafka-Pw'],
};
const TABS = ['values', 'commands', 'secrets', 'gitops', 'map', 'ops'];

/** Where in the DOM any of `words` appears: text, attribute values, or a visible input's value. */
async function leaks(page, words) {
  return page.evaluate((words) => {
    const found = [];
    const text = document.body.textContent;
    for (const w of words) if (text.includes(w)) found.push(`${w} in the text`);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        for (const w of words) if (a.value.includes(w)) found.push(`${w} in ${el.tagName}[${a.name}]`);
      }
      if ((el.tagName === 'INPUT' && el.type !== 'password') || el.tagName === 'TEXTAREA') {
        for (const w of words) if (el.value.includes(w)) found.push(`${w} shown in ${el.name || el.id} (type ${el.type})`);
      }
    }
    return found;
  }, words);
}

test('with "Show secrets" off, no secret typed anywhere is in the DOM text or any attribute', async () => {
  const { page, problems } = await portal(f);
  await page.click("text=Load the guide's sample");
  await page.selectOption('[name="deploy.chartSource"]', 'repo');
  await step(page, 'cluster');
  await page.check('[name="registry.create"]');
  await step(page, 'databases');
  await page.check('[name="db.bootstrap"]');
  for (const [name, [slug, secret]] of Object.entries(SECRETS)) {
    await step(page, slug);
    const input = page.locator(`[name="${name}"]`);
    assert.equal(await input.getAttribute('type'), 'password', `${name} is a password input`);
    await input.fill(secret);
  }
  // The database secret passwords: derived from the owner's (their hint repeats it),
  // and an override typed there.
  await step(page, 'databases');
  const derived = page.locator('[name="ixnService.ixnNode.secrets.db.password"]');
  assert.equal(await derived.getAttribute('type'), 'password');
  assert.match(await derived.getAttribute('placeholder'), /^derived: •+$/);
  const override = page.locator('[name="ixnService.ixnServer.secrets.db.password"]');
  assert.equal(await override.getAttribute('type'), 'password');
  await override.fill('Zq7-override-Pw');
  const words = [...Object.values(SECRETS).map(([, s]) => s), 'Zq7-override-Pw'];
  for (const slug of STEPS) {
    await step(page, slug);
    for (const t of TABS) {
      await tab(page, t);
      // The worker computes the runbook: check what it shows, not an empty tab.
      if (t === 'ops') await page.waitForSelector('#ops-preflight');
      assert.deepEqual(await leaks(page, words), [], `step ${slug}, tab ${t}`);
    }
  }
  // The Changes view against the chart defaults, with real values (no placeholders):
  // the guide's chart has no ixnNode.secrets, so that mapping is one added line, and
  // the passwords inside it are masked there too.
  await step(page, 'tenant');
  await page.uncheck('[name="deploy.placeholders"]');
  await step(page, 'review');
  await page.click('#changes summary');
  await page.waitForSelector('#changes-report .change-list');
  assert.match(await page.textContent('#changes-report'), /ixnService\.ixnNode\.secrets: \{db: \{[^}]*password: ••••••/);
  assert.deepEqual(await leaks(page, words), [], 'the Changes view');
  // The field's own Show reveals it there, and its hint; Hide masks it again.
  await step(page, 'databases');
  const show = page.locator('button[aria-label="Show Owner role password"]');
  await show.click();
  assert.equal(await page.locator('[name="db.ownerPassword"]').getAttribute('type'), 'text');
  assert.equal(await show.getAttribute('aria-pressed'), 'true');
  await show.click();
  assert.equal(await page.locator('[name="db.ownerPassword"]').getAttribute('type'), 'password');
  await page.locator('.field[data-key="ixnService.ixnNode.secrets.db.password"] button[aria-pressed]').first().click();
  assert.equal(await derived.getAttribute('placeholder'), 'derived: Zq3-owner-Pw');
  // Asked for: "Show secrets" shows them in the previews.
  await page.check('[name="ui.showSecrets"]');
  await tab(page, 'secrets');
  assert.match(await page.textContent('#preview-secrets'), /Zq5-redis-Pw/);
  await assertClean(page, problems);
});

test('a password the chart-made secret would put into the values file says so, and offers the existing-secret way', async () => {
  const { page, problems } = await portal(f);
  await page.click("text=Load the guide's sample");
  await step(page, 'databases');
  await page.fill('[name="db.ownerPassword"]', 'Zq8-owner-Pw');
  const note = page.locator('.field[data-key="ixnService.ixnServer.secrets.db.password"] .note');
  assert.ok(await note.isVisible());
  assert.match(await note.textContent(), /written into override_values\.yaml/);
  await note.locator('button', { hasText: 'Use an existing secret' }).click();
  assert.equal(await page.isChecked('[name="db.chartSecrets"]'), false);
  assert.ok(!(await note.isVisible()), 'no password goes into the file now');
  await page.check('[name="ui.showSecrets"]');
  assert.doesNotMatch(await page.textContent('#preview-values'), /Zq8-owner-Pw/);
  await tab(page, 'commands');
  const commands = await page.textContent('#preview-commands');
  assert.match(commands, /kubectl apply --namespace ixn -f - <<'EOF'\n\{\n  "apiVersion": "v1",\n  "kind": "Secret",\n  "metadata": \{\n    "name": "ixn-db-secret-100"/);
  assert.match(commands, /"password": "Zq8-owner-Pw"/);
  await assertClean(page, problems);
});
