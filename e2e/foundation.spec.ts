import { expect, test } from './support/test';

test('the landing page says what Tradepost is and links to both areas', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('B2B portal for wholesalers');
  await expect(page.getByRole('link', { name: /Back office/ })).toHaveAttribute('href', '/admin');
  await expect(page.getByRole('link', { name: /Demo portal: Acme Wireless/ })).toHaveAttribute('href', '/p/acme');
});

test('/api/health answers once migrations are applied, without naming the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('the back office and the demo portal answer a signed-out visitor', async ({ page }) => {
  const admin = await page.goto('/admin');
  expect(admin?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const portal = await page.goto('/p/acme');
  expect(portal?.status()).toBe(200);
  await expect(page.getByText('Acme Wireless').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in to the Customer Portal' })).toBeVisible();
  await expect(page.getByText('Failed query')).toHaveCount(0);
});

test('an unknown portal is a 404', async ({ page }) => {
  const response = await page.goto('/p/no-such-seller');
  expect(response?.status()).toBe(404);
});
