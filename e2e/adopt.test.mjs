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

/** The panel's base, tenants, report and proof, once an adoption shows (cleared first by the caller). */
async function shown(page) {
  await page.waitForSelector('#adopt-proof');
  return {
    proof: await page.textContent('#adopt-proof'),
    base: await page.textContent('#adopt-base'),
    tenants: await page.textContent('#adopt-tenants'),
    report: await page.textContent('#adopt-report'),
    rows: await page.locator('#adopt-rows tbody tr').count(),
  };
}

/** Every entry under `dir`, as `{path, dir, text}` from `dir`'s own name (as a drop names them). */
function entries(dir, name, out = []) {
  out.push({ path: name, dir: true });
  for (const child of readdirSync(dir)) {
    const p = join(dir, child);
    if (statSync(p).isDirectory()) entries(p, `${name}/${child}`, out);
    else out.push({ path: `${name}/${child}`, dir: false, text: readFileSync(p, 'utf8') });
  }
  return out;
}

/**
 * Runs in the page: drops the folder `list[0]` as the File and Directory Entries API
 * gives a user's drop (webkitGetAsEntry): readEntries in batches of `batch`, then an
 * empty one, each answer later (as the browser's). Chromium gives a real folder's
 * entries only to a user's drop, so these are the same interfaces made from the files.
 */
function dropFolder({ list, batch }) {
  const entry = (e) => (e.dir
    ? {
      isDirectory: true, isFile: false, name: e.path.split('/').pop(), fullPath: `/${e.path}`,
      createReader() {
        // In reverse: the panel reads a folder by name, whatever order the browser gives.
        const kids = list.filter((k) => k.path.startsWith(`${e.path}/`) && !k.path.slice(e.path.length + 1).includes('/'))
          .reverse().map(entry);
        return { readEntries(ok) { setTimeout(() => ok(kids.splice(0, batch)), 0); } };
      },
    }
    : {
      isDirectory: false, isFile: true, name: e.path.split('/').pop(), fullPath: `/${e.path}`,
      file(ok) { setTimeout(() => ok(new File([e.text], e.path.split('/').pop())), 0); },
    });
  const drop = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(drop, 'dataTransfer', { value: { items: [{ kind: 'file', webkitGetAsEntry: () => entry(list[0]) }], files: [] } });
  document.querySelector('#adopt-drop').dispatchEvent(drop);
}

test('a folder, chosen or dropped, gives the base, rows and proof of ixn-portal adopt of that folder', async (t) => {
  if (!existsSync(SHARED)) return t.skip(`${SHARED} is missing (the reference material beside a full checkout)`);
  assert.ok(existsSync(BIN), `${BIN} is missing: cargo build --release -p ixn-portal-cli`);
  const dir = await mkdtemp(join(tmpdir(), 'ixn-adopt-folder-e2e-'));
  genesys(join(dir, 'repo'), 40);
  // A hidden folder (a Git checkout's) is not read by the command, nor by the panel.
  mkdirSync(join(dir, 'repo/.git'), { recursive: true });
  writeFileSync(join(dir, 'repo/.git/HEAD.yaml'), 'not: [yaml\n');
  execFileSync(BIN, ['adopt', 'repo', '--out', 'out'], { cwd: dir, stdio: 'pipe' });
  const files = walk(join(dir, 'out'));
  const cli = {
    proof: '40 of 40 tenants reproduce exactly (rendered again from what was written, compared with the source as Helm reads both).',
    base: files.get('base.yaml').toString(),
    tenants: files.get('tenants.csv').toString(),
    report: files.get('adopt-report.txt').toString(),
    rows: 40,
  };
  const { page, problems, context } = await portal(f);
  await step(page, 'review');
  const clear = () => page.evaluate(() => { document.querySelector('#adopt-result').innerHTML = ''; });

  // "or a folder": the <input webkitdirectory>, paths relative to the folder chosen.
  await page.setInputFiles('#adopt-folder', join(dir, 'repo'));
  assert.deepEqual(await shown(page), cli);

  // Dropped: the folder's entries (webkitGetAsEntry), walked recursively.
  await clear();
  await page.evaluate(dropFolder, { list: entries(join(dir, 'repo'), 'repo'), batch: 7 });
  assert.deepEqual(await shown(page), cli);

  // A release folder with no values, dropped: refused at that folder, as the command does.
  mkdirSync(join(dir, 'repo/services/ixn/01_chart_ixn/41_release_ixn-141'));
  const o = (() => { try { execFileSync(BIN, ['adopt', 'repo', '--out', 'out2'], { cwd: dir, stdio: 'pipe' }); } catch (e) { return e; } })();
  assert.equal(o.status, 2);
  assert.match(o.stderr.toString(), /repo\/services\/ixn\/01_chart_ixn\/41_release_ixn-141\/: a tenant folder with no override_values\.yaml/);
  await page.evaluate(dropFolder, { list: entries(join(dir, 'repo'), 'repo'), batch: 100 });
  await page.waitForFunction(() => /Nothing adopted/.test(document.querySelector('#adopt-status')?.textContent ?? ''));
  assert.match(await page.textContent('#adopt-status'), /repo\/services\/ixn\/01_chart_ixn\/41_release_ixn-141\/: a tenant folder with no override_values\.yaml/);
  assert.equal(await page.locator('#adopt-proof').count(), 0);
  await assertClean(page, problems);
  await context.close();
});
