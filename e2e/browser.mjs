// Headless Chromium for the tests: Debian's chromium, flags that keep it off the
// network, and collectors for what must stay empty. Each context is a fresh profile.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Launches Chromium (Playwright gives it a new, empty user-data dir). */
export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens `url` in a new page of `context` and records console errors, page errors,
 * CSP violations and every request that is not to `url`'s origin or fails.
 */
export async function open(context, url) {
  const page = await context.newPage();
  const problems = { console: [], page: [], csp: [], foreign: [], failed: [] };
  const origin = new URL(url).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.page.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.foreign.push(u);
  });
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
