import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';

/**
 * A closed portal shows nothing of the seller's stock, prices or cart, not
 * even inside the page's React payload: every signed-in page refuses before
 * it reads (Next renders pages beside the layout that shows the closed page).
 * Uses Bolt's portal and puts it back on afterwards.
 */
test.describe.configure({ mode: 'serial' });

async function setPortalEnabled(page: Page, enabled: boolean) {
  await page.goto('/admin/settings/customer-portal');
  const toggle = page.getByLabel('Enable the Customer Portal');
  if (enabled) await toggle.check();
  else await toggle.uncheck();
  await page.getByRole('button', { name: 'Save Customer Portal settings' }).click();
  await expect(page.getByText(/Customer Portal settings saved\.|Nothing changed\./)).toBeVisible();
}

test('while the portal is closed, a signed-in buyer gets no stock, prices or cart in any response', async ({ page, browser }) => {
  await signInAsCustomer(page, 'bolt', 'buyer@northwind.example');
  const table = page.getByRole('table', { name: 'Products for sale' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // The SKU of the first product listed: it must not appear anywhere once the portal is closed.
  const sku = (await table.locator('tbody tr').first().locator('td small').first().innerText()).trim();
  expect(sku).toMatch(/^[A-Z0-9-]{8,}$/);
  const open = await (await page.request.get('/p/bolt')).text();
  expect(open.includes(sku)).toBe(true);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAsStaff(staff, 'owner@bolt.example');
  try {
    await setPortalEnabled(staff, false);
    for (const path of ['/p/bolt', '/p/bolt/cart', '/p/bolt/checkout', '/p/bolt/orders', '/p/bolt/devices']) {
      const response = await page.request.get(path);
      const html = await response.text();
      // Booleans, so a failure does not print the whole page.
      expect(html.includes('This portal is not open.'), `${path} shows the closed page`).toBe(true);
      expect(html.includes(sku), `${path} holds no SKU`).toBe(false);
      expect(html.includes('Products for sale'), `${path} holds no For Sale table`).toBe(false);
      expect(/€\s?\d/.test(html), `${path} holds no price`).toBe(false);
    }
    for (const path of ['/p/bolt/for-sale.csv', '/api/portal/bolt/cart', '/p/bolt/devices/export.csv']) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
  } finally {
    await setPortalEnabled(staff, true);
    await staffContext.close();
  }
  await page.goto('/p/bolt');
  await expect(table.locator('tbody tr').first()).toBeVisible();
});
