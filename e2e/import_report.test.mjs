// Issue 23.4: the import report shows each change with its real old and new values (a
// Redis list replaced by $REDIS_ADDR read `[] → []`), and names every null, those inside
// a known key's mapping too (the OpenShift overlay's four), as `ixn-portal import` does:
// both print the core's report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture, portal, importText, assertClean } from './fixture.mjs';

const f = fixture();
const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'release', 'ixn-portal');
const REF = join(root, '../shared/reference/genesys-multicloud-services');
if (!existsSync(REF) && process.env.CI === 'true') throw new Error(`CI must have ${REF}`);
const SKIP = existsSync(REF) ? false : `${REF} missing (reference material beside a full checkout)`;

/** What `ixn-portal import FILE` says on stderr (its report). */
function cliReport(file) {
  assert.ok(existsSync(BIN), `${BIN} is missing: cargo build --release -p ixn-portal-cli`);
  const dir = mkdtempSync(join(tmpdir(), 'ixn-import-e2e-'));
  const r = spawnSync(BIN, ['import', file, '--output', join(dir, 'p.yaml')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stderr;
}

test('a replaced Redis list shows its real old and new values', { skip: SKIP }, async () => {
  const { page, context, problems } = await portal(f);
  await importText(page, 'ixnService:\n  ixnNode:\n    redis:\n      - host: redis.infra.example\n        port: 6379\n        is_redis_cluster: "true"\n');
  await importText(page, readFileSync(join(REF, 'release_override_values.yaml'), 'utf8'), /Changed/);
  const line = await page.locator('#import-report .changes li', { hasText: 'ixnService.ixnNode.redis' }).textContent();
  assert.doesNotMatch(line, /\[\] → \[\]/);
  assert.match(line, /ixnService\.ixnNode\.redis: \[\{host: redis\.infra\.example, port: 6379, is_redis_cluster: "true"\}\] → \[\{host: "\$REDIS_ADDR", port: 6379, is_redis_cluster: "true"\}\]$/);
  await assertClean(page, problems);
  await context.close();
});

test("every null is named, the OpenShift overlay's four included, as ixn-portal import names them", { skip: SKIP }, async () => {
  for (const name of ['override_values_openshift.yaml', 'override_values.yaml']) {
    const file = join(REF, name);
    const { page, context, problems } = await portal(f);
    await importText(page, readFileSync(file, 'utf8'));
    const shown = await page.locator('#import-report .nulls li').allTextContents();
    const cli = cliReport(file).split('\n').filter((l) => l.startsWith('    null: ')).map((l) => l.trim());
    assert.deepEqual(shown, cli, `${name}: the portal names the nulls the CLI names`);
    if (name.includes('openshift')) {
      assert.equal(shown.length, 4);
      assert.match(await page.textContent('#import-report .files'), /2 keys, 4 set to null/);
      assert.match(cliReport(file), /override_values_openshift\.yaml: 2 keys, 4 set to null/);
    } else {
      assert.ok(shown.length >= 3, shown.join());
    }
    await assertClean(page, problems);
    await context.close();
  }
});
