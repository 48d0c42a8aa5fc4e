import type { Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * The customer portal in a real browser: For Sale filters, the cart badge
 * that follows every change without a reload (and rolls back on refusal),
 * and checkout into a draft order. Uses purchasing@northwind.example at
 * Acme; the cart is emptied first so the run does not depend on earlier specs.
 */
const EMAIL = 'purchasing@northwind.example';

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

/** Every text the badge shows from now on, so a brief optimistic value can be asserted afterwards. */
async function recordBadge(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { badgeTexts: string[] };
    w.badgeTexts = [];
    const badge = document.querySelector('[data-testid="cart-badge"]')!;
    new MutationObserver(() => w.badgeTexts.push(badge.textContent ?? '')).observe(badge, {
      characterData: true,
      childList: true,
      subtree: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { badgeTexts: string[] }).badgeTexts);
}

test('a buyer filters For Sale, fills the cart without reloads, is refused past the limit, and checks out', async ({ page }) => {
  await signInAsCustomer(page, 'acme', EMAIL);
  await emptyCart(page);

  await page.goto('/p/acme');
  const manufacturer = page.getByRole('group', { name: /^Manufacturer/ });
  const grade = page.getByRole('group', { name: /^Grade/ });
  await manufacturer.getByRole('checkbox', { name: /^Apple \(/ }).click();
  await expect(page).toHaveURL(/[?&]manufacturer=Apple/);
  await grade.getByRole('checkbox', { name: /^A \(/ }).click();
  await expect(page).toHaveURL(/[?&]grade=A(&|$)/);
  await expect(page).toHaveURL(/[?&]manufacturer=Apple/);

  const table = page.getByRole('table', { name: 'Products for sale' });
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i).locator('td').nth(0)).toContainText(/^Apple /);
    await expect(rows.nth(i).locator('td').nth(1)).toHaveText('Grade A');
  }
  // The filter's own count is the number of products it leaves.
  const appleOption = await manufacturer.locator('label', { hasText: /^Apple \(/ }).innerText();
  const matching = Number(/\((\d+)\)/.exec(appleOption)?.[1]);
  await expect(page.getByText(`${matching} products match your filters.`)).toBeVisible();
  // The view lives in the URL: reloading the link shows the same view.
  await page.reload();
  await expect(grade.getByRole('checkbox', { name: /^A \(/ })).toBeChecked();
  await expect(manufacturer.getByRole('checkbox', { name: /^Apple \(/ })).toBeChecked();

  const badge = page.getByTestId('cart-badge');
  await expect(badge).toHaveText('0');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  const first = rows.nth(0);
  const second = rows.nth(1);
  const firstQuantity = first.getByRole('spinbutton');
  const firstLabel = (await page.locator(`label[for="${await firstQuantity.getAttribute('id')}"]`).innerText()).replace(/^Quantity of /, '');
  const firstAvailable = Number(await first.locator('td').nth(3).innerText());
  expect(firstLabel).toMatch(/^Apple iPhone .* · Grade A$/);
  expect(firstAvailable).toBeGreaterThanOrEqual(2);

  await page.getByLabel(`Quantity of ${firstLabel}`).fill('2');
  await first.getByRole('button', { name: 'Add to cart' }).click();
  await expect(badge).toHaveText('2');
  await expect(first.getByRole('status')).toHaveText('2 in cart');
  await second.getByRole('button', { name: 'Add to cart' }).click();
  await expect(badge).toHaveText('3');
  await expect(second.getByRole('status')).toHaveText('1 in cart'); // the server confirmed it
  // Asking for more than is available is refused in the row, and the badge comes back.
  await first.getByRole('spinbutton').fill(String(firstAvailable + 1));
  await first.getByRole('button', { name: 'Add to cart' }).click();
  await expect(first.getByRole('alert')).toHaveText(`2 in your cart; ${firstAvailable - 2} more available.`);
  await expect(first.getByRole('button', { name: `Add ${firstAvailable - 2}` })).toBeVisible();
  await expect(badge).toHaveText('3');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // The cart belongs to the account: it is still there after signing out and in again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/p\/acme\/sign-in/);
  await signInAsCustomer(page, 'acme', EMAIL);
  await expect(badge).toHaveText('3');

  // In the cart, a quantity past the limit is refused with a message and the badge rolls back.
  await page.getByRole('link', { name: /^Cart/ }).click();
  await expect(page).toHaveURL(/\/p\/acme\/cart$/);
  await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
  const badgeTexts = await recordBadge(page);
  const cartQuantity = page.getByLabel(`Quantity of ${firstLabel}`);
  await expect(cartQuantity).toHaveValue('2');
  await cartQuantity.fill('999');
  await cartQuantity.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: `Only ${firstAvailable} of ${firstLabel}` })).toBeVisible();
  await expect(badge).toHaveText('3');
  await expect(cartQuantity).toHaveValue('2');
  expect(await badgeTexts()).toEqual(['1000', '3']); // the optimistic value, then the rollback
  await cartQuantity.fill('1.5');
  await cartQuantity.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'The quantity must be a whole number.' })).toBeVisible();
  await expect(badge).toHaveText('3');

  // Checkout with a PO number and a payment method.
  const po = `PO-E2E-${Date.now()}`;
  await page.getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose a payment method.' })).toBeVisible();
  await page.getByLabel('Wire transfer').check();
  await page.getByLabel('PO number (optional)').fill(po);
  await page.getByLabel('Notes (optional)').fill('Ship with the next pallet');
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page).toHaveURL(/\/p\/acme\/checkout\/confirmation\/\d+$/);
  const number = /confirmation\/(\d+)$/.exec(page.url())![1];
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
  await expect(page.getByText(`PO number ${po}`)).toBeVisible();
  await expect(page.getByText('Awaiting Confirmation')).toBeVisible();
  await expect(page.getByText('Payment: Wire transfer')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  await expect(page.getByText(new RegExp(`Invoice \\d+ \\(PDF\\) is on its way to ${EMAIL}`))).toBeVisible();
  const lines = page.getByRole('table', { name: `Lines of order ${number}` }).locator('tbody tr');
  await expect(lines).toHaveCount(2);
  await expect(lines.first()).toContainText(firstLabel);
  await expect(lines.first().locator('td').nth(1)).toHaveText('2');
  await expect(badge).toHaveText('0');

  // Staff see the new order in the back office with the configured status and channel, PO number and notes.
  await signInAsStaff(page, 'staff@acme.example', `/admin/orders/${number}`);
  await expect(page).toHaveURL(new RegExp(`/admin/orders/${number}$`));
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
  await expect(page.getByText(`B2B Portal`).first()).toBeVisible();
  await expect(page.getByText(`PO number ${po}`)).toBeVisible();
  await expect(page.getByText('Awaiting Confirmation').first()).toBeVisible();
  await expect(page.getByLabel('Notes')).toHaveValue('Ship with the next pallet');

  // Another organization's buyer cannot open this confirmation.
  await page.context().clearCookies();
  await signInAsCustomer(page, 'acme', 'buyer@contoso.example');
  const response = await page.goto(`/p/acme/checkout/confirmation/${number}`);
  expect(response?.status()).toBe(404);
});

