// A new admin's first run (issue 16, sections 3 and 4): the wizard leads, and the
// words are written for people. Each test does what the admin did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, freshContext, portal, step, preview, tab, STEPS, assertClean, openIo, importText } from './fixture.mjs';

const f = fixture();

const state = (page, slug) => page.textContent(`nav.steps a[href="#/${slug}"] .state`);

test('a first load shows no error until a step is visited or touched; Review lists everything', async () => {
  const { page, problems } = await portal(f);
  assert.equal(await page.locator('main .findings .finding').count(), 0, 'no finding under any field');
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, 'no field marked invalid');
  for (const slug of STEPS.filter((s) => s !== 'review')) assert.equal(await state(page, slug), 'not started', slug);
  // One count everywhere: the status line counts what the error banner counts.
  const status = await page.textContent('main p.status');
  const [, errors] = status.match(/^(\d+) errors?, \d+ warnings?; 11 steps not started$/) ?? [];
  assert.ok(Number(errors) > 0, status);
  const banner = await page.textContent('#panel-values .error-banner strong');
  assert.equal(banner.match(/^The form has (\d+) errors?/)?.[1], errors, `${status} | ${banner}`);
  // Touching a field of the step shows that step's findings, and only its.
  await page.fill('[name="tenant.id"]', 'x');
  await page.fill('[name="tenant.id"]', '');
  assert.match(await page.textContent('#f-tenant-id-msg'), /^Error: Tenant ID is required\.$/);
  assert.match(await state(page, 'tenant'), /errors?$/);
  assert.equal(await state(page, 'cluster'), 'not started');
  // Leaving a step counts as a visit: it is judged from then on.
  await page.click('text=Next →');
  await page.waitForSelector('#step-cluster:not([hidden])');
  await step(page, 'databases');
  assert.match(await state(page, 'cluster'), /error/);
  assert.equal(await state(page, 'redis'), 'not started');
  // A step is "complete" only once visited and valid: Ports is valid from the start.
  assert.equal(await state(page, 'ports'), 'not started');
  await step(page, 'ports');
  await step(page, 'resources');
  assert.equal(await state(page, 'ports'), 'complete');
  // Review lists every finding, of visited steps and not.
  await step(page, 'review');
  const review = await page.textContent('#step-review .finding-list');
  assert.match(review, /kafka\.bootstrap \(Kafka\): Enter the Kafka bootstrap servers/);
  assert.match(review, /ixnService\.ixnNode\.consul\.host \(Consul & Configuration Server\): Consul host is required\./);
  // Following one visits its step and shows the finding at the field.
  await page.click('#step-review .finding-list a:text-is("kafka.bootstrap")');
  await page.waitForSelector('#step-kafka:not([hidden])');
  assert.match(await page.textContent('#f-kafka-bootstrap-msg'), /Enter the Kafka bootstrap servers/);
  await assertClean(page, problems);
  await page.close();
});

test('the tenant ID and short ID come first on the first step, above the tool settings', async () => {
  const { page } = await portal(f);
  const names = await page.$$eval('#step-tenant .field :is(input, select, textarea)', (els) => els.map((e) => e.name));
  assert.deepEqual(names.slice(0, 2), ['tenant.id', 'tenant.sid']);
  assert.ok(names.indexOf('deploy.helmMajor') > 1 && names.indexOf('deploy.namespace') > 1);
  await page.close();
});

test('Next and a click in the step list move focus to the new step heading, in view', async () => {
  const { page } = await portal(f);
  await page.setViewportSize({ width: 390, height: 700 });
  await page.click('text=Next →');
  await page.waitForFunction(() => document.activeElement?.id === 'step-cluster-title');
  const inView = () => page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(await inView(), 'the heading is scrolled into view');
  await page.click('nav.steps a[href="#/observability"]');
  await page.waitForFunction(() => document.activeElement?.id === 'step-observability-title');
  assert.ok(await inView());
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'step-observability-title', 'Tab goes on from the heading');
  await page.close();
});

test('a share link opened in a tab that has the portal open acts as a fresh load, with a way back', async () => {
  const ctx = await freshContext(f);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(f.server.url).origin });
  const { page } = await portal(f, '', ctx);
  await page.fill('[name="tenant.sid"]', '321');
  await openIo(page);
  await page.click('text=Copy link');
  await page.waitForFunction(() => document.querySelector('#share-link').value.includes('#s='));
  const link = await page.inputValue('#share-link');
  // The admin's own answers change; then they open the link in the same tab.
  await page.fill('[name="tenant.sid"]', '654');
  await step(page, 'kafka');
  await page.evaluate((h) => { location.hash = h; }, new URL(link).hash);
  await page.waitForFunction(() => document.querySelector('#notice')?.textContent.includes('Loaded the shared configuration'));
  assert.match(await page.textContent('#notice'), /in place of your own answers/);
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '321');
  assert.ok(await page.isVisible('#step-tenant'), 'it starts at the first step, as a fresh load does');
  assert.doesNotMatch(page.url(), /#s=/, 'the link state leaves the address bar');
  await page.click('#notice >> text=Back to your own answers');
  assert.equal(await page.inputValue('[name="tenant.sid"]'), '654');
  await ctx.close();
});

