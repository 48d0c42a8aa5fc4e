import { chromium, expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startDnsServer, type TestDnsServer } from '../test/support/dns-server';
import { DEMO_PASSWORD, signInAsStaff } from './support/auth';
import { DNS_PORT } from './support/dns';

/**
 * A custom domain end to end on the production build: Acme's owner saves
 * portal.acme.test, publishes the TXT record on the suite's loopback DNS
 * server (the app resolves through it: DNS_SERVERS), and checks it. Requests
 * name the domain in their Host header; a second Chromium maps the name to
 * this server, as DNS would. Afterwards the domain is cleared again, so later
 * specs see the demo as seeded.
 */
const DOMAIN = 'portal.acme.test';
const onDomain = { host: DOMAIN };

let dns: TestDnsServer;
test.beforeAll(async () => {
  dns = await startDnsServer({ port: DNS_PORT });
});
test.afterAll(async () => {
  await dns?.close();
});

async function openPortalSettings(page: Page) {
  await page.goto('/admin/settings/customer-portal');
  await expect(page.getByRole('heading', { name: 'Customer Portal', level: 1 })).toBeVisible();
}

async function saveCustomDomain(page: Page, domain: string) {
  await openPortalSettings(page);
  await page.getByLabel('Custom domain', { exact: true }).fill(domain);
  await page.getByRole('button', { name: 'Save Customer Portal settings' }).click();
  await expect(page.getByText(/Customer Portal settings saved\.|Nothing changed\./)).toBeVisible();
}

/** Acme's portal sign-in page answers at the root of the domain (within the proxy's few-second TTL). */
async function expectServedOnDomain(request: APIRequestContext) {
  await expect(async () => {
    const response = await request.get('/sign-in', { headers: onDomain });
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain('Sign in to the Customer Portal');
    expect(html).toContain('Acme Wireless');
  }).toPass({ timeout: 15_000 });
}