test('the CSV download holds every row of the filtered view, with its header', async ({ page }) => {
  await signInAsCustomer(page, 'acme', EMAIL);
  await page.goto('/p/acme?manufacturer=Samsung&sort=price&dir=desc');
  const description = await page.getByText(/products? match your filters/).innerText();
  const total = Number(/^([\d,]+)/.exec(description)![1]!.replace(/,/g, ''));
  const download = page.getByRole('link', { name: 'Download CSV' });
  await expect(download).toHaveAttribute('href', '/p/acme/for-sale.csv?manufacturer=Samsung&sort=price&dir=desc');

  const response = await page.request.get((await download.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="acme-for-sale-\d{4}-\d{2}-\d{2}\.csv"$/);
  const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('Manufacturer,Model,Capacity,Color,Network,Grade,SKU,Price,Currency,Available,Quantity breaks,Minimum order quantity,Order increment');
  expect(lines.length - 1).toBe(total);
  for (const line of lines.slice(1)) expect(line).toMatch(/^Samsung,/);
  const prices = lines
    .slice(1)
    .map((l) => l.split(',')[7]!)
    .filter((p) => p !== 'price on request')
    .map(Number);
  expect(prices).toEqual([...prices].sort((a, b) => b - a));

  // Signed out, the file is not served.
  await page.context().clearCookies();
  const signedOut = await page.request.get('/p/acme/for-sale.csv', { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()['location']).toContain('/p/acme/sign-in');
});
