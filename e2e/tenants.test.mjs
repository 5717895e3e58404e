// The Tenants panel and the worker: a pasted tenants file becomes a table of rows with
// each row's findings (file, line, column, field), "Download all tenants" is the same
// files, bytes and modes as `ixn-portal batch --keep-going --out` for the same base
// profile and tenants file (Script and Git deliveries), the file is kept in this browser,
// and the worker wasm is not fetched until a page needs it.
// scripts/test.sh builds the binary first (cargo build --release -p ixn-portal-cli).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture, portal, step, tab, assertClean } from './fixture.mjs';

const f = fixture();
const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release', 'ixn-portal');

/** Names (ustar prefix joined), modes and bytes of a tar archive. */
function untar(buf) {
  const out = new Map();
  for (let off = 0; off + 512 <= buf.length && buf[off] !== 0;) {
    const field = (a, b) => buf.subarray(off + a, off + b).toString().replace(/\0.*$/s, '');
    const size = parseInt(field(124, 136), 8);
    const prefix = field(345, 500);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    out.set(name, { mode: parseInt(field(100, 108), 8), data: buf.subarray(off + 512, off + 512 + size) });
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** Every file under `dir`, by relative path, with its mode and bytes. */
function walk(dir, base = dir, out = new Map()) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, base, out);
    else out.set(p.slice(base.length + 1), { mode: st.mode & 0o777, data: readFileSync(p) });
  }
  return out;
}

const CSV = 'tenant.sid,deploy.namespace,ixnService.ixnServer.db.name\n101,ixn-101,ixn_101\n102,ixn-102,ixn_102\n101,ixn-103,ixn_103\n104,ixn-104,ixn_104\n';

/** The sample with the secrets set, on the Review step, with the tenants pasted. */
async function withTenants(page, csv = CSV, shown = '#tenants-table') {
  await page.click("text=Load the guide's sample");
  // What the sample leaves to the user, so that its rows render.
  await page.fill('[name="deploy.chartRepoUrl"]', 'https://charts.example.com/ixn');
  await page.fill('[name="deploy.chartVersion"]', '100.0.1');
  await step(page, 'cluster');
  await page.fill('[name="registry.username"]', 'robot');
  await page.fill('[name="registry.password"]', 'Reg-S3cret');
  await step(page, 'databases');
  await page.fill('[name="ixnService.ixnServer.db.host"]', 'pg.example');
  await page.fill('[name="ixnService.ixnNode.db.host"]', 'pg.example');
  // The guide's sample leaves the databases to the chart's dbinit; the portal's
  // bootstrap (and its admin password) is what these batches run.
  await page.check('[name="db.bootstrap"]');
  await page.fill('[name="db.adminPassword"]', "Adm'n-S3cret");
  await step(page, 'redis');
  await page.fill('[name="redis.password"]', 'R3dis-"$x');
  await step(page, 'review');
  await page.fill('#tenants-text', csv);
  await page.waitForSelector(shown);
}

async function profileOf(page) {
  if ((await page.getAttribute('#io', 'open')) === null) await page.click('#io summary');
  await page.check('[name="ui.profileSecrets"]');
  const [profile] = await Promise.all([page.waitForEvent('download'), page.click('text=Download profile (JSON)')]);
  return readFile(await profile.path());
}

async function allTenants(page) {
  await page.waitForSelector('#tenants-download:not([disabled])');
  const [tar] = await Promise.all([page.waitForEvent('download'), page.click('#tenants-download')]);
  return { name: tar.suggestedFilename(), files: untar(await readFile(await tar.path())) };
}

/** `ixn-portal batch --keep-going` of the same profile and tenants file (and secrets file). */
async function cliBatch(profile, csv, secrets = null) {
  assert.ok(existsSync(BIN), `${BIN} is missing: cargo build --release -p ixn-portal-cli`);
  const dir = await mkdtemp(join(tmpdir(), 'ixn-batch-e2e-'));
  await writeFile(join(dir, 'profile.json'), profile);
  await writeFile(join(dir, 'tenants'), csv);
  const extra = [];
  if (secrets !== null) {
    await writeFile(join(dir, 'secrets.yaml'), secrets);
    extra.push('--secrets-file', 'secrets.yaml');
  }
  try {
    execFileSync(BIN, ['batch', '--base', 'profile.json', '--tenants', 'tenants', '--out', 'out', '--keep-going', '-q', ...extra], { cwd: dir, stdio: 'pipe' });
  } catch (e) {
    // A failed row makes the exit code 1; the good rows are written.
    assert.equal(e.status, 1, String(e.stderr));
  }
  return walk(join(dir, 'out'));
}

