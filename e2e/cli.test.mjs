// The command line against the portal's own download: the portal's "Download
// everything (.tar)" and `ixn-portal render` of the profile the portal saved give the
// same bytes, for the guide's sample and for hostile text in every kind of field.
// scripts/test.sh builds the binary first (cargo build --release -p ixn-portal-cli).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture, portal, step } from './fixture.mjs';

const f = fixture();
const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release', 'ixn-portal');

async function downloads(page) {
  if ((await page.getAttribute('#io', 'open')) === null) await page.click('#io summary');
  await page.check('[name="ui.profileSecrets"]');
  const [profile] = await Promise.all([page.waitForEvent('download'), page.click('text=Download profile (JSON)')]);
  await page.click('nav.steps a[href="#/review"]');
  const [tar] = await Promise.all([page.waitForEvent('download'), page.click('text=Download everything (.tar)')]);
  return { profile: await readFile(await profile.path()), tar: await readFile(await tar.path()), name: tar.suggestedFilename() };
}

async function sameAsCli(got, extra = []) {
  assert.ok(existsSync(BIN), `${BIN} is missing: cargo build --release -p ixn-portal-cli`);
  const dir = await mkdtemp(join(tmpdir(), 'ixn-cli-e2e-'));
  await writeFile(join(dir, 'profile.json'), got.profile);
  execFileSync(BIN, ['render', 'profile.json', '--tar', got.name, '--allow-errors', '-q', ...extra], { cwd: dir });
  const cli = await readFile(join(dir, got.name));
  assert.equal(cli.length, got.tar.length, 'same size');
  assert.ok(cli.equals(got.tar), 'the same bytes as the portal');
}

test("the guide's sample: the portal's .tar and ixn-portal render are the same bytes", async () => {
  const { page, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  await step(page, 'redis');
  await page.fill('[name="redis.password"]', 'R3dis-S3cret');
  const got = await downloads(page);
  assert.equal(got.name, 'ixn-100.tar');
  await sameAsCli(got);
  await context.close();
});

test('hostile text everywhere: still the same bytes', async () => {
  const { page, context } = await portal(f);
  await page.fill('[name="tenant.sid"]', '77');
  await page.fill('[name="tenant.id"]', `it's "q" $(rm -rf /) \`x\` \\ ü 🎉 #: - yes`);
  await page.fill('[name="deploy.namespace"]', 'ns-ü');
  await step(page, 'databases');
  await page.fill('[name="ixnService.ixnServer.db.host"]', '0100');
  await page.fill('[name="ixnService.ixnServer.db.name"]', "db'; DROP TABLE x; --");
  await page.fill('[name="db.ownerPassword"]', `p'w"d $HOME !x`);
  await step(page, 'kafka');
  await page.fill('[name="kafka.username"]', 'on');
  await page.fill('[name="kafka.password"]', 'k\\n"\'');
  const got = await downloads(page);
  assert.equal(got.name, 'ixn-77.tar');
  await sameAsCli(got);
  await context.close();
});

test('a Git delivery: the tree the worker makes is the same bytes as ixn-portal render', async () => {
  const { page, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  await step(page, 'redis');
  await page.fill('[name="redis.password"]', 'R3dis-"$x');
  await step(page, 'review');
  await page.selectOption('[name="deploy.delivery"]', 'flux');
  await page.selectOption('[name="deploy.secretsFrom"]', 'external-secrets');
  // One chart source for the commands and GitOps, on the first step: an OCI registry.
  await step(page, 'tenant');
  await page.selectOption('[name="deploy.chartSource"]', 'oci');
  await page.fill('[name="deploy.chart"]', 'oci://europe-docker.pkg.dev/p/charts/ixn');
  await step(page, 'review');
  const got = await downloads(page);
  assert.equal(got.name, 'ixn-100.tar');
  assert.ok(got.tar.includes(Buffer.from('ixn-100/git/ixn/ixn-100/release/helm-release.yaml')), 'the Flux tree');
  await sameAsCli(got);
  await context.close();
});
