// Whatever a user clicks and types, in any order, the portal keeps working: 1,500
// random actions per seed on every visible field, select, checkbox, button, step link
// and map connection (not copy, download, file pickers or "forget everything"), with
// hostile text. A panic in the wasm would stop the page and lose the answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, portal, step, tab, assertClean } from './fixture.mjs';

const f = fixture();

/** Runs `actions` random actions in the page from `seed` (xorshift, reproducible). */
function monkey(page, seed, actions) {
  return page.evaluate(async ([seed, actions]) => {
    let s = seed >>> 0;
    const rnd = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
    const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
    const TEXTS = ['', 'yes', '~', '0', '-1', '65536', '007', '1.5', '12:30', 'a b', '${X}', "'", '"', '\\', '\u00a0',
      '{', '[', 'a: b', 'x\ny', '🩲', '9'.repeat(30), 'ixn-100', 'foo.bar', '100m', '2Gi', '1e3', 'null', '#', '- a', '%',
      '$(rm -rf /)'];
    const skip = (el) => /Copy|Download|Forget/.test(el.textContent ?? '') || el.type === 'file';
    const done = [];
    for (let i = 0; i < actions; i++) {
      const all = [...document.querySelectorAll('input, textarea, select, button, nav.steps a, [data-connection]')]
        .filter((el) => el.getClientRects().length && !el.disabled && !skip(el));
      const el = pick(all);
      done.push(`${el.tagName} ${el.name || el.id || el.textContent.slice(0, 24)}`);
      if (el.tagName === 'INPUT' && el.type === 'checkbox') {
        el.click();
      } else if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
        el.value = rnd() < 0.5 ? pick(TEXTS) : el.value + pick(TEXTS);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      } else if (el.tagName === 'SELECT') {
        el.selectedIndex = Math.floor(rnd() * el.options.length);
        el.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      }
      // Let effects, timers and the autosave run now and then, as between keystrokes.
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    return done.slice(-10).join(' | ');
  }, [seed, actions]);
}

for (const seed of [1, 7, 42]) {
  test(`random clicks and hostile typing everywhere never break the page (seed ${seed})`, async () => {
    const { page, problems, context } = await portal(f);
    const last = await monkey(page, seed, 1500);
    // Still working: a new tenant ID reaches the previews (values, or the commands'
    // exports in placeholder mode).
    await step(page, 'tenant');
    await tab(page, 'values');
    await page.fill('[name="tenant.sid"]', '4242');
    await page.waitForFunction(() => ['values', 'commands']
      .some((p) => document.querySelector(`#preview-${p}`).textContent.includes('4242')), null, { timeout: 5000 })
      .catch(() => assert.fail(`the previews stopped updating; last actions: ${last}`));
    await assertClean(page, problems);
    await context.close();
  });
}