function assertSameFiles(portalFiles, cliFiles) {
  const got = new Map([...portalFiles].map(([n, v]) => [n.replace(/^ixn-tenants\//, ''), v]));
  assert.deepEqual([...got.keys()].sort(), [...cliFiles.keys()].sort());
  for (const [name, { mode, data }] of cliFiles) {
    const p = got.get(name);
    assert.ok(p.data.equals(data), `${name}: the same bytes as ixn-portal batch`);
    // The CLI's file modes pass through this process's umask (022 at most).
    assert.equal(p.mode & ~0o022, mode & ~0o022, `${name}: mode ${p.mode.toString(8)} vs ${mode.toString(8)}`);
  }
}

test('the Tenants panel: rows and findings by line and column, and Download all tenants equals ixn-portal batch', async () => {
  const { page, problems, context } = await portal(f);
  await withTenants(page);
  assert.match(await page.textContent('#tenants-summary'), /4 rows: 3 ready, 1 with errors/);
  const bad = page.locator('#tenants-table tr[data-row="3"]');
  assert.match(await bad.textContent(), /errors/);
  // The repeated sid: the row, the cell (line 4, column 1) and the field are named.
  assert.match(await bad.textContent(), /tenants:4:1: tenant\.sid \(error\): the tenant sid "101" is also row 1's/);
  const { name, files } = await allTenants(page);
  assert.equal(name, 'ixn-tenants.tar');
  assert.match(await page.textContent('#tenants-status'), /3 tenants rendered; 1 row with errors left out/);
  assert.ok(files.has('ixn-tenants/ixn-101/override_values.yaml'), [...files.keys()].join(' '));
  assert.ok(!files.has('ixn-tenants/ixn-101-2/override_values.yaml'));
  assert.equal(files.get('ixn-tenants/ixn-102/deploy.sh').mode, 0o700);
  assert.match(files.get('ixn-tenants/tenants.csv').data.toString(), /\n3,failed,/);
  assertSameFiles(files, await cliBatch(await profileOf(page), CSV));
  await assertClean(page, problems);
  await context.close();
});

test('a per-tenant secrets file in the panel: each tenant its own passwords, the same bytes as batch --secrets-file, kept in memory only', async () => {
  const { page, problems, context } = await portal(f);
  const csv = 'tenant.sid,deploy.namespace,ixnService.ixnServer.db.name\n101,ixn-101,ixn_101\n102,ixn-102,ixn_102\n';
  await withTenants(page, csv);
  const SECRETS = 'redis.password: All-R3dis\ntenants:\n  "101":\n    redis.password: Only-101-R3dis\n    db.adminPassword: "Adm-101\'x"\n';
  await page.setInputFiles('#tenants-secrets', { name: 'secrets.yaml', mimeType: 'text/yaml', buffer: Buffer.from(SECRETS) });
  await page.waitForFunction(() => /Using secrets\.yaml/.test(document.querySelector('#tenants-secrets-status')?.textContent ?? ''));
  await page.waitForFunction(() => /2 rows: 2 ready/.test(document.querySelector('#tenants-summary')?.textContent ?? ''));
  const { files } = await allTenants(page);
  const of = (n) => files.get(`ixn-tenants/${n}`).data.toString();
  assert.match(of('ixn-101/deploy.sh'), /Only-101-R3dis/);
  assert.doesNotMatch(of('ixn-101/deploy.sh'), /All-R3dis/);
  assert.match(of('ixn-102/deploy.sh'), /All-R3dis/);
  assert.doesNotMatch(of('ixn-102/deploy.sh'), /Only-101/);
  // Byte for byte what the CLI writes with the same file.
  const profile = await profileOf(page);
  assertSameFiles(files, await cliBatch(profile, csv, SECRETS));
  // Never in this browser's storage, a link or a profile.
  const stored = await page.evaluate(() => Object.values(localStorage).join('\n'));
  assert.doesNotMatch(stored, /Only-101|All-R3dis/);
  assert.doesNotMatch(profile.toString(), /Only-101|All-R3dis/);
  // A reload forgets it: every tenant gets the answers' password again.
  await page.reload();
  await step(page, 'review');
  assert.equal(await page.locator('#tenants-secrets-status').count(), 0);
  // A sid the rows lack is refused, where the CLI refuses it too.
  await page.setInputFiles('#tenants-secrets', { name: 's.yaml', mimeType: 'text/yaml', buffer: Buffer.from('tenants:\n  "109":\n    redis.password: x\n') });
  await page.waitForFunction(() => /s\.yaml: tenants\.109 matches no row's tenant\.sid/.test(document.querySelector('#tenants-report')?.textContent ?? ''));
  // Where the file is wrong, said at its line and column without the value.
  await page.setInputFiles('#tenants-secrets', { name: 's.yaml', mimeType: 'text/yaml', buffer: Buffer.from('redis.password:hunter2: x\n') });
  await page.waitForFunction(() => /s\.yaml:1:1: /.test(document.querySelector('#tenants-report')?.textContent ?? ''));
  assert.doesNotMatch(await page.textContent('#tenants-report'), /hunter2/);
  await page.click('text=Stop using it');
  await page.waitForSelector('#tenants-table');
  await assertClean(page, problems);
  await context.close();
});

test('a Git delivery batch: one ApplicationSet, every tenant folder and the seed, as ixn-portal batch writes them', async () => {
  const { page, problems, context } = await portal(f);
  const csv = 'tenant.sid,deploy.namespace\n201,ixn-201\n202,ixn-202\n';
  await withTenants(page, csv);
  await page.selectOption('[name="deploy.delivery"]', 'argocd');
  await page.fill('[name="gitops.repoUrl"]', 'https://git.example.com/ixn.git');
  await page.waitForFunction(() => /2 rows: 2 ready/.test(document.querySelector('#tenants-summary')?.textContent ?? ''));
  const { files } = await allTenants(page);
  assert.ok(files.has('ixn-tenants/git/applicationset.yaml'), [...files.keys()].join(' '));
  assert.match(files.get('ixn-tenants/git/applicationset.yaml').data.toString(), /kind: ApplicationSet[\s\S]*release: ixn-202/);
  assert.equal(files.get('ixn-tenants/seed-secret-store.sh').mode, 0o700);
  for (const [n, { data }] of files) {
    if (n.includes('/git/')) assert.ok(!data.toString().includes('R3dis-'), `${n} holds no secret`);
  }
  assertSameFiles(files, await cliBatch(await profileOf(page), csv));
  await assertClean(page, problems);
  await context.close();
});

test('bad tenants files are named where they break, and the file is kept in this browser without secrets', async () => {
  const { page, problems, context } = await portal(f);
  await withTenants(page, 'tenant.sid,redis.password\n1,x\n', '#tenants-report .finding.error');
  assert.match(await page.textContent('#tenants-report'), /redis\.password is a credential; secrets never go in the tenants file/);
  await page.fill('#tenants-text', 'tenant.sid,consul.connect\n301,perhaps\n');
  await page.waitForFunction(() => /1 with errors/.test(document.querySelector('#tenants-summary')?.textContent ?? ''));
  assert.match(await page.textContent('#tenants-table'), /tenants:2:5: consul\.connect \(error\): "perhaps" is not true or false/);
  assert.equal(await page.isDisabled('#tenants-download'), true, 'nothing to render');
  await page.reload();
  await step(page, 'review');
  assert.equal(await page.inputValue('#tenants-text'), 'tenant.sid,consul.connect\n301,perhaps\n');
  const saved = await page.evaluate(() => localStorage.getItem('ixn-portal.tenants'));
  assert.ok(!saved.includes('R3dis'), 'no secret in the saved tenants');
  await assertClean(page, problems);
  await context.close();
});

test('the worker wasm is fetched only when a page needs it', async () => {
  const { page, problems, context } = await portal(f);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('ixn-worker')) fetched.push(r.url()); });
  await page.click("text=Load the guide's sample");
  await step(page, 'review');
  await tab(page, 'gitops');
  await tab(page, 'values');
  await page.waitForTimeout(300);
  assert.deepEqual(fetched, [], 'Script mode, no tenants: no worker');
  await page.selectOption('[name="deploy.delivery"]', 'flux');
  await tab(page, 'gitops');
  await page.waitForSelector('#panel-gitops button:text-is("ixn/ixn-100/release/helm-release.yaml")');
  assert.ok(fetched.some((u) => u.endsWith('ixn-worker_bg.wasm')), fetched.join(' '));
  await assertClean(page, problems);
  await context.close();
});

test('forty tenants in one namespace: its shared Secrets once, the same as ixn-portal batch, and the base warning said once', async () => {
  const { page, problems, context } = await portal(f);
  const rows = Array.from({ length: 40 }, (_, i) => `${400 + i},ixn-shared`);
  const csv = `tenant.sid,deploy.namespace\n${rows.join('\n')}\n`;
  await withTenants(page, csv);
  await page.selectOption('[name="deploy.delivery"]', 'argocd');
  await page.fill('[name="gitops.repoUrl"]', 'https://git.example.com/ixn.git');
  await page.selectOption('[name="deploy.secretsFrom"]', 'external-secrets');
  await page.fill('[name="store.gcpProject"]', 'my-project');
  await page.waitForFunction(() => /^40 rows: 40 ready, 0 with errors\.$/.test(document.querySelector('#tenants-summary')?.textContent ?? ''));
  // The chart-made DB secrets warning belongs to the current answers: said once, not per row.
  const common = await page.textContent('#tenants-common');
  assert.match(common, /db\.chartSecrets \(warning\): .*\(every row\)/);
  assert.equal(await page.locator('#tenants-table .finding').count(), 0, 'no row repeats it');
  assert.equal(await page.locator('#tenants-table tr.tenant-row.ready').count(), 40);
  const { files } = await allTenants(page);
  const declared = [...files].filter(([n, { data }]) => n.includes('/git/') && /kind: ExternalSecret[\s\S]*name: redis-ors-secret\n/.test(data.toString()));
  assert.equal(declared.length, 1, declared.map(([n]) => n).join(' '));
  assert.match(declared[0][1].data.toString(), /key: ixn-shared-shared-redis-password/);
  const seed = files.get('ixn-tenants/seed-secret-store.sh').data.toString();
  assert.equal(seed.split('put ixn-shared-shared-redis-password\n').length - 1, 1, 'the store entry is put once');
  assertSameFiles(files, await cliBatch(await profileOf(page), csv));
  await assertClean(page, problems);
  await context.close();
});

test('two tenants of one namespace that give redis-ors-secret other contents are refused by the panel and the CLI alike', async () => {
  const { page, problems, context } = await portal(f);
  const csv = 'tenant.sid,deploy.namespace,redis.servername\n501,ns,\n502,ns,other.redis.example\n';
  await withTenants(page, csv, '#tenants-table .finding.error');
  const message = /tenants:3:8: redis\.servername \(error\): redis-ors-secret is one Secret for every tenant in namespace ns, and row 1 gives it another Redis servername \("[^"]*" there, "other\.redis\.example" here\)/;
  assert.match(await page.textContent('#tenants-table tr[data-row="2"]'), message);
  assert.match(await page.textContent('#tenants-summary'), /2 rows: 1 ready, 1 with errors/);
  // The command line says the same of the same rows.
  const dir = await mkdtemp(join(tmpdir(), 'ixn-shared-e2e-'));
  await writeFile(join(dir, 'profile.json'), await profileOf(page));
  await writeFile(join(dir, 'tenants'), csv);
  let err = '';
  try {
    execFileSync(BIN, ['batch', '--base', 'profile.json', '--tenants', 'tenants', '--out', 'out'], { cwd: dir, stdio: 'pipe' });
  } catch (e) {
    assert.equal(e.status, 1);
    err = String(e.stderr);
  }
  assert.match(err, /tenants:3:8: row 2, redis\.servername: error: redis-ors-secret is one Secret for every tenant in namespace ns, and row 1 gives it another Redis servername/);
  assert.ok(!existsSync(join(dir, 'out')), 'nothing written');
  await assertClean(page, problems);
  await context.close();
});
