import type { Page } from '@playwright/test';
import { signInAsCustomer } from './support/auth';
import { expect, test } from './support/test';

/**
 * The buyer's pages at phone width (390 × 844, touch), as a buyer on a
 * warehouse floor meets them: nothing scrolls sideways (neither the page nor
 * a table inside its frame: table rows are cards), the navigation folds into
 * a Menu button, filters fold behind "Filters", and the key actions are in
 * sight and work: add to cart from For Sale, open the filters, check out.
 * Uses purchasing@northwind.example at Acme; the cart is emptied first and last.
 */
const EMAIL = 'purchasing@northwind.example';
const WIDTH = 390;

test.use({ viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });

/** Fails when the page, or any table's frame, is wider than the screen (a side scroll). */
async function expectNoSideScroll(page: Page) {
  await page.waitForLoadState('load');
  const found = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    tables: [...document.querySelectorAll('table')]
      .map((t) => ({ table: t.caption?.textContent?.trim() ?? '(no caption)', frame: t.parentElement!, width: t.scrollWidth }))
      .filter(({ frame }) => frame.scrollWidth > frame.clientWidth + 1)
      .map(({ table, frame }) => `${table}: ${frame.scrollWidth} px in ${frame.clientWidth} px`),
  }));
  expect(found.tables, `tables that scroll sideways on ${page.url()}`).toEqual([]);
  expect(found.page, `document width of ${page.url()}`).toBeLessThanOrEqual(WIDTH);
}

/** The element lies inside the screen's width (nothing to scroll to). */
async function expectInWidth(page: Page, locator: ReturnType<Page['locator']>) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
}

/** The column name a card shows before a cell's value (`data-label` through `::before`). */
const labelShown = (cell: ReturnType<Page['locator']>) =>
  cell.evaluate((el) => getComputedStyle(el, '::before').content.replace(/^"|"$/g, ''));

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

test.beforeEach(async ({ page }) => {
  await signInAsCustomer(page, 'acme', EMAIL);
  await emptyCart(page);
});
test.afterEach(async ({ page }) => emptyCart(page));

