// Walking the wizard as an admin: every step, typing values and checking the previews;
// bad input; reload, back and forward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, portal, step, preview, tab, joined, assertClean } from './fixture.mjs';

const f = fixture();

test('walk every step, type values, and see them in the previews', async () => {
  const { page, problems } = await portal(f);

  await step(page, 'tenant');
  await page.fill('[name="tenant.id"]', '9350e2fc-a1dd-4c65-8d40-1f75a2e080dd');
  await page.fill('[name="tenant.sid"]', '4242');
  await page.fill('[name="deploy.namespace"]', 'ixn-prod');
  await page.fill('[name="deploy.chartVersion"]', '100.0.008+02');
  let values = await preview(page, 'values');
  assert.match(values, /sid: "4242"/);
  assert.match(values, /name: ixn-4242\n/, 'IXN DB name derived from the sid');
  assert.match(joined(await preview(page, 'commands')), /helm upgrade --install ixn-4242 ixn\/ixn --version 100\.0\.008\+02 --namespace ixn-prod/);

  await step(page, 'cluster');
  await page.selectOption('[name="deploy.platform"]', 'aks');
  await page.fill('[name="aks.resourceGroup"]', 'rg-ixn');
  await page.fill('[name="aks.cluster"]', 'aks-1');
  await page.fill('[name="image.registry"]', 'registry.example.com');
  await page.check('[name="registry.create"]');
  await page.fill('[name="registry.username"]', 'robot');
  await page.fill('[name="registry.password"]', 'reg-Secret-1');
  assert.match(joined(await preview(page, 'commands')), /az aks get-credentials --resource-group rg-ixn --name aks-1/);
  values = await preview(page, 'values');
  assert.match(values, /registry: registry\.example\.com/);
  assert.match(values, /imagePullSecrets:\n {4}- name: pullsecret/);

  await step(page, 'databases');
  await page.fill('[name="ixnService.ixnServer.db.host"]', 'pg.infra.svc');
  await page.fill('[name="db.ownerPassword"]', 'owner-Secret-2');
  await page.fill('[name="db.adminPassword"]', 'admin-Secret-3');
  await page.selectOption('[name="ixnService.ixnNode.db.options.ssl.mode"]', 'on');
  values = await preview(page, 'values');
  assert.match(values, /host: pg\.infra\.svc/);
  assert.match(values, /ssl: \{\}/);
  assert.match(await preview(page, 'commands'), /CREATE DATABASE %I OWNER %I', 'ixn-4242'/);

  await step(page, 'redis');
  await page.fill('[name="ixnService.ixnNode.redis[0].host"]', 'redis-a.infra');
  await page.click('text=Add a Redis node');
  await page.fill('[name="ixnService.ixnNode.redis[1].host"]', 'redis-b.infra');
  await page.fill('[name="ixnService.ixnNode.redis[1].port"]', '6380');
  await page.fill('[name="redis.password"]', 'redis-Secret-4');
  values = await preview(page, 'values');
  assert.match(values, /- host: redis-a\.infra\n\s+port: 6379/);
  assert.match(values, /- host: redis-b\.infra\n\s+port: 6380/);
  assert.match(await preview(page, 'commands'), /"servername":"redis-a\.infra"/);

  await step(page, 'kafka');
  await page.fill('[name="kafka.bootstrap"]', 'kafka.infra:9093');
  assert.match(joined(await preview(page, 'commands')), /kafka-secrets=\{"bootstrap":"kafka\.infra:9093"\}/);

  await step(page, 'consul');
  await page.check('[name="ixnService.ixnNode.consul.host.mode"][value="literal"]');
  await page.fill('[name="ixnService.ixnNode.consul.host"]', 'consul.local');
  await page.fill('[name="ixnService.ixnServer.confServer.host"]', 'localhost');
  await page.fill('[name="ixnService.ixnServer.confServer.appName"]', 'IXN_4242');
  values = await preview(page, 'values');
  assert.match(values, /consul:\n\s+host: consul\.local/);
  assert.match(values, /"consul\.hashicorp\.com\/connect-inject": "true"/, 'Consul annotations on by default');

  await step(page, 'ports');
  await page.fill('[name="ixnVQNode.ports.health"]', '9202');
  assert.match(await preview(page, 'values'), /health: 9202/);

  await step(page, 'resources');
  await page.fill('[name="ixnVQNode.resources.limits.memory"]', '256Mi');
  assert.match(await preview(page, 'values'), /memory: 256Mi/);
  assert.match(await page.textContent('table.resources'), /256Mi/, 'the VQ pod total follows');

  await step(page, 'observability');
  await page.check('[name="ixnService.prometheus.podMonitor.enabled"]');
  assert.match(await preview(page, 'values'), /podMonitor:\n\s+enabled: true/);

  await step(page, 'scheduling');
  await page.click('#f-podLabels');
  await page.fill('[name="podLabels[0].key"]', 'team');
  await page.fill('[name="podLabels[0].value"]', 'contact-center');
  assert.match(await preview(page, 'values'), /podLabels:\n\s+team: contact-center/);

  await step(page, 'review');
  assert.equal(await page.locator('#step-review .finding-list li').count() >= 0, true);

  // Secrets typed on the way never show in a preview until asked for.
  for (const which of ['values', 'commands', 'secrets']) {
    const text = await preview(page, which);
    for (const s of ['reg-Secret-1', 'owner-Secret-2', 'admin-Secret-3', 'redis-Secret-4']) {
      assert.ok(!text.includes(s), `${s} visible in ${which}`);
    }
  }
  await page.check('[name="ui.showSecrets"]');
  assert.match(await preview(page, 'commands'), /redis-Secret-4/);
  await assertClean(page, problems);
  await page.close();
});

test('bad input gets a message next to the field, keeps the text, and marks the step', async () => {
  const { page } = await portal(f);
  await page.fill('[name="tenant.sid"]', '12a');
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '12a');
  assert.match(await page.textContent('#f-tenant-sid-msg'), /digits only/);
  assert.equal(await page.getAttribute('[name="tenant.sid"]', 'aria-invalid'), 'true');
  await step(page, 'ports');
  await page.fill('[name="ixnService.ixnServer.ports.default"]', '70000');
  assert.match(await page.textContent('#f-ixnService-ixnServer-ports-default-msg'), /1 to 65535/);
  await page.fill('[name="ixnService.ixnServer.ports.health"]', '13130');
  await page.fill('[name="ixnService.ixnServer.ports.default"]', '13130');
  assert.match(await page.textContent('#f-ixnService-ixnServer-ports-health-msg'), /already used by ixnService\.ixnServer\.ports\.default/);
  assert.match(await page.textContent('a[href="#/ports"]'), /error/);
  // Review lists it with a link that goes to the field.
  await step(page, 'review');
  await page.click('#step-review a:has-text("ixnService.ixnServer.ports.health")');
  await page.waitForSelector('#step-ports:not([hidden])');
  await page.waitForFunction(() => document.activeElement?.name === 'ixnService.ixnServer.ports.health');
  await page.close();
});

