import type { Page } from '@playwright/test';
import { signInAsCustomer } from './support/auth';
import { expect, test } from './support/test';

/**
 * For Sale as a buyer scans it: two grades at once with counts, the grouped
 * view with a column per grade and adding from it, the offered maximum after
 * a refusal (the table does not move), and "Order again" moving the header's
 * cart count without a page load. Uses purchasing@northwind.example at Acme;
 * the cart is emptied first and last.
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

const countOf = async (page: Page, group: string, value: RegExp) =>
  Number(/\((\d+)\)/.exec(await page.getByRole('group', { name: new RegExp(`^${group}`) }).locator('label', { hasText: value }).innerText())?.[1]);

test.beforeEach(async ({ page }) => {
  await signInAsCustomer(page, 'acme', EMAIL);
  await emptyCart(page);
});
test.afterEach(async ({ page }) => emptyCart(page));

test('a buyer filters by two grades, compares them side by side, adds from the grouped view and takes the offered maximum', async ({ page }) => {
  await page.goto('/p/acme');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const grade = page.getByRole('group', { name: /^Grade/ });
  const aPlus = grade.getByRole('checkbox', { name: /^A\+ \(/ });
  const a = grade.getByRole('checkbox', { name: /^A \(/ });
  const expected = (await countOf(page, 'Grade', /^A\+ \(/)) + (await countOf(page, 'Grade', /^A \(/));

  await aPlus.click();
  await expect(page).toHaveURL(/[?&]grade=A%2B/);
  // Arrow keys move between the boxes without applying anything.
  const url = page.url();
  await aPlus.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  await a.click();
  await expect(page).toHaveURL(/[?&]grade=A%2B&grade=A(&|$)/);
  await expect(aPlus).toBeChecked();
  await expect(a).toBeChecked();
  await expect(page.getByText(`${expected.toLocaleString('en-US')} products match your filters.`)).toBeVisible();
  const list = page.getByRole('table', { name: 'Products for sale' });
  const grades = await list.locator('tbody tr td:nth-child(2)').allInnerTexts();
  expect(grades.length).toBe(50);
  expect(new Set(grades.map((g) => g.replace(/^Grade\s*/, '').trim()))).toEqual(new Set(['A+', 'A']));

  // The grouped view keeps the filters and shows one column per chosen grade.
  await page.getByRole('link', { name: 'Grades side by side' }).click();
  await expect(page).toHaveURL(/[?&]layout=grouped/);
  await expect(page).toHaveURL(/grade=A%2B&grade=A/);
  const grouped = page.getByRole('table', { name: 'Products for sale by grade' });
  await expect(grouped.locator('thead th')).toHaveText([/^Product/, 'Grade A+', 'Grade A']);
  const firstTitle = await grouped.locator('tbody tr th').first().innerText();
  expect(firstTitle).toMatch(/ · .+ · .+ · /); // "Apple iPhone 12 · 64GB · Black · AT&T"

  const badge = page.getByTestId('cart-badge');
  await expect(badge).toHaveText('0');
  const forms = grouped.locator('form');
  const first = forms.nth(0);
  const firstAdd = first.getByRole('button', { name: /^Add / });
  // Keyboard: Enter on Add; focus stays on the button while the request runs and after.
  await firstAdd.focus();
  await page.keyboard.press('Enter');
  await expect(firstAdd).toBeFocused();
  await expect(first.getByRole('status')).toHaveText('1 in cart');
  await expect(firstAdd).toBeFocused();
  await expect(badge).toHaveText('1');

  // Past what is available: refused with the maximum offered, and the columns do not move.
  const second = forms.nth(1);
  const cellText = await second.locator('xpath=..').innerText();
  const available = Number(/(\d+) available/.exec(cellText)?.[1]);
  expect(available).toBeGreaterThan(0);
  const header = grouped.locator('thead th').nth(1);
  const before = await header.boundingBox();
  const rowBefore = await grouped.locator('tbody tr').nth(0).boundingBox();
  await second.getByRole('spinbutton').fill(String(available + 50));
  await second.getByRole('button', { name: /^Add / }).click();
  await expect(second.getByRole('alert')).toHaveText(`Only ${available} available.`);
  await expect(badge).toHaveText('1');
  expect(await header.boundingBox()).toEqual(before);
  expect((await grouped.locator('tbody tr').nth(0).boundingBox())?.height).toBe(rowBefore?.height);
  await second.getByRole('button', { name: `Add ${available}` }).click();
  await expect(second.getByRole('status')).toHaveText(`${available} in cart`);
  await expect(badge).toHaveText(String(1 + available));

  // 0 asks for at least 1, and nothing changes.
  await first.getByRole('spinbutton').fill('0');
  await firstAdd.click();
  await expect(first.getByRole('alert')).toHaveText('Enter at least 1.');
  await expect(badge).toHaveText(String(1 + available));
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('"Order again" updates the header cart count at once, without a page load', async ({ page }) => {
  await page.goto('/p/acme');
  const row = page.getByRole('table', { name: 'Products for sale' }).locator('tbody tr').first();
  await row.getByRole('button', { name: 'Add to cart' }).click();
  await expect(row.getByRole('status')).toHaveText('1 in cart');
  await page.goto('/p/acme/checkout');
  await page.getByLabel('Wire transfer').check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/p\/acme\/checkout\/confirmation\/\d+$/);
  const number = /confirmation\/(\d+)$/.exec(page.url())![1];

  await page.goto(`/p/acme/orders/${number}`);
  const badge = page.getByTestId('cart-badge');
  await expect(badge).toHaveText('0');
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole('button', { name: 'Order again' }).click();
  await expect(page.getByText('Added 1 device to your cart.')).toBeVisible();
  await expect(badge).toHaveText('1');
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
