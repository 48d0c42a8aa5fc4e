import type { Page } from '@playwright/test';
import { signInAsCustomer } from './support/auth';
import { expect, test } from './support/test';

/**
 * Bulk order: a buyer pastes "SKU, quantity" lines with one unknown SKU, sees
 * it refused in the preview beside the two good lines, and adds the good ones
 * to the cart in one step. Uses buyer@globex.example at Acme; the cart is
 * emptied first and last.
 */
const EMAIL = 'buyer@globex.example';

async function emptyCart(page: Page) {
  await page.goto('/p/acme/cart');
  const remove = page.getByRole('button', { name: /^Remove / });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(before - 1);
  }
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
}

/** Two SKUs of priced products without quantity rules, with at least 3 available. */
async function twoSkus(page: Page): Promise<[string, string]> {
  await page.goto('/p/acme?sort=quantity&dir=desc');
  const rows = page.getByRole('table', { name: 'Products for sale' }).locator('tbody tr');
  const skus: string[] = [];
  for (let i = 0; i < (await rows.count()) && skus.length < 2; i++) {
    const row = rows.nth(i);
    const cells = row.locator('td');
    const price = (await cells.nth(2).innerText()).trim();
    const available = Number((await cells.nth(3).innerText()).replace(/,/g, ''));
    const rules = await cells.nth(4).locator('small').count();
    if (price.startsWith('$') && available >= 3 && rules === 0) skus.push((await cells.nth(0).locator('small').innerText()).trim());
  }
  expect(skus).toHaveLength(2);
  return skus as [string, string];
}

test.beforeEach(async ({ page }) => {
  await signInAsCustomer(page, 'acme', EMAIL);
  await emptyCart(page);
});
test.afterEach(async ({ page }) => emptyCart(page));

test('a bulk paste with one bad line shows its refusal, and the good lines go into the cart', async ({ page }) => {
  const [first, second] = await twoSkus(page);
  await page.getByRole('link', { name: 'Bulk order' }).click();
  await expect(page.getByRole('heading', { name: 'Bulk order' })).toBeVisible();

  await page.getByLabel('Lines: SKU and quantity').fill(`SKU, quantity\n${first}, 2\nNO-SUCH-SKU-E2E; 4\n${second}\t1`);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('table', { name: 'Bulk order preview' });
  await expect(preview).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Preview: 2 lines can be added, 1 refused' })).toBeVisible();
  const bad = preview.locator('tbody tr').filter({ hasText: 'NO-SUCH-SKU-E2E' });
  await expect(bad).toContainText('No product with this SKU.');
  await expect(preview.locator('tbody tr').filter({ hasText: first })).toContainText('$');

  await page.getByRole('button', { name: 'Add 2 lines to the cart' }).click();
  await expect(page.getByText('Added 2 lines (3 units) to your cart.')).toBeVisible();
  await expect(page.getByTestId('cart-badge')).toHaveText('3');

  await page.getByRole('link', { name: 'Go to your cart' }).first().click();
  const cart = page.getByRole('table', { name: 'Products in your cart' });
  await expect(cart.locator('tbody tr')).toHaveCount(2);
  await expect(cart.locator('tbody tr').filter({ hasText: first }).getByRole('spinbutton')).toHaveValue('2');
  await expect(cart.locator('tbody tr').filter({ hasText: second }).getByRole('spinbutton')).toHaveValue('1');
});
