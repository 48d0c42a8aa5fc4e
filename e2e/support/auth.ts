import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'tradepost-demo';

/** Signs in at the back office through the real form. */
export async function signInAsStaff(page: Page, email = 'owner@acme.example', next = '/admin') {
  await page.goto(`/admin/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Signs in at a seller's portal through the real form. */
export async function signInAsCustomer(page: Page, slug = 'acme', email = 'buyer@northwind.example', next?: string) {
  await page.goto(`/p/${slug}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
