import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { DEMO_PASSWORD } from '../support/auth';
import { expect, test } from '../support/test';

/**
 * The README's screenshots (`npm run screenshots`), from the demo: Acme
 * Wireless, its buyer at Northwind Traders and its owner. Each is the visible
 * part of the page (not the whole scroll height), stored as a palette PNG so
 * the repository stays small. Runs in order: the cart step fills the cart the
 * checkout shows.
 */
test.describe.configure({ mode: 'serial' });

const folder = path.join(process.cwd(), 'docs', 'screenshots');
const desktop = { width: 1280, height: 800 };

/** The demo sign-in, patient: right after the server starts, the first password check can take a while. */
async function signIn(page: Page, path: string, email: string) {
  await page.goto(path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 60_000 });
}

async function shoot(page: Page, name: string) {
  // No caret, no hover or focus ring left from the last step, web fonts in place.
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    await document.fonts.ready;
  });
  const png = await page.screenshot({ caret: 'hide', animations: 'disabled' });
  const small = await sharp(png).png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 }).toBuffer();
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(path.join(folder, `${name}.png`), small);
}

test.describe('the buyer at Northwind Traders', () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ viewport: desktop });
    await signIn(page, '/p/acme/sign-in', 'buyer@northwind.example');
  });
  test.afterAll(async () => page.close());

  test('For Sale', async () => {
    await page.goto('/p/acme');
    await expect(page.getByRole('table', { name: 'Products for sale' }).getByRole('row').nth(5)).toBeVisible();
    await shoot(page, 'for-sale');
  });

  test('product page', async () => {
    await page.goto('/p/acme?sort=quantity&dir=desc');
    const title = page.getByRole('table', { name: 'Products for sale' }).locator('tbody tr').first().getByRole('link').first();
    await title.click();
    await expect(page).toHaveURL(/\/p\/acme\/products\//);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shoot(page, 'product');
  });

  test('cart', async () => {
    await page.goto('/p/acme/cart');
    if (await page.getByText('Your cart is empty.').isVisible()) {
      await page.goto('/p/acme?sort=quantity&dir=desc');
      const rows = page.getByRole('table', { name: 'Products for sale' }).locator('tbody tr');
      for (const i of [0, 1, 2]) {
        await rows.nth(i).getByRole('spinbutton').fill(String(3 + i));
        await rows.nth(i).getByRole('button', { name: 'Add to cart' }).click();
        await expect(rows.nth(i).getByRole('status')).toHaveText(`${3 + i} in cart`);
      }
      await page.goto('/p/acme/cart');
    }
    await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
    await shoot(page, 'cart');
  });

  test('checkout', async () => {
    await page.goto('/p/acme/checkout');
    await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible();
    await shoot(page, 'checkout');
  });

  test('quote', async () => {
    await page.goto('/p/acme/quotes');
    // An answered quote (prices to accept) when the demo has one, else the newest.
    const answered = page.locator('tbody tr').filter({ hasText: 'Answered' }).getByRole('link', { name: /^Quote \d+$/ });
    const quote = (await answered.count()) ? answered.first() : page.locator('tbody').getByRole('link', { name: /^Quote \d+$/ }).first();
    await quote.click();
    await expect(page.getByRole('heading', { level: 1, name: /^Quote \d+/ })).toBeVisible();
    await shoot(page, 'quote');
  });

  test('purchased devices', async () => {
    await page.goto('/p/acme/devices');
    await expect(page.getByRole('table', { name: /^Purchased devices of / }).getByRole('row').nth(5)).toBeVisible();
    await shoot(page, 'purchased-devices');
  });

  test('phone width: For Sale at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/p/acme');
    await expect(page.getByText(/products? match|products for sale/i).first()).toBeVisible();
    await shoot(page, 'phone-for-sale');
    await page.setViewportSize(desktop);
  });
});

test.describe('the owner of Acme Wireless', () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ viewport: desktop });
    await signIn(page, '/admin/sign-in', 'owner@acme.example');
  });
  test.afterAll(async () => page.close());

  test('Customer Portal settings', async () => {
    await page.goto('/admin/settings/customer-portal');
    await expect(page.getByRole('heading', { name: 'Customer Portal', level: 1 })).toBeVisible();
    await shoot(page, 'customer-portal-settings');
  });

  test('an order with committed devices', async () => {
    await page.goto('/admin/orders');
    await page.getByLabel('Status').selectOption({ label: 'Shipped' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/status=/);
    await page.getByRole('table', { name: 'Orders' }).getByRole('row').nth(1).getByRole('link').first().click();
    await expect(page.getByRole('table', { name: /^Devices committed to the line of / }).first()).toBeVisible();
    // Tall enough to hold the order's lines and its committed IMEIs in one picture.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await shoot(page, 'order-committed-devices');
    await page.setViewportSize(desktop);
  });
});
