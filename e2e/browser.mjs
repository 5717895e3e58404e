// Headless Chromium for the tests: Debian's chromium, flags that keep it off the
// network, a fresh profile, and collectors for what must stay empty.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Launches Chromium with a fresh user-data dir. */
export async function launch() {
  const dir = mkdtempSync(join(tmpdir(), 'ixn-chromium-'));
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens `url` in a new page and records console errors, page errors, CSP violations
 * and every request that is not to `origin`.
 */
export async function open(context, url) {
  const page = await context.newPage();
  const problems = { console: [], page: [], csp: [], foreign: [], failed: [] };
  const origin = new URL(url).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.page.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.foreign.push(r.url()); });
  page.on('response', (r) => { if (r.status() >= 400) problems.failed.push(`${r.status()} ${r.url()}`); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('#preview-values');
  problems.csp = await page.evaluate(() => window.__csp);
  return { page, problems };
}