test.describe('Custom domain', () => {
  test.afterAll(async ({ browser }) => {
    // Leave the demo as seeded even when a test failed midway.
    const page = await browser.newPage();
    await signInAsStaff(page, 'owner@acme.example', '/admin/settings/customer-portal');
    await saveCustomDomain(page, '');
    await page.close();
  });

  test("refuses the app's own host, then serves a domain only once its TXT record proves ownership", async ({ page, request }) => {
    await signInAsStaff(page, 'owner@acme.example', '/admin/settings/customer-portal');

    // The app's own hosts (APP_URL is http://127.0.0.1:…, APP_HOSTS www.tradepost.test) and localhost are refused; nothing is saved.
    for (const [domain, message] of [
      ['127.0.0.1', 'Enter a domain name such as portal.example.com, not an IP address.'],
      ['www.tradepost.test', "www.tradepost.test is Tradepost's own address, not a domain of yours."],
      ['shop.www.tradepost.test', "shop.www.tradepost.test is under Tradepost's own address"],
      ['localhost.', 'localhost is not a public domain'],
    ] as const) {
      await openPortalSettings(page);
      await page.getByLabel('Custom domain', { exact: true }).fill(domain);
      await page.getByRole('button', { name: 'Save Customer Portal settings' }).click();
      await expect(page.getByRole('alert').filter({ hasText: message }).first()).toBeVisible();
    }
    await openPortalSettings(page);
    await expect(page.getByLabel('Custom domain', { exact: true })).toHaveValue('');

    await saveCustomDomain(page, DOMAIN);
    await expect(page.getByRole('heading', { name: `Custom domain ${DOMAIN}` })).toBeVisible();
    await expect(page.getByText('Pending verification')).toBeVisible();
    await expect(page.getByLabel('TXT record name')).toHaveValue(`_tradepost-verify.${DOMAIN}`);
    const value = await page.getByLabel('TXT record value').inputValue();
    expect(value).toMatch(/^tradepost-verify=[0-9a-f]{32}$/);
    await expect(page.getByLabel('Custom domain URL')).toHaveCount(0);

    // Pending: the domain is no seller's yet, so nothing is rewritten to Acme's portal.
    const pending = await request.get('/sign-in', { headers: onDomain });
    expect(await pending.text()).not.toContain('Sign in to the Customer Portal');

    const status = page.getByRole('region', { name: `Custom domain ${DOMAIN}` });
    await status.getByRole('button', { name: 'Check now' }).click();
    await expect(status.getByText(`No TXT record found at _tradepost-verify.${DOMAIN} yet.`, { exact: false })).toBeVisible();

    dns.records.set(`_tradepost-verify.${DOMAIN}`, ['tradepost-verify=0000']);
    await status.getByRole('button', { name: 'Check now' }).click();
    await expect(status.getByText(`_tradepost-verify.${DOMAIN} has a TXT record, but not the value`, { exact: false })).toBeVisible();

    dns.records.set(`_tradepost-verify.${DOMAIN}`, [value]);
    await status.getByRole('button', { name: 'Check now' }).click();
    // The page re-renders with the domain verified (the button is gone).
    await expect(status.getByText('Verified', { exact: true })).toBeVisible();
    await expect(status.getByRole('button', { name: 'Check now' })).toHaveCount(0);
    await openPortalSettings(page);
    await expect(status.getByText('Verified', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Custom domain URL')).toHaveValue(`https://${DOMAIN}/`);
    await expect(page.getByText(`Checked custom domain ${DOMAIN}`).first()).toBeVisible();

    await expectServedOnDomain(request);
  });

  test('a verified domain serves only its portal; the app host is untouched', async ({ request }) => {
    await expectServedOnDomain(request);
    for (const [method, path] of [
      ['GET', '/p/bolt/sign-in'],
      ['POST', '/api/auth/staff/callback/password'],
      ['GET', '/api/auth/staff/csrf'],
      ['GET', '/api/auth/customer/csrf'],
      ['GET', '/api/internal/domain?host=portal.acme.test'],
      ['GET', '/api/portal/bolt/cart'],
      ['GET', '/admin/sign-in'],
      ['GET', '/admin'],
      ['GET', '/dev/mail'],
    ] as const) {
      const response = await request.fetch(path, { method, headers: onDomain, maxRedirects: 0, form: method === 'POST' ? { email: 'owner@acme.example', password: DEMO_PASSWORD } : undefined });
      expect(response.status(), `${method} ${path}`).toBe(404);
    }

    // Acme's own portal paths stay; a signed-out visitor is sent to sign in on the same host.
    const own = await request.get('/p/acme/sign-in', { headers: onDomain });
    expect(own.status()).toBe(200);
    const checkout = await request.get('/checkout', { headers: onDomain, maxRedirects: 0 });
    expect(checkout.status()).toBe(307);
    expect(checkout.headers()['location']).toBe('/p/acme/sign-in?next=%2Fp%2Facme%2Fcheckout');

    // The app's own hosts are never rewritten.
    for (const headers of [undefined, { host: 'www.tradepost.test' }]) {
      const staff = await request.get('/admin/sign-in', { headers });
      expect(staff.status()).toBe(200);
      expect(await staff.text()).not.toContain('Sign in to the Customer Portal');
    }
    const internal = await request.get('/api/internal/domain?host=portal.acme.test');
    expect(internal.status()).toBe(404);
  });

  test('a customer signs in and shops on the domain in a real browser', async () => {
    const port = new URL(test.info().project.use.baseURL!).port;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [`--host-resolver-rules=MAP ${DOMAIN} 127.0.0.1`],
    });
    try {
      const page = await browser.newPage();
      const origin = `http://${DOMAIN}:${port}`;
      await page.goto(`${origin}/`);
      await expect(page).toHaveURL(`${origin}/p/acme/sign-in?next=%2Fp%2Facme`);
      await page.getByLabel('Email').fill('buyer@northwind.example');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(`${origin}/p/acme`);
      await expect(page.getByRole('heading', { name: 'For Sale' })).toBeVisible();
      // The root of the domain is the same portal, without /p/acme.
      await page.goto(`${origin}/cart`);
      await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
      await expect(page).toHaveURL(`${origin}/cart`);
    } finally {
      await browser.close();
    }
  });
});
