import type { Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { changeStatus, createOrderThroughUi, pickableImeis } from './support/orders';
import { expect, test } from './support/test';

/**
 * States that say what to do, on the production build: the portal's error
 * page wears the seller's brand and never the platform's (a seller's domain
 * serves the same pages at its root), shows a reference but never the error;
 * not-found pages per area and per resource answer 404 with the way back;
 * each destructive action asks first in the one dialog, where Cancel changes
 * nothing and confirming does it and says so (role=status).
 *
 * The error pages are reached through the error-probe pages, served only with
 * TRADEPOST_ERROR_PROBE=1 and TRADEPOST_PUBLIC_DEMO=1 (e2e/support/start-server.sh),
 * gated like the bench floor.
 */

const SECRET = 'internal detail that must never reach the page';

async function expectNoPlatformBrand(page: Page) {
  expect(await page.locator('body').innerText()).not.toMatch(/tradepost/i);
  expect(await page.title()).not.toMatch(/tradepost/i);
}

test('a failing portal page shows the seller brand, Try again and For Sale, a reference, and never the error or the platform', async ({ page }) => {
  // Lands on a light page: the first For Sale of a cold server can outlast the sign-in helper's wait.
  await signInAsCustomer(page, 'acme', 'buyer@northwind.example', '/p/acme/orders');
  const response = await page.goto('/p/acme/error-probe');
  expect(response?.status()).toBe(500);
  await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Acme Wireless home' })).toBeVisible();
  await expect(page.getByText('contact Acme Wireless')).toBeVisible();
  await expect(page.getByText(/^Reference: \S+/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(await page.content()).not.toContain(SECRET);
  await expectNoPlatformBrand(page);

  // Try again renders the page again (it fails again, so the same page), For Sale leads back.
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to For Sale' }).click();
  await expect(page).toHaveURL(/\/p\/acme$/);
  await expect(page.getByRole('heading', { level: 1, name: 'For Sale' })).toBeVisible();
});

test('a failing back-office page offers Try again and the dashboard, never the error', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  const response = await page.goto('/admin/error-probe');
  expect(response?.status()).toBe(500);
  await expect(page.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Back office' })).toBeVisible();
  await expect(page.getByText(/^Reference: \S+/)).toBeVisible();
  expect(await page.content()).not.toContain(SECRET);
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test('not-found pages per area and per resource answer 404 with the way back, the portal in the seller brand', async ({ page }) => {
  await signInAsCustomer(page, 'acme');
  let response = await page.goto('/p/acme/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Acme Wireless home' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Orders' })).toHaveAttribute('href', '/p/acme/orders');
  await expectNoPlatformBrand(page);

  response = await page.goto('/p/acme/orders/99999999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Order 99999999 was not found' })).toBeVisible();
  await expectNoPlatformBrand(page);
  await page.getByRole('link', { name: 'Go to For Sale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'For Sale' })).toBeVisible();

  response = await page.goto('/p/acme/rmas/99999999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'RMA 99999999 was not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to RMAs' })).toBeVisible();

  response = await page.goto('/p/acme/products/NO-SUCH-SKU');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'NO-SUCH-SKU is not for sale' })).toBeVisible();

  await signInAsStaff(page, 'staff@acme.example');
  response = await page.goto('/admin/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the dashboard' })).toBeVisible();
  response = await page.goto('/admin/orders/99999999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Order 99999999 was not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
});

test('on an order, uncommitting a device, removing a tracking number and removing a line each ask first: Cancel keeps it, confirming removes it and says so', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  const { number, sku } = await createOrderThroughUi(page, { organization: 'Globex Exports', search: 'iPhone 13', quantity: 1 });
  await changeStatus(page, 'Confirmed (devices can be committed)');
  await expect(page.getByText('Status changed to Confirmed.')).toBeVisible();
  const [imei] = await pickableImeis(page, sku);
  await page.getByLabel('IMEIs to commit').fill(imei!);
  await page.getByRole('button', { name: 'Commit devices' }).click();
  await expect(page.getByText(`Committed 1 device (${imei}).`)).toBeVisible();
  const committed = page.getByRole('table', { name: `Devices committed to the line of ${sku}` });

  // Uncommit one device.
  await committed.getByRole('button', { name: `Uncommit ${imei}` }).click();
  let dialog = page.getByRole('alertdialog', { name: `Uncommit ${imei} from order ${number}?` });
  await expect(dialog).toContainText(`The device goes back to stock`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(committed.getByRole('cell', { name: imei, exact: true })).toBeVisible();
  await committed.getByRole('button', { name: `Uncommit ${imei}` }).click();
  await dialog.getByRole('button', { name: `Uncommit ${imei}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Uncommitted 1 device (${imei}) from order ${number}` })).toBeVisible();
  await expect(page.getByText('No devices are committed to this order yet.')).toBeVisible();

  // Remove a tracking number.
  const tracking = `1ZST${String(number).padStart(8, '0')}`;
  await page.getByLabel('Carrier', { exact: true }).selectOption({ label: 'UPS' });
  await page.getByLabel('Tracking number', { exact: true }).fill(tracking);
  await page.getByRole('button', { name: 'Add tracking number' }).click();
  const shipments = page.getByRole('table', { name: `Tracking numbers of order ${number}` });
  await expect(shipments.getByRole('row', { name: new RegExp(tracking) })).toBeVisible();
  await shipments.getByRole('button', { name: `Remove UPS ${tracking}` }).click();
  dialog = page.getByRole('alertdialog', { name: `Remove UPS ${tracking} from order ${number}?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(shipments.getByRole('row', { name: new RegExp(tracking) })).toBeVisible();
  await shipments.getByRole('button', { name: `Remove UPS ${tracking}` }).click();
  await dialog.getByRole('button', { name: `Remove ${tracking}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `UPS ${tracking} removed from order ${number}.` })).toBeVisible();
  await expect(shipments.getByRole('row', { name: new RegExp(tracking) })).toHaveCount(0);

  // Remove a line (an order keeps at least one, so add a second first).
  await page.getByLabel('Add a product by SKU or model').fill('Galaxy');
  const match = page.getByRole('list', { name: 'Matching products' }).getByRole('listitem').first();
  await expect(match).toBeVisible();
  const second = (await match.locator('.font-mono').innerText()).trim();
  await match.getByRole('button', { name: `Add ${second}` }).click();
  await page.getByRole('button', { name: 'Add line' }).click();
  await expect(page.getByText(`Edit line ${second}`)).toBeVisible();
  const removeLine = async () => {
    await page.getByText(`Edit line ${second}`).click();
    await page.getByRole('button', { name: `Remove line ${second}` }).click();
  };
  await removeLine();
  dialog = page.getByRole('alertdialog', { name: `Remove the line of ${second} from order ${number}?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByText(`Edit line ${second}`)).toBeVisible();
  await removeLine();
  await dialog.getByRole('button', { name: `Remove line ${second}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Line removed.' })).toBeVisible();
  await expect(page.getByText(`Edit line ${second}`)).toHaveCount(0);
});

test('deleting a warehouse and removing a grade description ask first: Cancel keeps them, confirming removes them and says so', async ({ page }) => {
  // At Bolt, whose settings and grade guide no other spec reads.
  await signInAsStaff(page, 'owner@bolt.example', '/admin/settings/warehouses');
  await page.getByLabel('Name').fill('States annex');
  await page.getByLabel('Code').fill('st-annex');
  await page.getByRole('button', { name: 'Add warehouse' }).click();
  await expect(page.getByText('Warehouse ST-ANNEX added.')).toBeVisible();
  await page.getByRole('link', { name: 'Edit warehouse ST-ANNEX' }).click();
  await page.getByRole('button', { name: 'Delete warehouse ST-ANNEX' }).click();
  let dialog = page.getByRole('alertdialog', { name: 'Delete warehouse ST-ANNEX?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.goto('/admin/settings/warehouses');
  await expect(page.getByRole('table', { name: 'Warehouses' })).toContainText('States annex');
  await page.getByRole('link', { name: 'Edit warehouse ST-ANNEX' }).click();
  await page.getByRole('button', { name: 'Delete warehouse ST-ANNEX' }).click();
  await dialog.getByRole('button', { name: 'Delete ST-ANNEX' }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/warehouses\?deleted=ST-ANNEX$/);
  await expect(page.getByText('Warehouse ST-ANNEX deleted.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Warehouses' })).not.toContainText('States annex');

  await page.goto('/admin/products/grades');
  const grade = 'B';
  const region = page.getByRole('region', { name: `Grade ${grade}`, exact: true });
  await region.getByLabel('Title').fill('States check');
  await region.getByLabel('What buyers can expect').fill('Written by the states spec, then removed.');
  await region.getByRole('button', { name: new RegExp(`^(Save|Describe) grade ${grade}$`) }).click();
  await expect(region.getByText(new RegExp(`^Grade ${grade} (described|saved)\\.$`))).toBeVisible();
  await page.reload();
  const remove = page.getByRole('button', { name: `Remove the description of grade ${grade}` });
  await remove.click();
  dialog = page.getByRole('alertdialog', { name: `Remove the description of grade ${grade}?` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(remove).toBeVisible();
  await remove.click();
  await dialog.getByRole('button', { name: `Remove grade ${grade}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `The description of grade ${grade} was removed.` })).toBeVisible();
  await page.reload();
  await expect(remove).toHaveCount(0);
});
