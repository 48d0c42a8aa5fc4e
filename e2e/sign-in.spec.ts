import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

test('staff sign in with a password and return to the page they asked for', async ({ page }) => {
  await page.goto('/admin/orders?status=open');
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=/);
  await page.getByLabel('Email').fill('owner@acme.example');
  await page.getByLabel('Password').fill('tradepost-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/orders\?status=open$/);

  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Acme Wireless')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/sign-in/);
});

test('a wrong password and an unknown email get the same generic answer', async ({ page }) => {
  const answers: string[] = [];
  for (const email of ['owner@acme.example', 'nobody@acme.example']) {
    await page.goto('/admin/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('form').getByRole('alert');
    await expect(alert).toBeVisible();
    answers.push(await alert.innerText());
  }
  expect(answers[0]).toBe('That email and password do not match an active account.');
  expect(answers[1]).toBe(answers[0]);
});

test("a customer signs in to their seller's portal, and that session gives nothing at another seller", async ({ page }) => {
  await signInAsCustomer(page, 'acme', 'buyer@northwind.example');
  await expect(page.getByRole('heading', { name: 'For Sale' })).toBeVisible();
  await expect(page.getByText('Northwind Traders')).toBeVisible();

  await page.goto('/p/bolt');
  await expect(page).toHaveURL(/\/p\/bolt\/sign-in/);
  await expect(page.getByRole('heading', { name: 'Sign in to the Customer Portal' })).toBeVisible();
});

test('a staff session and a customer session live side by side in one browser', async ({ page }) => {
  await signInAsStaff(page);
  await signInAsCustomer(page, 'acme');
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
});

test('signing out ends the session on the server: a saved copy of the cookie no longer opens the back office or the portal', async ({ page, browser }) => {
  await signInAsStaff(page, 'staff@acme.example');
  await signInAsCustomer(page, 'acme', 'buyer@contoso.example');
  const saved = (await page.context().cookies()).filter((c) => /tp-(staff|customer)-session$/.test(c.name));
  expect(saved.map((c) => c.name).sort()).toEqual(['tp-customer-session', 'tp-staff-session']);

  await page.goto('/admin');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto('/p/acme');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/p\/acme\/sign-in$/);

  // Someone who copied the cookies before the sign-out replays them.
  const thief = await browser.newContext();
  await thief.addCookies(saved);
  const stolen = await thief.newPage();
  await stolen.goto('/admin');
  await expect(stolen).toHaveURL(/\/admin\/sign-in/);
  await stolen.goto('/p/acme/orders');
  await expect(stolen).toHaveURL(/\/p\/acme\/sign-in/);
  await thief.close();
});

test('sign-in and sign-out redirect to a path of ours, whatever Host, X-Forwarded-Host and Origin a script sends', async ({ page, request }) => {
  // Capture the form's real server-action request, then replay it as a script would, with forged headers.
  const forged = { 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https', origin: 'https://evil.test' };
  async function replay(action: () => Promise<void>, cookie?: string) {
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
    await action();
    await expect.poll(() => Boolean(captured)).toBe(true);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    const keep = ['next-action', 'next-router-state-tree', 'content-type', 'accept'];
    const headers = Object.fromEntries(Object.entries(captured!.headers).filter(([k]) => keep.includes(k)));
    const response = await request.post(page.url(), {
      headers: { ...headers, ...forged, ...(cookie ? { cookie } : {}) },
      data: captured!.body,
      maxRedirects: 0,
    });
    return response;
  }

  await page.goto('/admin/sign-in?next=%2Fadmin%2Forders');
  await page.getByLabel('Email').fill('admin@acme.example');
  await page.getByLabel('Password').fill('tradepost-demo');
  const signedIn = await replay(() => page.getByRole('button', { name: 'Sign in' }).click());
  expect(signedIn.headers()['x-action-redirect']).toMatch(/^\/admin\/orders(;|$)/);
  const session = signedIn.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('tp-staff-session='));
  expect(session, 'the replayed sign-in set a session').toBeTruthy();

  const value = session!.value.split(';')[0]!.split('=').slice(1).join('=');
  await page.context().addCookies([{ name: 'tp-staff-session', value, domain: new URL(page.url()).hostname, path: '/' }]);
  await page.goto('/admin');
  const signedOut = await replay(() => page.getByRole('button', { name: 'Sign out' }).click(), session!.value.split(';')[0]);
  expect(signedOut.headers()['x-action-redirect']).toMatch(/^\/admin\/sign-in(;|$)/);
  for (const response of [signedIn, signedOut]) expect(response.headers()['location'] ?? '').not.toContain('evil.test');
});
