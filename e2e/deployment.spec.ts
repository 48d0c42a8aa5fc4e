import { expect, test } from './support/test';
import { DEMO_PASSWORD } from './support/auth';
import { authRestClient, parseSetCookie, removeSeededDataDir, seededDataDir, startServer, type ExtraServer } from './support/servers';

/**
 * Production servers in two deployments other than the suite's own: served
 * over https (APP_URL https://…, reached here through a TLS-terminating proxy
 * that says X-Forwarded-Proto: https), and behind one trusted reverse proxy
 * (TRUSTED_PROXY_HOPS=1). Requests come from chosen loopback addresses
 * (127.0.0.x), so "one socket" and "another socket" are real sockets.
 */
test.describe.configure({ mode: 'serial' });

let https: ExtraServer;
let proxied: ExtraServer;
let seed: string;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(240_000);
  seed = await seededDataDir();
  [https, proxied] = await Promise.all([
    startServer(seed, { APP_URL: 'https://tradepost.test' }),
    startServer(seed, { TRUSTED_PROXY_HOPS: '1' }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([https?.stop(), proxied?.stop()]);
  if (seed) await removeSeededDataDir(seed);
});

test('51 failed sign-ins from one socket, each with a fresh X-Real-IP and X-Forwarded-For, are limited; another socket is not', async () => {
  test.setTimeout(180_000);
  const from = '127.0.0.3';
  const signIn = await authRestClient(https.origin, 'customer', { localAddress: from });
  const attempt = (i: number) => {
    const spoof = `10.20.${Math.floor(i / 200)}.${i % 200}`;
    return signIn({ slug: 'acme', email: `spray${i}@nowhere.test`, password: 'guess' }, { headers: { 'x-real-ip': spoof, 'x-forwarded-for': spoof } });
  };
  // Two at a time, the server's hash cap, so no attempt is turned away as "busy".
  const codes: (string | null)[] = [];
  for (let i = 0; i < 50; i += 2) codes.push(...(await Promise.all([attempt(i), attempt(i + 1)])).map((a) => a.code));
  expect(codes).toEqual(Array(50).fill('credentials'));
  expect((await attempt(50)).code).toBe('rate_limited');
  // The same request from another socket is a different client.
  const other = await signIn({ slug: 'acme', email: 'spray50@nowhere.test', password: 'guess' }, { localAddress: '127.0.0.4', headers: { 'x-real-ip': '127.0.0.3' } });
  expect(other.code).toBe('credentials');
});

test('over https both session cookies are __Host-, Secure, HttpOnly, SameSite=Lax, Path=/ and have no Domain', async () => {
  const behindTls = { headers: { 'x-forwarded-proto': 'https' } };
  const staff = await (await authRestClient(https.origin, 'staff', behindTls))({ email: 'owner@acme.example', password: DEMO_PASSWORD });
  const customer = await (await authRestClient(https.origin, 'customer', behindTls))({ slug: 'acme', email: 'buyer@northwind.example', password: DEMO_PASSWORD });
  for (const [line, name] of [
    [staff.sessionCookie, '__Host-tp-staff-session'],
    [customer.sessionCookie, '__Host-tp-customer-session'],
  ] as const) {
    expect(line, `a ${name} cookie`).toBeTruthy();
    const cookie = parseSetCookie(line!);
    expect(cookie.name).toBe(name);
    expect(cookie.attrs.has('secure')).toBe(true);
    expect(cookie.attrs.has('httponly')).toBe(true);
    expect(cookie.attrs.get('samesite')?.toLowerCase()).toBe('lax');
    expect(cookie.attrs.get('path')).toBe('/');
    expect(cookie.attrs.has('domain')).toBe(false);
  }
});

test("over https the app's own form signs in with the __Host- cookie, and the proxy accepts it", async ({ page }) => {
  const origin = `http://localhost:${https.port}`; // a secure context for the browser, like https
  const cookies: string[] = [];
  page.on('response', async (response) => {
    if (response.request().method() === 'POST') cookies.push(...(await response.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value));
  });
  await page.goto(`${origin}/admin/sign-in`);
  await page.getByLabel('Email').fill('admin@acme.example');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const session = cookies.map(parseSetCookie).find((c) => c.name === '__Host-tp-staff-session');
  expect(session, 'the form set __Host-tp-staff-session').toBeTruthy();
  expect(session!.attrs.has('secure')).toBe(true);
  expect(session!.attrs.has('httponly')).toBe(true);
  expect(session!.attrs.get('samesite')?.toLowerCase()).toBe('lax');
  expect(session!.attrs.get('path')).toBe('/');
  await page.goto(`${origin}/admin/orders`);
  await expect(page).toHaveURL(/\/admin\/orders$/);
});

test("the form and Auth.js's endpoint count alike: after 10 failures through the endpoint the form answers the limit, even with the right password", async ({ page }) => {
  const origin = `http://localhost:${https.port}`;
  const signIn = await authRestClient(https.origin, 'staff');
  for (let i = 0; i < 10; i++) expect((await signIn({ email: 'owner@bolt.example', password: `guess-${i}` })).code).toBe('credentials');
  await page.goto(`${origin}/admin/sign-in`);
  await page.getByLabel('Email').fill('owner@bolt.example');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText(/^Too many sign-in attempts\. Please try again in 1[45] minutes\.$/);
  // Another email from the same browser still gets the ordinary answer.
  await page.getByLabel('Email').fill('staff@acme.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('That email and password do not match an active account.');
});

test('behind one trusted proxy the limit key is the last X-Forwarded-For entry, whatever the client wrote before it', async () => {
  const signIn = await authRestClient(proxied.origin, 'staff');
  const viaProxy = (client: string, i: number) =>
    signIn({ email: 'owner@acme.example', password: `guess-${i}` }, { headers: { 'x-forwarded-for': `spoof-${i}, ${client}`, 'x-real-ip': `6.6.6.${i}` } });
  for (let i = 0; i < 10; i++) expect((await viaProxy('10.0.0.9', i)).code).toBe('credentials');
  expect((await viaProxy('10.0.0.9', 10)).code).toBe('rate_limited');
  // Same socket (the proxy's), another client address written by the proxy: not limited.
  expect((await viaProxy('10.0.0.10', 11)).code).toBe('credentials');
  const owner = await signIn({ email: 'owner@acme.example', password: DEMO_PASSWORD }, { headers: { 'x-forwarded-for': 'spoof, 10.0.0.10' } });
  expect(owner.sessionCookie).toMatch(/^tp-staff-session=/);
});
