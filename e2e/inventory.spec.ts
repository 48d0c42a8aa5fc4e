import type { Page } from '@playwright/test';
import { sequentialImei } from '../lib/imei';
import { signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * Staff (role "staff") runs inventory and prices in a real browser. The spec
 * makes its own product so no demo row another spec relies on is touched.
 */
const sku = `E2E-INV-${Date.now().toString(36).toUpperCase()}`;
const start = Date.now() % 1_000_000;
const [first, second, third] = [0, 1, 2].map((i) => sequentialImei(start * 10 + i, '77'));
const badSecond = second!.slice(0, 14) + String((Number(second![14]) + 1) % 10);

async function createProduct(page: Page) {
  await page.goto('/admin/products');
  await page.getByRole('link', { name: 'New product' }).click();
  await page.getByLabel('SKU').fill(sku);
  await page.getByLabel('Manufacturer').fill('Apple');
  await page.getByLabel('Model').fill('iPhone E2E');
  await page.getByLabel('Capacity').fill('128GB');
  await page.getByLabel('Color').fill('Black');
  await page.getByLabel('Network').fill('Unlocked');
  await page.getByLabel('Grade').fill('A');
  await page.getByLabel('List price (USD)').fill('300');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText(`Product ${sku} created.`)).toBeVisible();
}

