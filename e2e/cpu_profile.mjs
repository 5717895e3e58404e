// Where the time goes: a CPU profile (Chrome's sampling profiler, over CDP) of the
// cold load, or of the portal on the model inflated by the benchmark's 5,060-key import, then the
// functions by self and by inclusive time. Run it through scripts/profile.sh, which
// builds the wasm with its function names kept.
// `node e2e/cpu_profile.mjs DIST [keystrokes|import|load] [N]`
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { inflatedFile } from './inflated.mjs';

const [dist, scenario = 'keystrokes', count = '40'] = process.argv.slice(2);
const n = Number(count);
const server = await serve(dist, '/tools/ixn/');
const browser = await launch();
const ctx = await browser.newContext();
const p = await ctx.newPage();
const cdp = await ctx.newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
let profile;
if (scenario === 'load') {
  // From navigation to the form and every preview on screen, in a fresh context.
  await cdp.send('Profiler.start');
  await p.goto(server.url);
  await p.waitForFunction(() => document.querySelectorAll('#preview-map [data-connection]').length === 19
    && document.querySelector('#preview-commands')?.textContent.includes('helm'));
  ({ profile } = await cdp.send('Profiler.stop'));
} else {
  await p.goto(server.url);
  await p.waitForSelector('[name="tenant.sid"]');
  await p.click("text=Load the guide's sample");

  const big = inflatedFile();
  await p.evaluate(() => { document.querySelector('#io').open = true; });
  await p.evaluate((text) => {
    const el = document.querySelector('textarea[name="import.text"]');
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  const importNow = () => p.evaluate(async () => {
    [...document.querySelectorAll('#io button')].find((b) => b.textContent === 'Import').click();
    const report = document.querySelector('#import-report');
    while (!/Imported/.test(report.textContent)) await new Promise((r) => setTimeout(r, 5));
  });
  if (scenario === 'import') {
    await cdp.send('Profiler.start');
    await importNow();
  } else {
    await importNow();
    await cdp.send('Profiler.start');
    await p.evaluate(async (n) => {
      const fields = ['ixnService.ixnServer.confServer.appName', 'ixnService.priorityClassName', 'ixnService.image.ixnServer.tag'];
      const target = document.querySelector('#preview-values');
      for (let i = 0; i < n; i++) {
        const el = document.querySelector(`[name="${fields[i % fields.length]}"]`);
        const val = `v${i}k${Math.random().toString(36).slice(2, 6)}`;
        el.value = val;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        while (!target.textContent.includes(val)) await new Promise((r) => setTimeout(r, 0));
      }
    }, n);
  }
  ({ profile } = await cdp.send('Profiler.stop'));
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const name = (node) => node.callFrame.functionName || node.callFrame.url.split('/').pop() || '(anonymous)';
const self = new Map();
const inclusive = new Map();
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + dt);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const nm = name(byId.get(at));
    if (!seen.has(nm)) {
      seen.add(nm);
      inclusive.set(nm, (inclusive.get(nm) ?? 0) + dt);
    }
  }
});
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k)
  .map(([nm, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms  ${nm.slice(0, 140)}`).join('\n');
const what = { load: 'the cold load', import: 'the 5,060-key import' }[scenario] ?? `${n} keystrokes on the inflated model`;
console.log(`${what}\n\nself time:\n${top(self, 25)}\n\ninclusive time:\n${top(inclusive, 40)}`);
await browser.close();
await server.close();
