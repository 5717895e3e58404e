// Issue 25.3: Review's "Check the chart's output". The stand-in chart rendered by the
// real Helm 4 with the portal's own values, one assumption broken and a hostile Secret
// added, pasted (and uploaded): the findings show at their fields with links, and none
// of the Secret's values reaches the DOM, storage or the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture, portal, step, tab, joined, assertClean } from './fixture.mjs';

const f = fixture();
const HELM = fileURLToPath(new URL('../.tools/helm4/helm', import.meta.url));
const CHART = fileURLToPath(new URL('../core/tests/charts/ixn', import.meta.url));
const SECRETS = ['Zq9-S3CRET-string-data', 'WnE5LVMzQ1JFVC1kYXRh', 'Zq9-S3CRET-last-applied'];

/** `helm template` of the stand-in chart with `values`, by the real Helm 4. */
function render(values) {
  const dir = mkdtempSync(join(tmpdir(), 'ixn-chart-check-'));
  try {
    writeFileSync(join(dir, 'values.yaml'), values);
    for (const d of ['config', 'cache', 'data']) execFileSync('mkdir', ['-p', join(dir, d)]);
    return execFileSync(HELM, ['template', 'ixn-100', CHART, '--namespace', 'ixn', '-f', join(dir, 'values.yaml')], {
      env: { PATH: process.env.PATH, HELM_CONFIG_HOME: join(dir, 'config'), HELM_CACHE_HOME: join(dir, 'cache'), HELM_DATA_HOME: join(dir, 'data'), KUBECONFIG: join(dir, 'none') },
    }).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const HOSTILE_SECRET = `---
apiVersion: v1
kind: Secret
metadata:
  name: extra-secret
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"stringData":{"token":"${SECRETS[2]}"}}'
stringData:
  token: "${SECRETS[0]}"
data:
  other: ${SECRETS[1]}
`;

async function paste(page, text) {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.querySelector('#chart-check-paste').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** Everything of the page a pasted value could reach: the DOM (with form values), storage and the URL. */
async function everywhere(page) {
  return page.evaluate(() => {
    const inputs = [...document.querySelectorAll('input, textarea, select')].map((e) => e.value).join('\n');
    const store = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
    return [document.documentElement.outerHTML, inputs, store(localStorage), store(sessionStorage), location.href].join('\n');
  });
}

test("a pasted rendering's findings show at their fields, and a Secret's data goes nowhere", async () => {
  const { page, problems, context } = await portal(f);
  await page.click("text=Load the guide's sample");
  // Real values: the file Helm reads after deploy.sh's envsubst.
  await page.uncheck('[name="deploy.placeholders"]');
  await tab(page, 'values');
  const values = await page.textContent('#preview-values');
  const clean = render(values);
  await step(page, 'review');
  await page.click('#chart-check summary');
  // The exact command for this tenant and Helm major.
  await page.waitForSelector('#chart-check-template');
  assert.match(joined(await page.textContent('#chart-check-template')), /^helm template ixn-100 ixn\/ixn --namespace ixn -f override_values\.yaml/);
  assert.match(joined(await page.textContent('#chart-check-post')), /--post-renderer ixn-verify '--post-renderer-args=ixn-100\.profile\.yaml'/);
  assert.match(joined(await page.textContent('#chart-check-running')), /kubectl get statefulset,deployment,service,secret,configmap,serviceaccount,podmonitor -n ixn -o yaml/);

  // The clean rendering holds.
  await paste(page, clean);
  await page.waitForFunction(() => /objects read: 0 errors, 0 warnings/.test(document.querySelector('#chart-check-report')?.textContent));

  // One assumption broken, and a Secret the portal does not know, with its data.
  const broken = clean.replace('containerPort: 7120', 'containerPort: 7121') + HOSTILE_SECRET;
  await paste(page, broken);
  await page.waitForSelector('#chart-check-report .finding-list li');
  const report = await page.textContent('#chart-check-report');
  assert.match(report, /ixnService\.ixnServer\.ports\.default \(Ports & probes\): Port server-default of container ixn-server of StatefulSet ixn-100-sts is 7121; the profile says 7120\./);
  // The link goes to the field, which shows the finding too.
  await page.click('#chart-check-report a:has-text("ixnService.ixnServer.ports.default")');
  await page.waitForSelector('#step-ports:not([hidden])');
  await page.waitForFunction(() => /is 7121; the profile says 7120/.test(document.querySelector('#step-ports')?.textContent));
  for (const s of SECRETS) assert.ok(!(await everywhere(page)).includes(s), `${s} reached the page`);

  // An upload is read the same way, and leaves nothing in the input.
  await step(page, 'review');
  await page.setInputFiles('#chart-check-file', { name: 'rendered.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken.replace('7121', '7122')) });
  await page.waitForFunction(() => /is 7122; the profile says 7120/.test(document.querySelector('#chart-check-report')?.textContent));
  assert.equal(await page.inputValue('#chart-check-file'), '');
  const all = await everywhere(page);
  for (const s of SECRETS) assert.ok(!all.includes(s), `${s} reached the page`);

  // Text that is not a stream says where.
  await paste(page, 'kind: A\nmetadata: {name: a}\n---\nkind: B\n  x: : y\n');
  await page.waitForFunction(() => /line 5/.test(document.querySelector('#chart-check-report [role=alert]')?.textContent ?? ''));
  // A change to the answers clears the chart's findings (they were for the old ones).
  await assertClean(page, problems);
  await context.close();
});
