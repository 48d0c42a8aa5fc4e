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