test('after a reload without remembered secrets, a notice names the secrets to type again, with links', async () => {
  const ctx = await freshContext(f);
  const { page } = await portal(f, '', ctx);
  await page.fill('[name="tenant.sid"]', '42');
  await step(page, 'databases');
  await page.fill('[name="db.ownerPassword"]', 'Owner-Secret-7');
  await step(page, 'redis');
  await page.fill('[name="redis.password"]', 'Redis-Secret-8');
  await page.waitForTimeout(50);
  await page.reload();
  await page.waitForSelector('#notice');
  const notice = await page.textContent('#notice');
  assert.match(notice, /2 secrets you set must be typed again/);
  assert.match(notice, /Redis password \(Redis\)/);
  assert.ok(!notice.includes('Owner-Secret-7') && !notice.includes('Redis-Secret-8'), 'names, never values');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  assert.ok(!stored.includes('Owner-Secret-7') && !stored.includes('Redis-Secret-8'));
  await page.click('#notice .notice-fields a:has-text("Redis password")');
  await page.waitForSelector('#step-redis:not([hidden])');
  await page.waitForFunction(() => document.activeElement?.name === 'redis.password');
  await ctx.close();
});

test('the import report lists every answer of the user it changed, old → new, beside Undo', async () => {
  const { page } = await portal(f);
  await page.fill('[name="tenant.sid"]', '100');
  await step(page, 'databases');
  await page.fill('[name="ixnService.ixnServer.db.host"]', 'pg.old');
  await importText(page, 'tenant:\n  sid: "100"\nixnService:\n  ixnServer:\n    db:\n      host: pg.new\n      port: 5433\n');
  const report = await page.textContent('#import-report');
  assert.match(report, /Changed 1 value of your answers:/);
  assert.match(report, /ixnService\.ixnServer\.db\.host: pg\.old → pg\.new/);
  assert.doesNotMatch(report, /tenant\.sid:/, 'an unchanged answer is not listed');
  assert.ok(await page.isVisible('#import-report >> text=Undo the import'), 'Undo stays beside it');
  await page.click('text=Undo the import');
  assert.equal(await page.inputValue('[name="ixnService.ixnServer.db.host"]'), 'pg.old');
  await page.close();
});

test('placeholder mode keeps the variable names of an imported file', async () => {
  const { page } = await portal(f);
  await page.check('[name="deploy.placeholders"]');
  await importText(page, 'tenant:\n  sid: $ixn_sid\nixnService:\n  ixnServer:\n    db:\n      host: $pg_host\n    secrets:\n      db:\n        username: $ixn_db_user\n        password: $ixn_db_password\n');
  const values = await preview(page, 'values');
  for (const line of ['sid: "$ixn_sid"', 'name: "ixn-node-$ixn_sid"', 'password: "$ixn_db_password"', 'username: "$ixn_db_user"']) {
    assert.ok(values.includes(line), `${line} in\n${values}`);
  }
  for (const guide of ['${TENANT_ID}', '${POSTGRES_PASSWORD}', '${POSTGRES_USER}']) assert.ok(!values.includes(guide), guide);
  await page.close();
});