test('staff add devices by pasting IMEIs: a bad line is named and nothing is added; fixed, they all arrive', async ({ page, context }) => {
  await signInAsStaff(page, 'staff@acme.example');
  await createProduct(page);
  await page.getByRole('link', { name: 'Add devices' }).click();
  await expect(page.getByRole('heading', { name: 'Add devices' })).toBeVisible();
  // The product of the page it came from is already chosen.
  await expect(page.locator('form').getByText(sku, { exact: true })).toBeVisible();

  const paste = page.getByLabel('IMEIs, one per line');
  await paste.fill([first, badSecond, third].join('\n'));
  await page.getByLabel('Cost per device (USD, optional)').fill('180');
  await page.getByRole('button', { name: 'Add 3 devices' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'nothing was added' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(`Line 2: ${badSecond} — the last digit is not the Luhn check digit`);
  await expect(refusal).not.toContainText(`Line 1`);

  // Nothing was written: the good first IMEI is not in the inventory.
  const check = await context.newPage();
  await check.goto(`/admin/inventory?q=${first}`);
  await expect(check.getByText('No devices match these filters.')).toBeVisible();
  await check.close();

  // The paste is still there to fix.
  await expect(paste).toHaveValue([first, badSecond, third].join('\n'));
  await paste.fill([first, second, third].join('\n'));
  await page.getByRole('button', { name: 'Add 3 devices' }).click();
  await expect(page.getByText('Added 3 devices.')).toBeVisible();

  await page.getByRole('link', { name: 'Inventory', exact: true }).click();
  await page.getByLabel('IMEI or serial').fill(second!);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${second}`));
  await expect(page.getByText('1 device matches.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: second! });
  await expect(row).toContainText(sku);
  await expect(row).toContainText('Received');
  await expect(row).toContainText('$180.00');

  // The last digits find it too.
  await page.getByLabel('IMEI or serial').fill(third!.slice(-6));
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('row').filter({ hasText: third! })).toBeVisible();
});

test('staff move devices to a For Sale status in bulk and change a list price', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  await page.goto(`/admin/products?q=${sku}`);
  const productRow = page.getByRole('row').filter({ hasText: sku });
  await expect(productRow).toContainText('$300.00');
  await expect(productRow.getByRole('cell').nth(4)).toHaveText('0');

  // Move all three devices (Received) to Available: they count For Sale at once.
  await productRow.getByRole('link', { name: 'Devices' }).click();
  await expect(page.getByText('3 devices match.')).toBeVisible();
  await page.getByLabel('Select all devices on this page').check();
  await page.getByLabel('To status').selectOption({ label: 'Available' });
  await page.getByRole('button', { name: 'Move 3 devices…' }).click();
  const confirmation = page.getByRole('alertdialog', { name: 'Move 3 devices from Received to Available?' });
  await expect(confirmation).toContainText('3 devices are ticked; none is committed to an order.');
  await confirmation.getByRole('button', { name: 'Move 3 devices' }).click();
  await expect(page.getByText('Moved 3 devices.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: sku }).first()).toContainText('Available');

  await page.goto(`/admin/products?q=${sku}`);
  await expect(productRow.getByRole('cell').nth(4)).toHaveText('3');

  // Change the price: a bad one is refused in the form, a good one is saved and listed.
  await productRow.getByRole('link', { name: sku }).click();
  const price = page.getByLabel('List price (USD)');
  await price.fill('12.345');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText('Enter a price such as 1299.00')).toBeVisible();
  await price.fill('1,249.50');
  await page.getByRole('button', { name: 'Save product' }).click();
  await expect(page.getByText(`Product ${sku} saved.`)).toBeVisible();
  await expect(page.getByText(/Sam Staff: \$300\.00 → \$1,249\.50/)).toBeVisible();

  await page.getByRole('link', { name: 'Products', exact: true }).first().click();
  await page.getByLabel('Search').fill(sku);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('row').filter({ hasText: sku })).toContainText('$1,249.50');
});

test('a CSV import with a bad row imports nothing and names the row; the fixed file imports every device', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  const [a, b] = [10, 11].map((i) => sequentialImei(start * 10 + i, '77'));
  const csv = (secondSku: string) =>
    `imei,sku,warehouse,status,cost,received\n${a},${sku},MAIN,Received,99.50,2025-01-15\n${b},${secondSku},OVF,In Repair,,\n`;
  await page.goto('/admin/inventory/import');
  await page.getByLabel('CSV file').setInputFiles({ name: 'devices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('NO-SUCH-SKU')) });
  await expect(page.getByText('1 row has problems, so nothing was imported.')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Rows with problems' });
  await expect(problems.getByRole('row').filter({ hasText: b! }).getByRole('cell').first()).toHaveText('3');
  await expect(problems).toContainText('no product has SKU "NO-SUCH-SKU"');

  await page.goto(`/admin/inventory?q=${a}`);
  await expect(page.getByText('No devices match these filters.')).toBeVisible();

  await page.goto('/admin/inventory/import');
  await page.getByLabel('CSV file').setInputFiles({ name: 'devices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(sku)) });
  await page.getByRole('button', { name: 'Import 2 devices' }).click();
  await expect(page.getByText('Imported 2 devices.')).toBeVisible();
  await page.goto(`/admin/inventory?q=${b}`);
  await expect(page.getByRole('row').filter({ hasText: b! })).toContainText('In Repair');
});

test('a price file is previewed old -> new, refused by row when wrong, and applied in one go', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  await page.goto('/admin/products/price-update');
  const file = (rows: string) => ({ name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(`sku,list_price\n${rows}`) });
  await page.getByLabel('Price file (CSV)').setInputFiles(file(`${sku},999.00\nNOT-A-SKU,10\n`));
  await expect(page.getByText('1 row cannot be applied')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rows that cannot be applied' })).toContainText('no product has this SKU');
  await expect(page.getByRole('button', { name: /Apply/ })).toHaveCount(0);

  await page.getByLabel('Price file (CSV)').setInputFiles(file(`${sku},999.00\n`));
  const change = page.getByRole('row').filter({ hasText: sku });
  await expect(change).toContainText('$1,249.50');
  await expect(change).toContainText('$999.00');
  await page.getByRole('button', { name: 'Apply 1 price change' }).click();
  await expect(page.getByText('Updated 1 price.')).toBeVisible();
  await page.goto(`/admin/products?q=${sku}`);
  await expect(page.getByRole('row').filter({ hasText: sku })).toContainText('$999.00');
});
