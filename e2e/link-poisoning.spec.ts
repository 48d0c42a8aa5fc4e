import type { APIRequestContext, Page } from '@playwright/test';
import { emailsTo } from './support/mail';
import { expect, test } from './support/test';

/**
 * Host-header poisoning of one-time links (review finding F1): a script asks
 * for a reset or sign-in link for someone else with a forged
 * `X-Forwarded-Host` and a matching `Origin` (which passes Next's
 * server-action check). The email must still link to APP_URL.
 *
 * A browser will not send a forged Origin, so the form's real server-action
 * request is captured and replayed the way a script would send it.
 */
const forged = { 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https', origin: 'https://evil.test' };

async function submitForged(page: Page, request: APIRequestContext, submit: () => Promise<void>) {
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route('**/*', async (route) => {
    const r = route.request();
    if (r.method() === 'POST' && r.headers()['next-action'] && !captured) {
      captured = { headers: await r.allHeaders(), body: r.postDataBuffer()! };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await submit();
  await expect.poll(() => Boolean(captured)).toBe(true);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  const keep = ['next-action', 'next-router-state-tree', 'content-type', 'accept'];
  const headers = Object.fromEntries(Object.entries(captured!.headers).filter(([k]) => keep.includes(k)));
  const response = await request.post(page.url(), { headers: { ...headers, ...forged }, data: captured!.body, maxRedirects: 0 });
  expect(response.status(), 'Next accepted the forged action request').toBe(200);
}

async function newEmailTo(to: string, subject: string, before: number): Promise<string> {
  let text = '';
  await expect(async () => {
    const all = await emailsTo(to);
    expect(all.length, `a new email to ${to}`).toBeGreaterThan(before);
    expect(all[0]!.subject).toBe(subject);
    text = all[0]!.text;
  }).toPass({ timeout: 20_000 });
  return text;
}

test('a reset link requested with a forged host still points at APP_URL', async ({ page, request, baseURL }) => {
  const to = 'admin@acme.example';
  const before = (await emailsTo(to)).length;
  await page.goto('/admin/forgot-password');
  await expect(page.getByRole('heading', { name: /Forgot your password/ })).toBeVisible();
  await page.getByLabel('Email').fill(to);
  await submitForged(page, request, () => page.getByRole('button', { name: 'Email me a reset link' }).click());

  const text = await newEmailTo(to, 'Reset your password for the Acme Wireless back office on Tradepost', before);
  expect(text).toContain(`${baseURL}/admin/reset-password?token=`);
  expect(text).not.toContain('evil.test');
});

test('a portal sign-in link requested with a forged host still points at APP_URL', async ({ page, request, baseURL }) => {
  const to = 'buyer@contoso.example';
  const before = (await emailsTo(to)).length;
  await page.goto('/p/acme/sign-in');
  await page.getByRole('link', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Email me a sign-in link' })).toBeVisible();
  await page.getByLabel('Email').fill(to);
  await submitForged(page, request, () => page.getByRole('button', { name: 'Email me a sign-in link' }).click());

  const text = await newEmailTo(to, 'Your sign-in link for the Acme Wireless Customer Portal', before);
  expect(text).toContain(`${baseURL}/p/acme/sign-in-link?token=`);
  expect(text).not.toContain('evil.test');
});
