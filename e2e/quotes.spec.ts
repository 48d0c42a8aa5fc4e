import type { Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * A buyer asks for a quote from the cart, staff answer it with a price per
 * line, and the buyer accepts it into an order at the quoted price. Contoso's
 * buyer does it, so Northwind's demo cart and quotes stay as seeded.
 */
const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A priced product with at least 5 available on For Sale. */
async function pickProduct(page: Page): Promise<string> {
  await page.goto('/p/acme?sort=quantity&dir=desc');
  const rows = page.locator('table tbody tr');
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const price = (await row.locator('td').nth(2).innerText()).trim();
    const available = Number((await row.locator('td').nth(3).innerText()).replace(/,/g, ''));
    if (price.startsWith('$') && available >= 5) return (await row.locator('small').first().innerText()).trim();
  }
  throw new Error('no priced product with 5 available on For Sale');
}

async function emptyCart(page: Page) {
  await page.goto('/p/acme/cart');
  const remove = page.getByRole('button', { name: /^Remove / });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(before - 1);
  }
}

test('a buyer requests a quote from the cart, staff answer it, the buyer accepts it into an order', async ({ browser }) => {
  const buyer = await (await browser.newContext()).newPage();
  await signInAsCustomer(buyer, 'acme', 'buyer@contoso.example');
  await emptyCart(buyer);
  const sku = await pickProduct(buyer);
  await buyer.goto(`/p/acme?q=${encodeURIComponent(sku)}`);
  const row = buyer.locator('table tbody tr').filter({ hasText: sku });
  await row.getByRole('spinbutton').fill('3');
  await row.getByRole('button', { name: 'Add to cart' }).click();
  await expect(row.getByRole('status')).toHaveText('3 in cart');

  await buyer.goto('/p/acme/cart');
  await buyer.getByRole('link', { name: 'Request a quote' }).click();
  await expect(buyer.getByRole('heading', { name: 'Request a quote' })).toBeVisible();
  await buyer.getByLabel(/^Target unit price for /).fill('99.50');
  await buyer.getByLabel('Message (optional)').fill('Three for our Springfield store, please.');
  await buyer.getByRole('button', { name: 'Send quote request' }).click();
  await expect(buyer).toHaveURL(/\/p\/acme\/quotes\/\d+\?requested=1$/);
  const quoteNumber = Number(/quotes\/(\d+)/.exec(buyer.url())![1]);
  await expect(buyer.getByText(`Quote request ${quoteNumber} sent.`)).toBeVisible();
  await expect(buyer.getByRole('cell', { name: usd(99.5) })).toBeVisible();
  // The cart moved to the quote.
  await buyer.goto('/p/acme/cart');
  await expect(buyer.getByText('Your cart is empty.')).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  await signInAsStaff(staff, 'owner@acme.example');
  await staff.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Quotes' }).click();
  await staff.getByRole('link', { name: `Quote ${quoteNumber}`, exact: true }).click();
  await expect(staff.getByText('Three for our Springfield store, please.')).toBeVisible();
  const price = staff.getByLabel(/^Unit price for /);
  await expect(price).toHaveValue('99.50'); // prefilled with the buyer's target
  await price.fill('');
  await staff.getByRole('button', { name: 'Send answer' }).click();
  await expect(staff.getByText(/Enter a unit price for/).first()).toBeVisible();
  await price.fill('101.25');
  await staff.getByLabel('Note to the buyer (optional)').fill('Held for you until the date below.');
  await staff.getByRole('button', { name: 'Send answer' }).click();
  await expect(staff.getByText(`Quote ${quoteNumber} answered: ${usd(3 * 101.25)}`)).toBeVisible();

  await buyer.goto('/p/acme/quotes');
  const listed = buyer.locator('table tbody tr').filter({ hasText: `Quote ${quoteNumber}` });
  await expect(listed).toContainText('Answered');
  await expect(listed).toContainText(usd(3 * 101.25));
  await listed.getByRole('link', { name: `Quote ${quoteNumber}` }).click();
  await expect(buyer.getByText('Held for you until the date below.')).toBeVisible();
  await buyer.getByRole('radio').first().check();
  await buyer.getByLabel('PO number (optional)').fill('PO-QUOTE-E2E');
  await buyer.getByRole('button', { name: 'Accept and place order' }).click();
  await expect(buyer).toHaveURL(/\/p\/acme\/orders\/\d+$/);
  const orderNumber = Number(/orders\/(\d+)/.exec(buyer.url())![1]);
  await expect(buyer.getByRole('heading', { name: `Order ${orderNumber}` })).toBeVisible();
  await expect(buyer.getByText('PO-QUOTE-E2E')).toBeVisible();
  await expect(buyer.getByText(usd(101.25)).first()).toBeVisible();

  await buyer.goto(`/p/acme/quotes/${quoteNumber}`);
  await expect(buyer.getByText('Accepted', { exact: true }).first()).toBeVisible();
  await expect(buyer.getByRole('link', { name: `order ${orderNumber}` })).toBeVisible();
  await expect(buyer.getByRole('button', { name: 'Accept and place order' })).toHaveCount(0);

  await staff.reload();
  await expect(staff.getByRole('link', { name: `order ${orderNumber}` }).first()).toBeVisible();
  const history = staff.getByRole('region', { name: 'History' });
  await expect(history).toContainText(`accepted quote ${quoteNumber}, placing order ${orderNumber}`);
  await expect(history).toContainText(`Olivia Owner answered quote ${quoteNumber} at ${usd(3 * 101.25)}`);
  await expect(history).toContainText(`asked for quote ${quoteNumber} (1 line) for Contoso Repairs`);

  // Another organization's buyer gets 404 for the quote, and does not see it listed.
  const other = await (await browser.newContext()).newPage();
  await signInAsCustomer(other, 'acme', 'buyer@northwind.example');
  for (const url of [`/p/acme/quotes/${quoteNumber}`, '/p/acme/quotes/abc', '/p/acme/quotes/99999']) {
    const response = await other.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
    expect(await response.text(), url).not.toContain('Springfield store');
  }
  await other.goto('/p/acme/quotes');
  await expect(other.getByRole('link', { name: `Quote ${quoteNumber}`, exact: true })).toHaveCount(0);
  await expect(other.locator('table tbody tr').first()).toContainText('Quote');
});