test('reload, back and forward keep the step', async () => {
  const { page } = await portal(f, '#/redis');
  assert.ok(await page.isVisible('#step-redis'));
  await step(page, 'kafka');
  await step(page, 'consul');
  await page.goBack();
  await page.waitForSelector('#step-kafka:not([hidden])');
  await page.goBack();
  await page.waitForSelector('#step-redis:not([hidden])');
  await page.goForward();
  await page.waitForSelector('#step-kafka:not([hidden])');
  await page.reload();
  await page.waitForSelector('#step-kafka:not([hidden])');
  assert.equal(await page.locator('section.step:not([hidden])').count(), 1);
  await page.close();
});

test('presets: the guide sample in one click, reset in another, each with an undo', async () => {
  const { page, problems } = await portal(f);
  // From the chart defaults nothing is lost, and nothing is said.
  await page.click("text=Load the guide's sample");
  assert.equal(await page.locator('#notice').count(), 0);
  await page.click('text=Reset to chart defaults');
  await page.fill('[name="tenant.sid"]', '777');
  await page.click("text=Load the guide's sample");
  assert.match(await page.textContent('#notice'), /Loaded the guide's sample in place of your answers/);
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '100');
  // One click must not cost the answers: the notice brings them back.
  await page.click('#notice >> text=Undo');
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '777');
  assert.equal(await page.locator('#notice').count(), 0, 'the notice goes with the undo');
  await page.click("text=Load the guide's sample");
  await page.click('#notice >> text=Dismiss');
  assert.match(await preview(page, 'values'), /default: 7120/);
  assert.match(await preview(page, 'commands'), /envsubst '\$\{TENANT_UUID\}/);
  // What is left to fill in, counted in good English above the form and in the steps:
  // the guide's sample leaves the chart repository, the registry login and the Redis
  // password to the user; its databases (host ${POSTGRES_ADDR}, made by dbinit) are complete.
  assert.equal(await page.textContent('main p.status'), '3 errors, 2 warnings');
  assert.equal(await page.textContent('nav.steps a[href="#/redis"] .state'), '1 warning');
  assert.equal(await page.textContent('nav.steps a[href="#/cluster"] .state'), '2 errors');
  assert.equal(await page.textContent('nav.steps a[href="#/databases"] .state'), 'complete');
  await page.click('text=Reset to chart defaults');
  assert.match(await page.textContent('#notice'), /Reset every answer to the chart defaults/);
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '');
  assert.doesNotMatch(await preview(page, 'values'), /7120/);
  await page.click('#notice >> text=Undo');
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '100');
  await assertClean(page, problems);
  await page.close();
});

test('values form and comments toggles, and the stdin secret style', async () => {
  const { page } = await portal(f);
  await page.fill('[name="tenant.sid"]', '7');
  await page.selectOption('[name="ui.valuesForm"]', 'full');
  await page.check('[name="ui.comments"]');
  const values = await preview(page, 'values');
  assert.match(values, /# -- Interaction Server health port/);
  assert.match(values, /timeoutSeconds: 3/);
  // The secret style is chosen in one place, on Review.
  await step(page, 'review');
  await page.selectOption('[name="secrets.style"]', 'stdin');
  await tab(page, 'commands');
  const cmds = await preview(page, 'commands');
  assert.match(cmds, /kubectl apply --namespace ixn -f - <<'EOF'/);
  assert.doesNotMatch(cmds, /--from-literal/);
  await page.close();
});

test('on a phone (390 px) no step scrolls the page sideways, and the resources table fits', async () => {
  const { page } = await portal(f);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.click("text=Load the guide's sample");
  for (const slug of ['tenant', 'cluster', 'databases', 'redis', 'kafka', 'consul', 'ports', 'resources', 'observability', 'scheduling', 'review']) {
    await page.evaluate((s) => { location.hash = `/${s}`; }, slug);
    await page.waitForSelector(`#step-${slug}:not([hidden])`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `${slug}: the page is ${wide}px wider than the phone`);
  }
  const table = await page.evaluate(() => {
    const w = document.querySelector('#step-resources .table-wrap');
    return w.scrollWidth - w.clientWidth;
  });
  assert.equal(table, 0, 'the resources table needs no sideways scrolling');
  await page.close();
});
