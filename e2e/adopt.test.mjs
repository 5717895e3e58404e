// The Tenants panel's "Adopt the tenants already running": a 40-tenant Genesys
// repository dropped as a .tar gives the base profile, the rows and the proof that
// `ixn-portal adopt` gives for the same repository, and its download is the files the
// command writes, byte for byte; a .zip with ../ paths is refused and nothing is shown.
// Built from the published Genesys files in ../shared (skipped, saying so, without them).
// scripts/test.sh builds the binary first (cargo build --release -p ixn-portal-cli).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture, portal, step, assertClean } from './fixture.mjs';

const f = fixture();
const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release', 'ixn-portal');
const SHARED = join(root, '..', 'shared', 'reference', 'genesys-multicloud-services');

/** Names and bytes of a tar archive (ustar prefix joined; PAX paths read). */
function untar(buf) {
  const out = new Map();
  let long = null;
  for (let off = 0; off + 512 <= buf.length && buf[off] !== 0;) {
    const field = (a, b) => buf.subarray(off + a, off + b).toString().replace(/\0.*$/s, '');
    const size = parseInt(field(124, 136), 8);
    const prefix = field(345, 500);
    const body = buf.subarray(off + 512, off + 512 + size);
    if (field(156, 157) === 'x') long = /path=(.*)\n/.exec(body.toString())[1];
    else {
      out.set(long ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100)), body);
      long = null;
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function walk(dir, base = dir, out = new Map()) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, base, out);
    else out.set(p.slice(base.length + 1), readFileSync(p));
  }
  return out;
}

/** A Genesys layout of `n` tenants under `dir`, with per-tenant variations. */
function genesys(dir, n) {
  const chart = join(dir, 'services/ixn/01_chart_ixn');
  mkdirSync(chart, { recursive: true });
  writeFileSync(join(chart, 'chart.ver'), '100.0.008+02\n');
  writeFileSync(join(chart, 'override_values.yaml'), readFileSync(join(SHARED, 'override_values.yaml')));
  const release = readFileSync(join(SHARED, 'release_override_values.yaml'), 'utf8');
  for (let i = 1; i <= n; i++) {
    const sid = String(100 + i);
    let t = release.replaceAll('$TENANT_UUID', `9350e2fc-a1dd-4c65-8d40-1f75a2e08${sid}`).replaceAll('$TENANT_SID', sid)
      .replaceAll('$ixn_db_name', `ixn_${sid}`).replaceAll('$ixn_node_db_name', `ixn_node_${sid}`)
      .replaceAll('$REDIS_ADDR', `redis-${i % 3}.redis.svc`);
    if (i % 13 === 0) t = t.replace('tag: 100.0.007.0400', 'tag: 100.0.007.0500');
    if (i % 4 === 0) t += `extraTenantKey:\n  note: tenant ${i}\n`;
    const folder = join(chart, `${String(i).padStart(2, '0')}_release_ixn-${sid}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'override_values.yaml'), t);
  }
}

test('a 40-tenant repository dropped on the Tenants panel gives the base, rows and proof of ixn-portal adopt', async (t) => {
  if (!existsSync(SHARED)) return t.skip(`${SHARED} is missing (the reference material beside a full checkout)`);
  assert.ok(existsSync(BIN), `${BIN} is missing: cargo build --release -p ixn-portal-cli`);
  const dir = await mkdtemp(join(tmpdir(), 'ixn-adopt-e2e-'));
  genesys(join(dir, 'repo'), 40);
  execFileSync('tar', ['-cf', 'repo.tar', '-C', 'repo', 'services'], { cwd: dir });
  const cli = execFileSync(BIN, ['adopt', 'repo.tar', '--out', 'out'], { cwd: dir, stdio: 'pipe' });
  const files = walk(join(dir, 'out'));
  const { page, problems, context } = await portal(f);
  await step(page, 'review');
  await page.setInputFiles('#adopt-files', join(dir, 'repo.tar'));
  await page.waitForSelector('#adopt-proof');
  assert.equal(await page.textContent('#adopt-proof'), '40 of 40 tenants reproduce exactly (rendered again from what was written, compared with the source as Helm reads both).');
  assert.equal(await page.textContent('#adopt-base'), files.get('base.yaml').toString());
  assert.equal(await page.textContent('#adopt-tenants'), files.get('tenants.csv').toString());
  assert.equal(await page.textContent('#adopt-report'), files.get('adopt-report.txt').toString());
  assert.equal(await page.locator('#adopt-rows tbody tr').count(), 40);
  // The download is the files the command wrote, byte for byte.
  const [tar] = await Promise.all([page.waitForEvent('download'), page.click('#adopt-download')]);
  const got = untar(await readFile(await tar.path()));
  assert.deepEqual([...got.keys()].map((n) => n.replace(/^adopted\//, '')).sort(), [...files.keys()].sort());
  for (const [name, data] of files) assert.ok(got.get(`adopted/${name}`).equals(data), `${name}: the command's bytes`);
  void cli;

  // A .zip with ../ paths: refused, nothing shown.
  const zip = join(dir, 'evil.zip');
  execFileSync('python3', ['-c', `import zipfile\nz = zipfile.ZipFile(${JSON.stringify(zip)}, 'w')\nz.writestr('../evil.yaml', 'x: 1\\n')\nz.close()\n`]);
  await page.setInputFiles('#adopt-files', zip);
  await page.waitForFunction(() => /Nothing adopted/.test(document.querySelector('#adopt-status')?.textContent ?? ''));
  assert.match(await page.textContent('#adopt-status'), /evil\.zip: the entry "\.\.\/evil\.yaml" leaves the archive/);
  assert.equal(await page.locator('#adopt-proof').count(), 0);
  assert.ok(await page.isDisabled('#adopt-download'));
  await assertClean(page, problems);
  await context.close();
});
