import { expect, type Page } from '@playwright/test';

/**
 * Creates an order through the New order page for an organization, with the
 * most available product matching `search`, and answers its number, the SKU
 * and how many were available before.
 */
export async function createOrderThroughUi(
  page: Page,
  options: { organization: string; search: string; quantity: number; status?: string },
) {
  await page.goto('/admin/orders/new');
  await page.getByLabel('Organization').selectOption({ label: options.organization });
  if (options.status) await page.getByLabel('Status').selectOption({ label: options.status });
  await page.getByLabel('Find a product by SKU or model').fill(options.search);
  const first = page.getByRole('list', { name: 'Matching products' }).getByRole('listitem').first();
  await expect(first).toBeVisible();
  const sku = (await first.locator('.font-mono').innerText()).trim();
  const available = Number((await first.innerText()).match(/(\d+) available/)![1]);
  expect(available).toBeGreaterThanOrEqual(options.quantity + 1);
  await first.getByRole('button', { name: `Add ${sku}` }).click();
  await page.getByLabel('Quantity').fill(String(options.quantity));
  await page.getByRole('button', { name: 'Create order' }).click();
  await expect(page).toHaveURL(/\/admin\/orders\/\d+$/);
  const number = Number(page.url().split('/').pop());
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  return { number, sku, available };
}

/** IMEIs the order page offers to pick for the line of a SKU. */
export async function pickableImeis(page: Page, sku: string): Promise<string[]> {
  const list = page.getByRole('list', { name: `For Sale devices of ${sku}` });
  await expect(list).toBeVisible();
  return (await list.getByRole('button').allInnerTexts()).map((t) => t.trim());
}

export async function changeStatus(page: Page, status: string) {
  await page.getByLabel('New status').selectOption({ label: status });
  await page.getByRole('button', { name: 'Change status' }).click();
}

/** The same IMEI with a wrong Luhn check digit. */
export function withBadCheckDigit(imei: string): string {
  return imei.slice(0, 14) + String((Number(imei.at(-1)) + 1) % 10);
}
