// Screenshots of the release build, light and dark, narrow and wide: every step
// and every preview tab: `node e2e/screenshots.mjs [outdir] [step|map|tab|tenants|changes|chart-loaded…]`
// (default target/screenshots, everything but chart-loaded).
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

export const STEPS = ['tenant', 'cluster', 'databases', 'redis', 'kafka', 'consul', 'ports', 'resources',
  'observability', 'scheduling', 'chart', 'review'];
/** Preview tabs besides the map (which has its own shot, with a connection focused). */
export const TABS = ['values', 'commands', 'secrets', 'gitops', 'ops'];

const out = process.argv[2] ?? fileURLToPath(new URL('../target/screenshots/', import.meta.url));
const only = process.argv.slice(3);
mkdirSync(out, { recursive: true });
const server = await serve(fileURLToPath(new URL('../dist/', import.meta.url)));
const browser = await launch();
const context = await browser.newContext();
for (const scheme of ['light', 'dark']) {
  for (const [name, width, height] of [['narrow', 390, 1600], ['wide', 1440, 1000]]) {
    const { page, problems } = await open(context, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    await page.click("text=Load the guide's sample");
    // The shots are of the steps, not of the notice a reload of saved answers brings.
    if (await page.locator('#notice').count()) await page.click('#notice >> text=Dismiss');
    for (const step of only.length ? only.filter((s) => STEPS.includes(s)) : STEPS) {
      await page.evaluate((s) => { location.hash = `/${s}`; }, step);
      await page.waitForSelector(`#step-${step}:not([hidden])`);
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      const file = `${out}/${step}-${scheme}-${name}.png`;
      await page.screenshot({ path: file });
      console.log(file);
    }
    if (!only.length || only.includes('map')) {
      await page.click('#tab-map');
      await page.focus('[data-connection="12"]');
      await page.evaluate(() => document.querySelector('#panel-map').scrollIntoView());
      const file = `${out}/map-${scheme}-${name}.png`;
      await page.screenshot({ path: file });
      console.log(file);
    }
    // The other preview tabs, each scrolled into view.
    for (const tab of TABS.filter((t) => !only.length || only.includes(t))) {
      await page.click(`#tab-${tab}`);
      // The GitOps tab with a delivery chosen (Script mode shows only a hint).
      if (tab === 'gitops') {
        await page.selectOption('[name="ui.delivery"]', 'argocd');
        // The worker makes the files.
        await page.waitForSelector('#panel-gitops [aria-label="Files"] button');
      }
      // The worker computes the runbook.
      if (tab === 'ops') await page.waitForSelector('#ops-metrics tbody tr');
      await page.evaluate((t) => { document.activeElement?.blur(); document.querySelector(`#panel-${t}`).scrollIntoView(); }, tab);
      const file = `${out}/tab-${tab}-${scheme}-${name}.png`;
      await page.screenshot({ path: file });
      console.log(file);
    }
    // The Tenants panel on the Review step, with a row that collides.
    if (!only.length || only.includes('tenants')) {
      await page.evaluate(() => { location.hash = '/review'; });
      await page.waitForSelector('#step-review:not([hidden])');
      await page.fill('#tenants-text', 'tenant.sid,deploy.namespace,consul.connect\n101,ixn-101,true\n102,ixn-102,perhaps\n101,ixn-103,false\n');
      await page.waitForSelector('#tenants-table');
      await page.evaluate(() => { document.activeElement?.blur(); document.querySelector('#tenants-heading').scrollIntoView(); });
      const file = `${out}/tenants-${scheme}-${name}.png`;
      await page.screenshot({ path: file });
      console.log(file);
    }
    // The Changes view on the Review step, open (its report comes from the worker).
    if (!only.length || only.includes('changes')) {
      await page.evaluate(() => { location.hash = '/review'; });
      await page.waitForSelector('#step-review:not([hidden])');
      // Opened from the page (the previews column may cover it in the narrow layout).
      await page.evaluate(() => { document.querySelector('#changes').open = true; });
      await page.waitForSelector('#changes-report .change-list');
      await page.evaluate(() => { document.activeElement?.blur(); document.querySelector('#changes').scrollIntoView(); });
      const file = `${out}/changes-${scheme}-${name}.png`;
      await page.screenshot({ path: file });
      console.log(file);
    }
    // The Chart step with a chart's values in use: its status and an other chart key.
    if (only.includes('chart-loaded')) {
      await page.evaluate(() => { location.hash = '/chart'; });
      await page.waitForSelector('#step-chart:not([hidden])');
      await page.fill('#chart-text', 'replicaCount: 0\nimage:\n  registry: my.registry\n# -- Extra environment for IXN Server.\nextraEnv: []\n# -- Pod priority class.\npriorityClassName: ""\n');
      await page.evaluate(() => [...document.querySelectorAll('#step-chart button')].find((b) => b.textContent === 'Use these values').click());
      // A few keys look like an overlay: the page asks first (shown in its own shot).
      await page.waitForSelector('#chart-ask');
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      await page.screenshot({ path: `${out}/chart-ask-${scheme}-${name}.png` });
      await page.click('#chart-ask button:has-text("Use it as my chart anyway")');
      await page.waitForSelector('#chart-status.ok');
      await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
      const file = `${out}/chart-loaded-${scheme}-${name}.png`;
      await page.screenshot({ path: file });
      console.log(file);
      await page.evaluate(() => [...document.querySelectorAll('#step-chart button')].find((b) => b.textContent === "Back to the guide's chart").click());
    }
    if (Object.values(problems).some((l) => l.length)) console.error('problems:', JSON.stringify(problems));
    await page.close();
  }
}
await browser.close();
await server.close();
