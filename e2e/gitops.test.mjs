// The GitOps tab: the delivery settings on the Review step, the files one by one with
// the secrets masked, the file list following the mode, and Download everything as
// the Git tree plus seed-secret-store.sh (secret files private in the .tar).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fixture, portal, step, tab, assertClean } from './fixture.mjs';

const f = fixture();

/** Names, modes and contents of a ustar archive. */
function untar(buf) {
  const out = new Map();
  for (let off = 0; off + 512 <= buf.length && buf[off] !== 0;) {
    const field = (a, b) => buf.subarray(off + a, off + b).toString().replace(/\0.*$/s, '');
    const size = parseInt(field(124, 136), 8);
    out.set(field(0, 100), { mode: parseInt(field(100, 108), 8), text: buf.subarray(off + 512, off + 512 + size).toString() });
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

test('GitOps: Argo CD with External Secrets, previewed file by file and downloaded as the Git tree', async () => {
  const { page, problems, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  // The guide's sample leaves the databases to dbinit: the portal's bootstrap Job is on here.
  await step(page, 'databases');
  await page.check('[name="db.bootstrap"]');
  await step(page, 'tenant');
  await page.fill('[name="deploy.chartRepoUrl"]', 'https://charts.example.com/genesys');
  await step(page, 'redis');
  await page.fill('[name="redis.password"]', 'Git-S3cret-"$x');
  await step(page, 'review');
  assert.equal(await page.isVisible('[name="deploy.secretsFrom"]'), false, 'hidden in Script mode');
  await page.selectOption('[name="deploy.delivery"]', 'argocd');
  await page.selectOption('[name="deploy.secretsFrom"]', 'external-secrets');
  await page.selectOption('[name="deploy.secretStore"]', 'vault');
  // The chart source is one setting, on the Helm step: the GitOps settings link to it.
  assert.equal(await page.locator('[name="gitops.chartRepo"]').count(), 0, 'no second chart repository field');
  await page.click('#chart-source-link');
  await page.waitForFunction(() => document.activeElement?.name === 'deploy.chartRepoUrl');
  assert.equal(await page.inputValue('[name="deploy.chartRepoUrl"]'), 'https://charts.example.com/genesys');
  await step(page, 'review');
  await page.fill('[name="gitops.repoUrl"]', 'https://git.example.com/ixn.git');
  await page.fill('[name="store.vaultServer"]', 'https://vault.example.com:8200');
  await tab(page, 'gitops');
  // The worker makes the files: wait for them as a user would.
  await page.waitForSelector('#panel-gitops button:text-is("ixn/ixn-100/application.yaml")');
  const chips = await page.locator('#panel-gitops [aria-label="Files"] button').allTextContents();
  assert.ok(chips.includes('ixn/ixn-100/application.yaml'), chips.join(' '));
  assert.ok(chips.includes('ixn/ixn-100/manifests/external-secret-redis-ors-secret.yaml'), chips.join(' '));
  assert.equal(chips.at(-1), 'seed-secret-store.sh');
  assert.match(await page.textContent('#preview-gitops'), /kind: Application[\s\S]*valuesObject:/);
  await page.click('#panel-gitops button:text-is("ixn/ixn-100/manifests/external-secret-redis-ors-secret.yaml")');
  assert.match(await page.textContent('#preview-gitops'), /toJson/);
  await page.click('#panel-gitops button:text-is("seed-secret-store.sh")');
  const seed = await page.textContent('#preview-gitops');
  assert.match(seed, /vault kv put/);
  assert.ok(!seed.includes('Git-S3cret'), 'the preview masks the secret');
  // Download everything: the tree as in the repository, the seed beside it, private.
  const [download] = await Promise.all([page.waitForEvent('download'), (async () => { await step(page, 'review'); await page.click('text=Download everything (.tar)'); })()]);
  assert.equal(download.suggestedFilename(), 'ixn-100.tar');
  const files = untar(await readFile(await download.path()));
  const app = files.get('ixn-100/git/ixn/ixn-100/application.yaml');
  assert.ok(app, [...files.keys()].join(' '));
  assert.equal(app.mode, 0o644);
  const seedFile = files.get('ixn-100/seed-secret-store.sh');
  assert.equal(seedFile.mode, 0o700);
  assert.ok(seedFile.text.includes(`'Git-S3cret-"'\\$x`), 'the seed carries the real secret, quoted');
  for (const [name, { text }] of files) {
    if (name.startsWith('ixn-100/git/')) assert.ok(!text.includes('Git-S3cret'), `${name} holds no secret`);
    // Ready to commit: the Git tree under git/, the seed beside it and nothing else.
    assert.ok(name.startsWith('ixn-100/git/') || name === 'ixn-100/seed-secret-store.sh', name);
  }
  const readme = files.get('ixn-100/git/ixn/ixn-100/README.md');
  assert.ok(readme, [...files.keys()].join(' '));
  assert.match(readme.text, /kubectl apply -n argocd -f ixn\/ixn-100\/application\.yaml/);
  assert.match(readme.text, /never applied as manifests/);
  const account = files.get('ixn-100/git/ixn/ixn-100/manifests/service-account.yaml');
  assert.ok(account, 'the SecretStore\'s service account is made');
  assert.match(account.text, /kind: ServiceAccount[\s\S]*name: ixn-external-secrets/);
  assert.match(seedFile.text, /vault write auth\/kubernetes\/role\/ixn/);
  // The Kafka ExternalSecret pulls its values from the store.
  assert.match(files.get('ixn-100/git/ixn/ixn-100/manifests/external-secret-kafka-shared-secret.yaml').text, /data:\s*\n\s*- secretKey: bootstrap/);
  // The tab's own switch: Flux files.
  await tab(page, 'gitops');
  await page.selectOption('[name="ui.delivery"]', 'flux');
  await page.waitForSelector('#panel-gitops button:text-is("ixn/ixn-100/release/helm-release.yaml")');
  const flux = await page.locator('#panel-gitops [aria-label="Files"] button').allTextContents();
  assert.ok(flux.includes('ixn/ixn-100/release/helm-release.yaml'), flux.join(' '));
  assert.ok(flux.includes('ixn/ixn-100/flux/db-bootstrap.yaml'), flux.join(' '));
  await page.selectOption('[name="ui.delivery"]', 'script');
  assert.match(await page.textContent('#panel-gitops'), /Choose a delivery/);
  await assertClean(page, problems);
  await context.close();
});
