import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';
import { keepServerLog } from './support/test-logs';

/**
 * The security headers of the production build (lib/security-headers.ts), and
 * proof that the suite's CSP guard (support/test.ts) hears a violation.
 */

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

/** What every HTML page response carries; returns its nonce. */
async function expectPageHeaders(response: APIResponse): Promise<string> {
  expect(response.status(), response.url()).toBe(200);
  const headers = response.headers();
  expect(headers['content-type']).toContain('text/html');
  const policy = headers['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'none'",
    "script-src 'self' 'nonce-",
    "'strict-dynamic'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ]) {
    expect(policy, `${response.url()} CSP has ${directive}`).toContain(directive);
  }
  expect(policy).not.toContain('unsafe-eval');
  // The proxy's headers replace next.config.ts's static ones: one of each, not two policies.
  for (const name of ['content-security-policy', 'referrer-policy', 'x-content-type-options']) {
    expect(response.headersArray().filter((h) => h.name.toLowerCase() === name), name).toHaveLength(1);
  }
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const nonce = nonceOf(policy);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  // Next stamped this response's nonce on its own scripts, and no script lacks it.
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce!;
}

/** Two requests of one page: both carry the headers, with two different nonces. */
async function expectFreshNonces(request: APIRequestContext, url: string) {
  const first = await expectPageHeaders(await request.get(url));
  const second = await expectPageHeaders(await request.get(url));
  expect(second).not.toBe(first);
}

test.describe('security headers', () => {
  test('signed-out pages: portal and back office sign-in, the landing page, a 404', async ({ request }) => {
    for (const url of ['/p/acme/sign-in', '/admin/sign-in', '/']) await expectFreshNonces(request, url);
    const missing = await request.get('/no-such-page');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // No image optimizer (images.unoptimized); what answers there still carries a policy.
    const optimizer = await request.get('/_next/image?url=%2Fx.png&w=64&q=75');
    expect(optimizer.status()).toBe(404);
    expect(optimizer.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    // Plain http on loopback: no HSTS, no upgrade of requests to an https port that does not exist.
    const plain = await request.get('/admin/sign-in');
    expect(plain.headers()['strict-transport-security']).toBeUndefined();
    expect(plain.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  test('signed-in pages: For Sale, an order, the back office dashboard and orders', async ({ page, browser }) => {
    await signInAsCustomer(page);
    for (const url of ['/p/acme', '/p/acme/orders']) await expectFreshNonces(page.request, url);
    // Nonces add a few bytes per script: the For Sale page of 50 rows stays well under 150 KB.
    const forSale = await (await page.request.get('/p/acme')).text();
    expect((forSale.match(/<tr\b/g) ?? []).length).toBeGreaterThan(50);
    expect(Buffer.byteLength(forSale)).toBeLessThan(150_000);

    const staff = await browser.newContext();
    const staffPage = await staff.newPage();
    await signInAsStaff(staffPage);
    for (const url of ['/admin', '/admin/orders']) await expectFreshNonces(staffPage.request, url);
    await staff.close();
  });

  test('one-time link pages keep no-referrer, in the header as in their <meta>', async ({ request }) => {
    for (const url of ['/p/acme/reset-password?token=x', '/admin/activate?token=x', '/p/acme/sign-in-link?token=x']) {
      const response = await request.get(url);
      expect(response.headers()['referrer-policy'], url).toBe('no-referrer');
      expect(await response.text()).toContain('<meta name="referrer" content="no-referrer"/>');
    }
  });

  test('downloads and APIs are never sniffed: CSV, PDF, JSON', async ({ page }) => {
    await signInAsCustomer(page);
    const pdfHref = await firstInvoicePdf(page);
    for (const url of ['/p/acme/for-sale.csv', '/p/acme/devices/export.csv', pdfHref, '/api/health', '/api/portal/acme/cart']) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type'], url).not.toContain('text/html');
      expect(response.headers()['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers()['content-security-policy'], url).toContain("frame-ancestors 'none'");
    }
  });
});

async function firstInvoicePdf(page: Page): Promise<string> {
  await page.goto('/p/acme/orders');
  for (const href of await page.locator('tbody a[href*="/orders/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    await page.goto(href);
    const invoice = page.locator('a[href*="/invoices/"]:not([href$="/pdf"])').first();
    if (await invoice.count()) return `${await invoice.getAttribute('href')}/pdf`;
  }
  throw new Error('no order of the buyer has an invoice');
}

test.describe('a server whose APP_URL is https', () => {
  // A second production server on a fresh, empty embedded database of its own (two
  // processes must never open one PGlite folder). It is reached over plain http here;
  // what matters is what it sends, which follows APP_URL.
  const port = Number(process.env.E2E_PORT ?? 3210) + 2;
  let server: ChildProcess | undefined;
  let dataDir = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradepost-https-'));
    server = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        APP_URL: 'https://tradepost.test',
        AUTH_SECRET: 'e2e-https-secret-not-for-production-0123456789',
        DATABASE_URL: '',
        PGLITE_DATA_DIR: path.join(dataDir, 'pglite'),
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    keepServerLog(server, port);
    await expect
      .poll(async () => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0), { timeout: 100_000, intervals: [500] })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (server?.pid) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('pages carry HSTS and upgrade-insecure-requests; APIs too are never sniffed', async ({ request }) => {
    const page = await request.get(`http://127.0.0.1:${port}/admin/sign-in`);
    await expectPageHeaders(page);
    expect(page.headers()['strict-transport-security']).toBe('max-age=31536000');
    expect(page.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
    const api = await request.get(`http://127.0.0.1:${port}/api/health`);
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
  });
});

test.describe('the CSP guard of this suite', () => {
  /** Serves the sign-in page with an inline script that lacks the nonce, as an injection would. */
  async function injectInlineScript(page: Page) {
    await page.route('**/admin/sign-in', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('</body>', '<script>document.body.dataset.injected = "ran"</script></body>');
      await route.fulfill({ response, body });
    });
    await page.goto('/admin/sign-in');
  }

  test('hears an inline script without the nonce, and the browser refuses to run it', async ({ page, cspViolations }) => {
    await injectInlineScript(page);
    await expect.poll(() => cspViolations.map((v) => v.via).sort()).toEqual(['console', 'event']);
    expect(cspViolations.find((v) => v.via === 'event')?.detail).toMatch(/^script-src-elem blocked inline/);
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
    // The page's own scripts still ran: the form hydrated and works.
    await page.getByLabel('Email').fill('owner@acme.example');
    cspViolations.splice(0); // provoked on purpose
  });

  test('hears it in a context the test opens itself', async ({ browser, cspViolations }) => {
    const context = await browser.newContext();
    await injectInlineScript(await context.newPage());
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    cspViolations.splice(0);
    await context.close();
  });

  test('fails the test it is heard in (an expected failure: listed with ✘, counted as passed)', async ({ page, cspViolations }) => {
    // Expected to fail, in the guard's teardown: the violation is heard (the poll passes)
    // and left in place.
    test.fail();
    await injectInlineScript(page);
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  });
});
