import type { Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * Ship-to addresses in a real browser: the buyer (Nora at Northwind Traders,
 * whose demo organization has three addresses) checks out to one that is
 * not the default and adds one of her own (Acme allows it); the order keeps
 * the address chosen, for the buyer and for staff. Staff manage the
 * addresses of a fresh organization on its page.
 */
const EMAIL = 'buyer@northwind.example';

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

async function oneProductInCart(page: Page) {
  await emptyCart(page);
  await page.goto('/p/acme');
  const first = page.getByRole('table', { name: 'Products for sale' }).locator('tbody tr').first();
  await first.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('cart-badge')).toHaveText('1');
  await page.goto('/p/acme/checkout');
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
}

async function placeOrder(page: Page): Promise<number> {
  await page.getByLabel('Wire transfer').check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/p\/acme\/checkout\/confirmation\/\d+$/);
  return Number(/confirmation\/(\d+)$/.exec(page.url())![1]);
}

test('a buyer checks out to a shipping address that is not the default; the order shows it to the buyer and to staff', async ({ page, browser }) => {
  await signInAsCustomer(page, 'acme', EMAIL);
  await oneProductInCart(page);

  const shipTo = page.getByRole('group', { name: 'Ship to' });
  await expect(shipTo.getByRole('radio')).toHaveCount(3);
  await expect(shipTo.getByRole('radio', { name: /Main warehouse/ })).toBeChecked();
  await shipTo.getByRole('radio', { name: /Repair centre/ }).check();
  const number = await placeOrder(page);
  await expect(page.getByRole('region', { name: 'Ship to' })).toContainText('Repair centre');

  await page.goto(`/p/acme/orders/${number}`);
  const shown = page.getByRole('region', { name: 'Ship to' });
  await expect(shown).toContainText('Repair centre');
  await expect(shown).toContainText('Attn: Nick Purchasing');
  await expect(shown).toContainText('41 Industrial Park');
  await expect(shown).not.toContainText('Main warehouse');

  const staff = await browser.newPage();
  try {
    await signInAsStaff(staff, 'owner@acme.example', `/admin/orders/${number}`);
    await staff.goto(`/admin/orders/${number}`);
    const staffShown = staff.getByRole('region', { name: 'Ship to' });
    await expect(staffShown).toContainText('Repair centre');
    await expect(staffShown).toContainText('41 Industrial Park');
  } finally {
    await staff.close();
  }
});

test('a buyer adds a shipping address at checkout; it is chosen, saved to the organization and on the order', async ({ page }) => {
  const label = `Pop-up ${Date.now()}`;
  await signInAsCustomer(page, 'acme', EMAIL);
  await oneProductInCart(page);

  await page.getByRole('button', { name: 'Add a shipping address' }).click();
  const form = page.getByRole('region', { name: 'Add a shipping address' });
  await form.getByLabel('Label (e.g. Main warehouse)').fill(label);
  await form.getByLabel('Street address').fill('7 Fair Ground');
  await form.getByLabel('City', { exact: true }).fill('Springfield');
  // A missing country is refused in the form, naming the field.
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(form.getByText('Enter the country.')).toBeVisible();
  await form.getByLabel('Country', { exact: true }).fill('US');
  await form.getByRole('button', { name: 'Save address' }).click();
  await expect(form).toBeHidden();

  const shipTo = page.getByRole('group', { name: 'Ship to' });
  await expect(shipTo.getByRole('radio', { name: new RegExp(label) })).toBeChecked();
  const number = await placeOrder(page);

  await page.goto(`/p/acme/orders/${number}`);
  await expect(page.getByRole('region', { name: 'Ship to' })).toContainText(label);
  await expect(page.getByRole('region', { name: 'Ship to' })).toContainText('7 Fair Ground');
});

test('staff add shipping addresses, cannot delete the default while others exist, make another the default, then delete it', async ({ page }) => {
  const stamp = Date.now();
  const orgName = `Ship-to Test ${stamp}`;
  await signInAsStaff(page, 'owner@acme.example', '/admin/organizations/new');
  await page.goto('/admin/organizations/new');
  await page.getByLabel('Name', { exact: true }).fill(orgName);
  const shipping = page.getByRole('group', { name: /^Shipping address/ });
  await shipping.getByLabel('Street address').fill('1 Dock Road');
  await shipping.getByLabel('City').fill('Springfield');
  await shipping.getByLabel('Country').fill('US');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: orgName })).toBeVisible();

  const table = page.getByRole('table', { name: `Shipping addresses of ${orgName}` });
  await expect(table.getByRole('row', { name: /Main/ })).toContainText('Default');

  await page.getByRole('button', { name: 'Add a shipping address' }).click();
  await page.getByLabel('Label (e.g. Main warehouse)').fill('Store 2');
  await page.getByLabel('Street address').fill('2 High Street');
  await page.getByLabel('City').fill('Shelbyville');
  await page.getByLabel('Country').fill('US');
  await page.getByRole('button', { name: 'Add address' }).click();
  const store = table.getByRole('row', { name: /Store 2/ });
  await expect(store).toContainText('2 High Street');
  await expect(store).not.toContainText('Default');

  // The default cannot go while Store 2 exists.
  const main = table.getByRole('row', { name: /Main/ });
  await main.getByRole('button', { name: 'Delete: Main' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('cannot be deleted while the organization has others');
  await dialog.getByRole('button', { name: 'Delete Main' }).click();
  await expect(main.getByRole('status')).toHaveText(/Make another address the default first/);
  await expect(table.locator('tbody tr')).toHaveCount(2);

  await store.getByRole('button', { name: 'Make default: Store 2' }).click();
  await expect(store).toContainText('Default');
  await main.getByRole('button', { name: 'Delete: Main' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Orders that shipped there keep their copy of it.');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete Main' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('Store 2');

  // The history names each change.
  await expect(page.getByText(/made “Store 2” the default shipping address/)).toBeVisible();

  // Edit: the form comes filled in, saves, and goes back to the list.
  const orgUrl = page.url();
  await table.getByRole('link', { name: 'Edit: Store 2' }).click();
  await expect(page.getByRole('heading', { name: 'Edit shipping address Store 2 (default)' })).toBeVisible();
  await expect(page.getByLabel('Street address')).toHaveValue('2 High Street');
  await page.getByLabel('Phone (optional)').fill('+1 555 0202');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page).toHaveURL(orgUrl);
  await expect(table.getByRole('row', { name: /Store 2/ })).toContainText('+1 555 0202');

  // Another organization's address (the demo's first, Northwind's) is not found under this one.
  const foreign = await page.goto(`${orgUrl}/addresses/1`);
  expect(foreign!.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Shipping address not found' })).toBeVisible();
});