test('For Sale at phone width: a menu button, folded filters, rows as cards, add to cart, the grouped view and the product page', async ({ page }) => {
  await page.goto('/p/acme');
  await expectNoSideScroll(page);

  // The navigation folds into a Menu button; the cart stays beside it.
  const nav = page.getByRole('navigation', { name: 'Customer Portal' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  const quickCart = page.getByRole('banner').getByRole('link', { name: 'Cart 0 units' });
  await expectInWidth(page, quickCart);
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expectInWidth(page, nav.getByRole('link', { name: 'Purchased devices' }));
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectNoSideScroll(page);
  await menu.click();
  await expect(nav).toBeHidden();

  // Search stays in sight; the filter groups fold behind "Filters".
  await expectInWidth(page, page.getByRole('searchbox', { name: 'Search' }));
  const filters = page.getByRole('button', { name: /^Filters/ });
  const grade = page.getByRole('group', { name: /^Grade/ });
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await expect(grade).toBeHidden();
  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  await expectInWidth(page, grade);
  await grade.getByRole('checkbox', { name: /^A \(/ }).check();
  await expect(page).toHaveURL(/[?&]grade=A(&|$)/);
  await expect(page.getByRole('button', { name: 'Filters (1 chosen)' })).toBeVisible();
  await expectNoSideScroll(page);

  // Each row is a card: its title, grade, price, what is available and Add, all in sight.
  const table = page.getByRole('table', { name: 'Products for sale' });
  const row = table.locator('tbody tr').first();
  const title = row.locator('td').first().getByRole('link');
  await expectInWidth(page, title);
  await expectInWidth(page, row.locator('td').nth(1));
  await expectInWidth(page, row.locator('td').nth(2));
  await expectInWidth(page, row.locator('td').nth(3));
  expect(await labelShown(row.locator('td').nth(3))).toBe('Available');
  const add = row.getByRole('button', { name: 'Add to cart' });
  await expectInWidth(page, add);
  expect((await add.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await add.click();
  await expect(row.getByRole('status')).toHaveText('1 in cart');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Cart 1 unit' })).toBeVisible();

  // Sort stays reachable: the header's sort links show above the cards.
  await expectInWidth(page, table.getByRole('link', { name: /^Price/ }));

  // The grouped view: a card per variant, a block per grade with its own Add.
  await page.getByRole('link', { name: 'Grades side by side' }).click();
  await expect(page).toHaveURL(/[?&]layout=grouped/, { timeout: 20_000 });
  const grouped = page.getByRole('table', { name: 'Products for sale by grade' });
  await expect(grouped).toBeVisible();
  await expectNoSideScroll(page);
  const groupAdd = grouped.locator('tbody tr').first().getByRole('button', { name: /^Add / }).first();
  await expectInWidth(page, groupAdd);

  // The product page.
  await page.goto('/p/acme');
  const productLink = page.getByRole('table', { name: 'Products for sale' }).locator('tbody tr').first().locator('td').first().getByRole('link');
  const productTitle = (await productLink.innerText()).trim();
  await productLink.click();
  await expect(page.getByRole('heading', { level: 1, name: productTitle })).toBeVisible();
  await expectNoSideScroll(page);
  await expectInWidth(page, page.getByRole('complementary', { name: 'Price and availability' }).getByRole('button', { name: 'Add to cart' }));
});

test('cart, checkout and the confirmation at phone width, then the order in Orders', async ({ page }) => {
  await page.goto('/p/acme');
  const rows = page.getByRole('table', { name: 'Products for sale' }).locator('tbody tr');
  await rows.nth(0).getByRole('button', { name: 'Add to cart' }).click();
  await expect(rows.nth(0).getByRole('status')).toHaveText('1 in cart');
  await rows.nth(1).getByRole('button', { name: 'Add to cart' }).click();
  await expect(rows.nth(1).getByRole('status')).toHaveText('1 in cart');

  await page.getByRole('banner').getByRole('link', { name: 'Cart 2 units' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
  await expectNoSideScroll(page);
  const cart = page.getByRole('table', { name: 'Products in your cart' });
  await expectInWidth(page, cart.locator('tbody tr').first().getByRole('button', { name: 'Update' }));
  await expectInWidth(page, cart.locator('tfoot td').last());
  await page.getByRole('link', { name: 'Checkout' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expectNoSideScroll(page);
  await page.getByLabel('Wire transfer').check();
  await page.getByLabel('PO number').fill('PHONE-390');
  const place = page.getByRole('button', { name: 'Place order' });
  await expectInWidth(page, place);
  await place.click();
  await expect(page).toHaveURL(/\/p\/acme\/checkout\/confirmation\/\d+$/);
  const number = /confirmation\/(\d+)$/.exec(page.url())![1];
  await expect(page.getByText('Thank you, your order is placed.')).toBeVisible();
  await expectNoSideScroll(page);

  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Customer Portal' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Customer Portal' })).toBeHidden(); // the menu closed on navigating
  await expectNoSideScroll(page);
  const orders = page.getByRole('table', { name: /^Orders of / });
  const placed = orders.locator('tbody tr', { has: page.getByRole('link', { name: `Order ${number}`, exact: true }) });
  await expectInWidth(page, placed.getByText('PHONE-390'));
  const total = placed.locator('td[data-label="Total"]');
  await expectInWidth(page, total);
  expect(await labelShown(total)).toBe('Total');
  // Search stays in sight, the other filters fold.
  await expectInWidth(page, page.getByRole('searchbox', { name: 'Order or PO number' }));
  const status = page.getByLabel('Status', { exact: true });
  await expect(status).toBeHidden();
  await page.getByRole('button', { name: /^Filters/ }).click();
  await expectInWidth(page, status);
  await expectNoSideScroll(page);

  await placed.getByRole('link', { name: `Order ${number}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expectNoSideScroll(page);
  await expectInWidth(page, page.getByRole('table', { name: `Lines of order ${number}` }).locator('td[data-label="Amount"]').first());
});

test('the history pages at phone width: an order with IMEIs, purchased devices, a return request, RMAs, invoices and quotes', async ({ page }) => {
  await page.goto('/p/acme/devices');
  await expect(page.getByRole('heading', { level: 1, name: 'Purchased devices' })).toBeVisible();
  await expectNoSideScroll(page);
  await expectInWidth(page, page.getByLabel('IMEI or part of it'));
  await expect(page.getByLabel('Manufacturer')).toBeHidden();
  await page.getByRole('button', { name: /^Filters/ }).click();
  await expectInWidth(page, page.getByLabel('Manufacturer'));
  const devices = page.getByRole('table', { name: /^Purchased devices of / });
  const device = devices.locator('tbody tr').first();
  await expectInWidth(page, device.getByRole('checkbox'));
  await expectInWidth(page, device.locator('td[data-label="Order"]').getByRole('link'));

  // An order with committed devices: its lines, invoices and IMEIs.
  await device.locator('td[data-label="Order"]').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order \d+$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'IMEIs on this order' })).toBeVisible();
  await expectNoSideScroll(page);

  // A return request for a device still in its window (pasted: its IMEI from the list).
  await page.goto('/p/acme/rmas/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Request a return' })).toBeVisible();
  await expectNoSideScroll(page);
  await page.goto('/p/acme/devices');
  const selectable = page.locator('tbody tr', { hasText: /Until|Any time/ }).first().getByRole('checkbox');
  await selectable.check();
  await page.getByRole('button', { name: 'Request a return' }).click();
  await expect(page).toHaveURL(/\/rmas\/new\?imei=/);
  await expect(page.getByRole('group', { name: /^IMEI / })).toBeVisible();
  await expectNoSideScroll(page);
  await expectInWidth(page, page.getByRole('button', { name: 'Submit return request' }));

  await page.goto('/p/acme/rmas');
  await expect(page.getByRole('heading', { level: 1, name: 'RMAs' })).toBeVisible();
  await expectNoSideScroll(page);
  const rma = page.getByRole('table', { name: /^RMAs of / }).locator('tbody a').first();
  await expectInWidth(page, rma);
  await rma.click();
  await expect(page.getByRole('heading', { level: 1, name: /^RMA \d+/ })).toBeVisible();
  await expectNoSideScroll(page);

  await page.goto('/p/acme/invoices');
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  await expectNoSideScroll(page);
  const invoices = page.getByRole('table', { name: /^Invoices of / });
  await expectInWidth(page, invoices.getByRole('link', { name: /^Download invoice \d+ as PDF$/ }).first());
  await expect(page.getByLabel('Show')).toBeHidden();
  await page.getByRole('button', { name: /^Filters/ }).click();
  await expectInWidth(page, page.getByLabel('Show'));

  await page.goto('/p/acme/quotes');
  await expect(page.getByRole('heading', { level: 1, name: 'Quotes' })).toBeVisible();
  await expectNoSideScroll(page);
  const quote = page.getByRole('table', { name: /^Quotes of / }).locator('tbody a').first();
  if (await quote.count()) {
    await quote.click();
    await expect(page.getByRole('heading', { level: 1, name: /^Quote \d+/ })).toBeVisible();
    await expectNoSideScroll(page);
  }
});
