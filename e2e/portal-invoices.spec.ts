import fs from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

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

/**
 * The buyer's Invoices page at /p/acme as buyer@northwind.example (Northwind
 * Traders): the demo gives it paid, unpaid, overdue and void invoices and an
 * RMA resolved as credit.
 */
test('the buyer opens Invoices, sees an overdue invoice and the credit balance, and downloads its PDF', async ({ page }) => {
  await signInAsCustomer(page, 'acme', 'buyer@northwind.example');
  await page.getByRole('navigation', { name: 'Customer Portal' }).getByRole('link', { name: 'Invoices' }).click();
  await expect(page).toHaveURL(/\/p\/acme\/invoices$/);
  await expect(page.getByRole('heading', { name: 'Invoices', level: 1 })).toBeVisible();

  const table = page.getByRole('table', { name: 'Invoices of Northwind Traders' });
  for (const state of ['Paid', 'Unpaid', 'Overdue', 'Void']) await expect(table.getByText(state, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/past the due date$/)).toBeVisible();

  // Overdue only: every row left says so, and each links to its order.
  await page.getByLabel('Show').selectOption('overdue');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/show=overdue/);
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) {
    await expect(row).toContainText('Overdue');
    await expect(row.getByRole('link', { name: /^Order \d+$/ })).toBeVisible();
  }

  // The credit balance names the RMA it comes from, with a link to it.
  const credit = page.getByRole('region', { name: /Your credit with Acme Wireless: \$[\d,.]+/ });
  await expect(credit).toBeVisible();
  const rmaLink = credit.getByRole('link', { name: /^RMA \d+$/ }).first();
  await expect(rmaLink).toHaveAttribute('href', /\/p\/acme\/rmas\/\d+$/);

  // The overdue invoice's PDF downloads as a PDF.
  const first = rows.first();
  const invoiceNumber = (await first.getByRole('link', { name: /^Invoice \d+$/ }).innerText()).replace('Invoice ', '');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    first.getByRole('link', { name: `Download invoice ${invoiceNumber} as PDF` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`invoice-${invoiceNumber}.pdf`);
  const body = await fs.readFile((await download.path())!);
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await rmaLink.click();
  await expect(page.getByRole('heading', { name: /^RMA \d+/ })).toBeVisible();
});

test('checkout tells the buyer their credit, which the seller applies, and staff see the same balance', async ({ page, browser }) => {
  await signInAsCustomer(page, 'acme', 'buyer@northwind.example');
  await page.goto('/p/acme/invoices');
  const heading = await page.getByRole('heading', { name: /^Your credit with Acme Wireless: / }).innerText();
  const amount = heading.replace('Your credit with Acme Wireless: ', '');
  expect(amount).toMatch(/^\$[1-9][\d,]*\.\d\d$/);
  await emptyCart(page);

  await page.goto('/p/acme');
  const row = page.getByRole('table', { name: 'Products for sale' }).locator('tbody tr').first();
  await row.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('cart-badge')).not.toHaveText('0');
  await page.goto('/p/acme/checkout');
  await expect(page.getByRole('note')).toHaveText(
    `You have ${amount} of credit with Acme Wireless. It is not taken off this order: Acme Wireless applies it to one of your invoices. See your credit`,
  );

  await emptyCart(page);

  const staff = await browser.newPage();
  await signInAsStaff(staff);
  await staff.goto('/admin/organizations');
  await staff.getByRole('link', { name: 'Northwind Traders' }).click();
  await expect(staff.getByRole('heading', { name: `Credit balance: ${amount}` })).toBeVisible();
  await staff.close();
});
