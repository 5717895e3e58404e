// The size check CI runs after the release build: the brotli bytes of the first load
// (everything in dist/ but the worker, which the page starts only when the GitOps tab,
// a Git delivery's download or the Tenants panel needs it), read from the
// precompressed copies the build writes, against the issue's budget and against a
// regression ceiling. The worker's files are counted and printed on their own.
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
// Then, measured on each branch against main at 291,195:
// - the worker wasm −3,530: the GitOps generators and batch rendering left the page
//   for the worker (loaded on demand), and the Tenants panel came in;
// - the wizard (issue 16 §3-4) +8,531: labels written for people and the guide page on
//   each registry row, the visited-step state, Advanced disclosures, the import's
//   changes and the retype notice;
// - the admin's trust (issue 16 §1, 2, 5, 6) +8,806: secret inputs with Show/Hide and
//   the chart-secret note, the pods' credentials from a Secret, the error banner and the
//   deploy script's guard, the resources findings row, the map's hosts, pod names and
//   phone list, the previews split into one component each; gloo itself +26;
// - the user's chart version (issue 15) +23,454: the "Your chart" step and Changes
//   view ~9 KB, the baseline reader, diff and chart findings ~8 KB, sha256 ~1.5 KB; the
//   schema itself is fetched on download, not loaded. To win back when it moves to a
//   lazily loaded wasm;
// - one chart source for the script and GitOps (issue 17) +1,031 after the merges: the
//   migration of old profiles, its warning and the local-chart check.
// Measured on main after all five merges: 327,897 (320.2 KB), far over the round's
// 280 KB aim. The chart-version feature and the Operations runbook are what should
// move to on-demand code next.
// - issue 16's remainders (branch firstrun) +4,924 (332,821): the field keys (Escape
//   resets, Ctrl+Z undoes, Alt+G opens the guide, the polite status; ~1.8 KB), the
//   context fields' guide links (~1.1 KB with the keys' CSS), and the map's phone
//   arrangement, redrawn across 600 px (~1.9 KB).
const CEILING = 333_100;

const dir = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? new URL('../dist/', import.meta.url).pathname;
// values.schema.json is fetched only when the user downloads everything: not the first load.
const ON_DEMAND = ['values.schema.json'];
const files = readdirSync(dir).filter((f) => !/\.(br|gz)$/.test(f) && !ON_DEMAND.includes(f) && statSync(join(dir, f)).isFile());
// The worker wasm, its glue and its loader (index.html: data-type="worker").
const isWorker = (f) => f.startsWith('ixn-worker');
let total = 0;
let worker = 0;
const row = (f) => {
  const br = statSync(join(dir, `${f}.br`)).size;
  console.log(`  ${f.padEnd(24)} raw ${String(statSync(join(dir, f)).size).padStart(8)}  brotli ${String(br).padStart(8)}`);
  return br;
};
console.log('first load:');
for (const f of files.filter((f) => !isWorker(f))) total += row(f);
const kb = (b) => `${(b / KB).toFixed(1)} KB`;
console.log(`  ${'total'.padEnd(24)} brotli ${String(total).padStart(8)} (${kb(total)})`);
console.log('worker (on demand):');
for (const f of files.filter(isWorker)) worker += row(f);
console.log(`  ${'worker total'.padEnd(24)} brotli ${String(worker).padStart(8)} (${kb(worker)})`);
console.log(`budget ${kb(BUDGET)}: ${total <= BUDGET ? 'ok' : `OVER by ${kb(total - BUDGET)}`}`);
console.log(`regression ceiling ${total <= CEILING ? 'ok' : 'EXCEEDED'}: ${total} of ${CEILING} bytes`);
if (total > CEILING || (process.argv.includes('--budget') && total > BUDGET)) process.exit(1);
