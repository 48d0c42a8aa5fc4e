import type { Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * Buying specific units, end to end: staff turn on "Buyers may pick units"; a buyer narrows For Sale to
 * batteries at 90%+, opens a product page, reads what its grade means in the grade guide, picks two units
 * and checks out; staff see exactly those two units to commit on the order page. The setting is turned
 * off again at the end, as the demo has it.
 */
async function setPickUnits(page: Page, on: boolean) {
  await page.goto('/admin/settings/customer-portal');
  const box = page.getByRole('checkbox', { name: 'Buyers may pick units' });
  if (on) await box.check();
  else await box.uncheck();
  await page.getByRole('button', { name: 'Save Customer Portal settings' }).click();
  await expect(page.getByText('Customer Portal settings saved.')).toBeVisible();
}

test('a buyer filters by battery 90%+, opens a product page, reads the grade guide, picks two units and checks out; staff see exactly those units', async ({ browser }) => {
  const staff = await browser.newPage();
  const buyer = await browser.newPage();
  try {
    await signInAsStaff(staff, 'owner@acme.example', '/admin/settings/customer-portal');
    await setPickUnits(staff, true);

    await signInAsCustomer(buyer, 'acme', 'buyer@northwind.example', '/p/acme?sort=price&dir=desc');
    await buyer.getByRole('group', { name: /^Battery health/ }).getByRole('checkbox', { name: /^90% and above \(/ }).click();
    await expect(buyer).toHaveURL(/[?&]battery=90-100/);
    // A row without quantity rules (two units must be a valid order).
    const rows = buyer.getByRole('table', { name: 'Products for sale' }).locator('tbody tr');
    const row = rows.filter({ hasNot: buyer.getByText(/Min \d|packs of/) }).first();
    const title = (await row.locator('td').first().getByRole('link').innerText()).trim();
    await row.locator('td').first().getByRole('link').click();
    await expect(buyer).toHaveURL(/\/p\/acme\/products\//);
    await expect(buyer.getByRole('heading', { name: title })).toBeVisible();
    await expect(buyer.getByRole('region', { name: 'Condition of the available units' }).getByText('Battery health')).toBeVisible();

    // The grade guide, from the product page, and back.
    const gradeLink = buyer.getByRole('link', { name: /^What grade .+ means$/ });
    await gradeLink.click();
    await expect(buyer).toHaveURL(/\/p\/acme\/grades#grade-/);
    await expect(buyer.getByRole('heading', { name: 'Grades', level: 1 })).toBeVisible();
    await buyer.goBack();

    // Pick two units: only the IMEI's last four digits are shown.
    const boxes = buyer.getByRole('checkbox', { name: /^Pick unit •••• \d{4}$/ });
    await expect(boxes.first()).toBeVisible();
    const tails: string[] = [];
    for (const box of (await boxes.all()).slice(0, 2)) {
      tails.push(/(\d{4})$/.exec((await box.getAttribute('aria-label'))!)![1]!);
      await box.check();
    }
    await buyer.getByRole('button', { name: 'Add picked units to cart' }).click();
    await expect(buyer.getByRole('status').filter({ hasText: 'Added 2 units to your cart.' })).toBeVisible();

    await buyer.goto('/p/acme/cart');
    await expect(buyer.getByRole('heading', { name: 'Picked units (2)' })).toBeVisible();
    await buyer.goto('/p/acme/checkout');
    await expect(buyer.getByRole('heading', { name: 'Picked units (2)' })).toBeVisible();
    await buyer.getByLabel('Wire transfer').check();
    await buyer.getByRole('button', { name: 'Place order' }).click();
    await expect(buyer).toHaveURL(/\/p\/acme\/checkout\/confirmation\/\d+$/);
    const number = /confirmation\/(\d+)$/.exec(buyer.url())![1];

    await staff.goto(`/admin/orders/${number}`);
    const held = staff.getByRole('region', { name: 'Units the buyer picked' });
    await expect(held).toBeVisible();
    const units = held.locator('li');
    await expect(units).toHaveCount(2);
    const shown = (await units.allInnerTexts()).map((t) => /(\d{15})/.exec(t)?.[1] ?? '');
    expect(shown.map((imei) => imei.slice(-4)).sort()).toEqual([...tails].sort());
    await expect(held.getByText('To commit')).toHaveCount(2);
  } finally {
    await setPickUnits(staff, false).catch(() => {});
    await buyer.close();
    await staff.close();
  }
});