test("the guide's sample loads with only the errors the guide leaves to the user, each marked so", async () => {
  const { page, problems } = await portal(f);
  await page.click("text=Load the guide's sample");
  assert.match(await preview(page, 'values'), /host: "\$\{POSTGRES_ADDR\}"/);
  await step(page, 'review');
  const items = await page.$$eval('#step-review .finding-list li', (lis) => lis.map((li) => li.textContent));
  assert.ok(items.length > 0);
  for (const item of items) assert.match(item, /The guide's sample leaves this to you\.$/, item);
  const paths = items.map((i) => i.split(' ')[0]).sort();
  assert.deepEqual(paths, ['deploy.chartRepoUrl', 'deploy.chartVersion', 'redis.password', 'registry.password', 'registry.username']);
  await step(page, 'cluster');
  assert.match(await page.textContent('#f-registry-username-msg'), /leaves this to you/);
  await assertClean(page, problems);
  await page.close();
});

test('probes, security context and scheduling sit under an Advanced disclosure with a count', async () => {
  const { page } = await portal(f);
  await step(page, 'ports');
  const adv = page.locator('#step-ports details.advanced');
  assert.equal(await adv.getAttribute('open'), null, 'folded by default');
  assert.match(await adv.locator('summary').textContent(), /^Advanced \(nothing set\)$/);
  assert.ok(!(await page.isVisible('[name="ixnVQNode.livenessProbe.periodSeconds"]')));
  assert.ok(await page.isVisible('[name="ixnVQNode.ports.health"]'), 'ports stay in sight');
  await adv.locator('summary').click();
  await page.fill('[name="ixnVQNode.livenessProbe.periodSeconds"]', '20');
  assert.match(await adv.locator('summary').textContent(), /^Advanced \(1 value set\)$/);
  await step(page, 'scheduling');
  const names = await page.$$eval('#step-scheduling details.advanced .field[data-key]', (els) => els.map((e) => e.dataset.key));
  for (const n of ['ixnService.securityContext', 'ixnService.nodeSelector', 'ixnService.priorityClassName', 'ixnVQNode.securityContext']) {
    assert.ok(names.includes(n), `${n} is under Advanced: ${names}`);
  }
  await page.close();
});

test('labels are written for people, and the key path stays in the code tag', async () => {
  const { page } = await portal(f);
  const labels = await page.$$eval('#main .field[data-key]', (fs) => fs.map((f) => [
    f.dataset.key, (f.querySelector(':scope > label, :scope > .label, :scope > label.check')?.textContent ?? '').replace(' *', '').trim(),
    f.querySelector('code.key')?.textContent]));
  assert.ok(labels.length > 100);
  const byKey = Object.fromEntries(labels.map(([k, l]) => [k, l]));
  assert.equal(byKey['image.imagePullSecrets'], 'Image pull secrets');
  assert.equal(byKey['image.registry'], 'Image registry');
  assert.equal(byKey['ixnService.ixnNode.db.options.keepAliveInitialDelayMillis'], 'IXN Node keep-alive first delay (ms)');
  for (const [key, label, code] of labels) {
    assert.equal(code, key, 'the key path is in the code tag');
    assert.ok(label && !label.includes('.') && !/\b[a-z]+[A-Z]/.test(label), `${key}: "${label}" reads as a path`);
  }
  await page.close();
});

test('image pull policy is a select of the values the chart takes', async () => {
  const { page } = await portal(f);
  await step(page, 'cluster');
  const options = await page.$$eval('select[name="image.pullPolicy"] option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(options, ['chart default (IfNotPresent)', 'Always', 'IfNotPresent', 'Never']);
  await page.selectOption('[name="image.pullPolicy"]', 'Never');
  assert.match(await preview(page, 'values'), /pullPolicy: Never/);
  await page.selectOption('[name="image.pullPolicy"]', '');
  assert.doesNotMatch(await preview(page, 'values'), /pullPolicy/);
  await page.close();
});

test('findings are full sentences that never repeat the help', async () => {
  const { page } = await portal(f);
  await page.fill('[name="tenant.sid"]', 'abc');
  const sid = await page.textContent('#f-tenant-sid-msg');
  assert.equal(sid, 'Error: The tenant short ID must be digits only, such as 100.');
  await page.fill('[name="tenant.sid"]', '');
  assert.equal(await page.textContent('#f-tenant-sid-msg'), 'Error: Tenant short ID is required.');
  await step(page, 'consul');
  await step(page, 'redis');
  await step(page, 'kafka');
  const consul = await page.evaluate(() => document.querySelector('#step-consul [data-key="ixnService.ixnNode.consul.host"] .findings').textContent);
  const help = await page.evaluate(() => document.querySelector('#step-consul [data-key="ixnService.ixnNode.consul.host"] .help').textContent);
  assert.equal(consul, 'Error: Consul host is required.');
  assert.ok(!help.includes(consul.replace('Error: ', '')) && !consul.includes('valueFrom'), 'the finding does not repeat the help');
  // A Redis row is there: the finding names its host, not "add at least one node".
  const redis = await page.textContent('#step-redis [data-key="ixnService.ixnNode.redis"] .findings');
  assert.equal(redis, 'Error: ixnService.ixnNode.redis[0].host: The Redis host is required.');
  assert.doesNotMatch(await page.textContent('#main'), /at least one Redis node/);
  await tab(page, 'ops');
  await page.waitForSelector('#ops-troubleshoot');
  assert.doesNotMatch(await page.textContent('#panel-ops'), /\(\(/);
  assert.match(await page.textContent('#panel-ops'), /service account \(generated by the chart\)/);
  for (const p of await page.$$eval('#main .findings .finding, #main .finding-list .finding', (ps) => ps.map((x) => x.textContent))) {
    assert.match(p, /[.?]$/, `"${p}" is a sentence`);
  }
  await page.close();
});

test('the two Redis certificate checks say what each reaches, and TLS without verification warns', async () => {
  const { page } = await portal(f);
  await step(page, 'redis');
  const values = await page.textContent('#step-redis [data-key="ixnService.ixnNode.redisOptions.tls.rejectUnauthorized"] label');
  const secret = await page.textContent('label[for="f-redis-rejectUnauthorized"]');
  assert.notEqual(values, secret);
  assert.match(values, /IXN Node/);
  assert.match(secret, /redis-ors-secret/);
  await page.selectOption('[name="ixnService.ixnNode.redisOptions.tls.enabled"]', 'true');
  const warn = await page.textContent('#f-ixnService-ixnNode-redisOptions-tls-rejectUnauthorized-msg');
  assert.match(warn, /^Warning: TLS to Redis is on, but IXN Node does not verify the Redis certificate/);
  assert.match(await page.textContent('#f-redis-rejectUnauthorized-msg'), /TLS to Redis is on, but/);
  await page.selectOption('[name="ixnService.ixnNode.redisOptions.tls.rejectUnauthorized"]', 'true');
  await page.check('[name="redis.rejectUnauthorized"]');
  assert.equal(await page.textContent('#f-ixnService-ixnNode-redisOptions-tls-rejectUnauthorized-msg'), '');
  assert.equal(await page.textContent('#f-redis-rejectUnauthorized-msg'), '');
  await page.close();
});

test('the Redis cluster mode is one setting for every node', async () => {
  const { page } = await portal(f);
  await step(page, 'redis');
  assert.equal(await page.locator('select[name$="is_redis_cluster"]').count(), 1);
  assert.match(await page.textContent('#step-redis .cluster-mode'), /for all nodes/);
  await page.fill('[name="ixnService.ixnNode.redis[0].host"]', 'r1');
  await page.selectOption('[name="ixnService.ixnNode.redis.is_redis_cluster"]', 'true');
  await page.click('text=Add a Redis node');
  await page.fill('[name="ixnService.ixnNode.redis[1].host"]', 'r2');
  let values = await preview(page, 'values');
  assert.equal((values.match(/is_redis_cluster: "?true"?\n/g) ?? []).length, 2, values);
  await page.selectOption('[name="ixnService.ixnNode.redis.is_redis_cluster"]', 'false');
  values = await preview(page, 'values');
  assert.equal((values.match(/is_redis_cluster: "?false"?\n/g) ?? []).length, 2, values);
  await page.close();
});

test('the secret style is chosen in one place', async () => {
  const { page } = await portal(f);
  assert.equal(await page.locator('select[name="ui.secretStyle"]').count(), 0);
  assert.equal(await page.locator('[name="secrets.style"]').count(), 1);
  await tab(page, 'commands');
  await page.click('#panel-commands >> text=Change how secrets are created');
  await page.waitForSelector('#step-review:not([hidden])');
  await page.waitForFunction(() => document.activeElement?.name === 'secrets.style');
  await page.selectOption('[name="secrets.style"]', 'stdin');
  assert.match(await page.textContent('#panel-commands .help'), /manifests from stdin/);
  assert.match(await preview(page, 'commands'), /kubectl apply --namespace ixn -f - <<'EOF'/);
  await page.close();
});

test('each step links to its page of the guide, fields too, in a new tab, and the page requests nothing', async () => {
  const { page, problems } = await portal(f);
  for (const slug of STEPS) {
    const a = page.locator(`#step-${slug} > .intro a.guide`);
    assert.equal(await a.count(), 1, slug);
    assert.match(await a.getAttribute('href'), /^https:\/\/all\.docs\.genesys\.com\/IXN\/Current\/IXNPEGuide\/\w+$/);
    assert.equal(await a.getAttribute('target'), '_blank');
    assert.match(await a.getAttribute('rel'), /noopener/);
  }
  assert.equal(await page.getAttribute('#step-tenant > .intro a.guide', 'href'), 'https://all.docs.genesys.com/IXN/Current/IXNPEGuide/Deploy');
  const field = page.locator('[data-key="ixnService.ixnServer.ports.health"] a.guide');
  assert.equal(await field.getAttribute('href'), 'https://all.docs.genesys.com/IXN/Current/IXNPEGuide/Configure');
  assert.equal(await field.getAttribute('target'), '_blank');
  await page.waitForTimeout(100);
  await assertClean(page, problems);
  await page.close();
});
