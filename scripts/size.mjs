// The size check CI runs after the release build: the brotli bytes of everything in
// dist/ (the page loads all of it), read from the precompressed copies the build
// writes, against the issue's budget and against a regression ceiling.
// Exits 1 when the total is over the ceiling; `--budget` makes the 200 KB budget
// itself fatal (the build does not meet it yet, see the README).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const KB = 1024;
const BUDGET = 200 * KB;
// The current size plus ~1% headroom: a change that grows the page past it fails CI
// and has to say why (and lower or raise this on purpose). Raised from 258,500 by the
// GitOps delivery (issue 14), measured +32,572 bytes (255,801 before): its generators
// 20.1 KB, the settings rows, their checks and the GitOps tab 12.3 KB.
// Raised from 291,200 by the user's chart version (issue 15), measured +23,454 bytes
// (291,195 before, 314,649 after): the "Your chart" step and Changes view ~9 KB, the
// baseline reader, diff and chart findings ~8 KB, sha256 ~1.5 KB; the schema itself is
// fetched on download, not loaded. To win back when it moves to a lazily loaded wasm.
const CEILING = 317_800;

const dir = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? new URL('../dist/', import.meta.url).pathname;
// values.schema.json is fetched only when the user downloads everything: not the first load.
const ON_DEMAND = ['values.schema.json'];
const files = readdirSync(dir).filter((f) => !/\.(br|gz)$/.test(f) && !ON_DEMAND.includes(f) && statSync(join(dir, f)).isFile());
let total = 0;
for (const f of files) {
  const br = statSync(join(dir, `${f}.br`)).size;
  total += br;
  console.log(`  ${f.padEnd(24)} raw ${String(statSync(join(dir, f)).size).padStart(8)}  brotli ${String(br).padStart(8)}`);
}
const kb = (b) => `${(b / KB).toFixed(1)} KB`;
console.log(`  ${'total'.padEnd(24)} brotli ${String(total).padStart(8)} (${kb(total)})`);
console.log(`budget ${kb(BUDGET)}: ${total <= BUDGET ? 'ok' : `OVER by ${kb(total - BUDGET)}`}`);
console.log(`regression ceiling ${total <= CEILING ? 'ok' : 'EXCEEDED'}: ${total} of ${CEILING} bytes`);
if (total > CEILING || (process.argv.includes('--budget') && total > BUDGET)) process.exit(1);
