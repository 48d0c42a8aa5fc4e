import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/test';
import { runScript, startProductionServer, untilHealthy } from './support/server-process';

/**
 * A production start is safe by default: it refuses an unsafe configuration,
 * never seeds the demo (whose password is published), refuses a database that
 * holds the demo sellers unless the demo is public on purpose, and a real
 * install gets its first seller from `npm run seller:create`.
 */
test.describe.configure({ mode: 'serial' });

const port = Number(process.env.E2E_PORT ?? 3210) + 20;
const origin = `http://127.0.0.1:${port}`;
const secret = 'production-start-spec-secret-0123456789abcdef';

function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tradepost-prod-start-'));
}

test('refuses to start without APP_URL and with a weak AUTH_SECRET, naming each problem', async () => {
  const server = startProductionServer(port, { PGLITE_DATA_DIR: freshDataDir(), AUTH_SECRET: 'short' });
  expect(await server.exited).toBe(1);
  const output = server.output();
  expect(output).toContain('Tradepost cannot start:');
  expect(output).toContain('AUTH_SECRET is 5 characters long; use at least 32');
  expect(output).toContain('APP_URL is not set');
});

test('an empty install holds no seller and refuses the demo login; seller:create makes one whose owner activates and signs in', async ({ page }) => {
  test.setTimeout(180_000);
  const env = { PGLITE_DATA_DIR: freshDataDir(), AUTH_SECRET: secret, APP_URL: origin };
  let server = startProductionServer(port, env);
  try {
    await untilHealthy(server);
    await page.goto(`${origin}/`);
    await expect(page.getByRole('link', { name: /Back office/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Demo portal/ })).toHaveCount(0);
    expect((await page.request.get(`${origin}/p/acme/sign-in`)).status()).toBe(404);
    await page.goto(`${origin}/admin/sign-in`);
    await page.getByLabel('Email').fill('owner@acme.example');
    await page.getByLabel('Password').fill('tradepost-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).toHaveText('That email and password do not match an active account.');
  } finally {
    await server.stop();
  }

  const create = await runScript(
    ['scripts/seller-create.ts', '--name', 'Harbor Phones', '--slug', 'harbor', '--currency', 'EUR', '--owner-email', 'hana@harbor.example', '--owner-name', 'Hana Owner'],
    env,
  );
  expect(create.code, create.output).toBe(0);
  const link = create.output.match(/http:\/\/127\.0\.0\.1:\d+\/admin\/activate\?token=[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, create.output).toBeTruthy();
  expect(link!.startsWith(`${origin}/admin/activate`)).toBe(true);
  // Repeating the command creates nothing twice.
  const again = await runScript(
    ['scripts/seller-create.ts', '--name', 'Harbor Phones', '--slug', 'harbor', '--currency', 'EUR', '--owner-email', 'hana@harbor.example'],
    env,
  );
  expect(again.code, again.output).toBe(0);
  expect(again.output).toContain('already exists');
  const freshLink = again.output.match(/http:\/\/127\.0\.0\.1:\d+\/admin\/activate\?token=[A-Za-z0-9_-]{43}/)?.[0];

  server = startProductionServer(port, env);
  try {
    await untilHealthy(server);
    // The first link was replaced by the second command's.
    await page.goto(link!);
    await expect(page.getByRole('heading', { name: 'This link was replaced by a newer one' })).toBeVisible();
    await page.goto(freshLink!);
    await expect(page.getByRole('heading', { name: 'Choose a password' })).toBeVisible();
    await page.getByLabel('New password').fill('harbor-owner-password');
    await page.getByLabel('Repeat the password').fill('harbor-owner-password');
    await page.getByRole('button', { name: 'Activate account' }).click();
    await expect(page).toHaveURL(`${origin}/admin`);
    await expect(page.getByText('Hana Owner (owner)')).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill('hana@harbor.example');
    await page.getByLabel('Password').fill('harbor-owner-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${origin}/admin`);
  } finally {
    await server.stop();
  }
});

test('refuses a database that holds the demo sellers unless TRADEPOST_PUBLIC_DEMO=1', async () => {
  test.setTimeout(180_000);
  const env = { PGLITE_DATA_DIR: freshDataDir(), AUTH_SECRET: secret, APP_URL: origin };
  const seed = await runScript(['scripts/seed.ts', '--devices', '0'], env);
  expect(seed.code, seed.output).toBe(0);
  const server = startProductionServer(port, env);
  expect(await server.exited).toBe(1);
  expect(server.output()).toContain('the database holds 2 demo sellers');
  expect(server.output()).toContain('TRADEPOST_PUBLIC_DEMO=1');
});
