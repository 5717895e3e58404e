// Screenshots of the release build, light and dark, narrow and wide:
// `node e2e/screenshots.mjs [outdir]` (default target/screenshots).
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const out = process.argv[2] ?? fileURLToPath(new URL('../target/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const server = await serve(fileURLToPath(new URL('../dist/', import.meta.url)));
const context = await launch();
for (const scheme of ['light', 'dark']) {
  for (const [name, width, height] of [['narrow', 390, 1400], ['wide', 1440, 1000]]) {
    const { page } = await open(context, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    await page.click("text=Load the guide's sample");
    await page.fill('input[name="ixnService.ixnServer.ports.health"]', '7120');
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    const file = `${out}/portal-${scheme}-${name}.png`;
    await page.screenshot({ path: file, fullPage: false });
    console.log(file);
    await page.close();
  }
}
await context.close();
await server.close();
