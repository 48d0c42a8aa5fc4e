import type { Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * Staff give Northwind a price list with a quantity break; Northwind's buyer
 * sees the lower price on For Sale and pays the break in the cart, while
 * Contoso's buyer still sees the list price. Northwind goes back to its demo
 * list at the end, so later specs see the demo as seeded.
 */
const listName = `E2E Gold ${Date.now().toString(36)}`;
const dollars = (text: string) => Number(text.replace(/[^0-9.]/g, ''));
const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A priced product with at least 5 available, as a buyer on list prices sees it. */
async function pickProduct(page: Page): Promise<{ sku: string; listPrice: number }> {
  await page.goto('/p/acme?sort=quantity&dir=desc');
  const rows = page.locator('table tbody tr');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const price = (await row.locator('td').nth(2).innerText()).trim();
    const available = Number((await row.locator('td').nth(3).innerText()).replace(/,/g, ''));
    if (price.startsWith('$') && available >= 5) return { sku: (await row.locator('small').first().innerText()).trim(), listPrice: dollars(price) };
  }
  throw new Error('no priced product with 5 available on For Sale');
}

async function setNorthwindList(page: Page, name: string) {
  await page.goto('/admin/organizations');
  await page.getByRole('link', { name: 'Northwind Traders' }).click();
  await page.getByLabel('Price list').selectOption({ label: name });
  await page.getByRole('button', { name: 'Save price list' }).click();
  await expect(page.getByText(`The organization is now on ${name}.`)).toBeVisible();
}

test('staff create a price list with a break and put Northwind on it; Northwind pays it, Contoso pays list prices', async ({ browser }) => {
  const contoso = await (await browser.newContext()).newPage();
  await signInAsCustomer(contoso, 'acme', 'buyer@contoso.example');
  const { sku, listPrice } = await pickProduct(contoso);
  const unit = listPrice - 10;
  const five = listPrice - 20;

  const staff = await (await browser.newContext()).newPage();
  await signInAsStaff(staff, 'owner@acme.example');
  await staff.getByRole('link', { name: 'Price lists' }).click();
  await expect(staff.getByRole('cell', { name: 'Trade partners' })).toBeVisible();
  await staff.getByRole('link', { name: 'New price list' }).click();
  await staff.getByLabel('Name').fill(listName);
  await staff.getByLabel('Rule').selectOption('fixed');
  await staff.getByRole('button', { name: 'Create price list' }).click();
  await expect(staff.getByRole('heading', { name: listName })).toBeVisible();
  for (const [quantity, price] of [['1', unit], ['5', five]] as const) {
    await staff.getByLabel('SKU').fill(sku);
    await staff.getByLabel('From quantity').fill(quantity);
    await staff.getByLabel('Unit price (USD)').fill(price.toFixed(2));
    await staff.getByRole('button', { name: 'Set price' }).click();
    await expect(staff.getByText(`${sku} from ${quantity} ${quantity === '1' ? 'unit' : 'units'}: ${usd(price)}.`)).toBeVisible();
  }
  await staff.reload();
  await expect(staff.getByRole('table', { name: 'Prices on this list' }).getByRole('row')).toHaveCount(3);
  await setNorthwindList(staff, listName);

  const northwind = await (await browser.newContext()).newPage();
  await signInAsCustomer(northwind);
  try {
    await northwind.goto(`/p/acme?q=${encodeURIComponent(sku)}`);
    const row = northwind.locator('table tbody tr').filter({ hasText: sku });
    await expect(row.locator('td').nth(2)).toContainText(usd(unit));
    await expect(row.locator('td').nth(2)).toContainText(`5+ ${usd(five)}`);
    await expect(row.locator('td').nth(2).locator('s')).toHaveText(usd(listPrice));
    await row.getByRole('spinbutton').fill('5');
    await row.getByRole('button', { name: 'Add to cart' }).click();
    await expect(row.getByRole('status')).toHaveText('5 in cart');
    await northwind.goto('/p/acme/cart');
    const line = northwind.locator('table tbody tr').filter({ hasText: sku });
    await expect(line).toContainText(usd(five));
    await expect(line).toContainText(usd(five * 5));

    // Contoso is on no list: the list price, no break.
    await contoso.goto(`/p/acme?q=${encodeURIComponent(sku)}`);
    const theirs = contoso.locator('table tbody tr').filter({ hasText: sku });
    await expect(theirs.locator('td').nth(2)).toHaveText(usd(listPrice));
  } finally {
    await northwind.goto('/p/acme/cart');
    const remove = northwind.getByRole('button', { name: /^Remove / }).first();
    if (await remove.isVisible()) await northwind.locator('table tbody tr').filter({ hasText: sku }).getByRole('button', { name: /^Remove / }).click();
    await setNorthwindList(staff, 'Trade partners');
  }
});
