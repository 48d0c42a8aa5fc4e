import type { Page } from '@playwright/test';
import { signInAsCustomer } from './support/auth';
import { expect, test } from './support/test';

/**
 * For Sale's rows are streamed from the server's markup cache once a page of
 * rows has been rendered (components/ui/cached-tbody.tsx): the browser must
 * hydrate that markup as its own. A mismatch would not show as a broken page
 * (React throws the server's rows away and renders them again), so this spec
 * watches for exactly that: the row elements the HTML parser made must be the
 * ones on the page after hydration, no hydration error may be reported, and
 * the Add control of a cached row must work. Uses buyer@contoso.example at
 * Acme, whose cart is emptied last.
 */
const EMAIL = 'buyer@contoso.example';

/** The cached pieces: a row of the list or of the grouped view, and a box of the filter groups. */
const CACHED = ['table.for-sale-list tbody tr, table.for-sale-grouped tbody tr', '#for-sale-filter-groups input'];

/** Before any script runs: keep the first element of each cached piece the HTML parser inserts, and every error the page reports. */
async function watchParsedRows(page: Page) {
  await page.addInitScript((selectors: string[]) => {
    const w = window as unknown as { parsed: (Element | null)[]; reported: string[] };
    w.parsed = selectors.map(() => null);
    w.reported = [];
    window.addEventListener('error', (e) => w.reported.push(String(e.message)));
    const original = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      w.reported.push(args.map(String).join(' '));
      original(...args);
    };
    new MutationObserver((_, observer) => {
      selectors.forEach((selector, i) => (w.parsed[i] ??= document.querySelector(selector)));
      if (w.parsed.every(Boolean)) observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, CACHED);
}

async function expectHydratedInPlace(page: Page) {
  // Hydrated: the header's cart badge is a client component that reacts; wait for the scripts to settle.
  await page.waitForLoadState('networkidle');
  const state = await page.evaluate((selectors: string[]) => {
    const w = window as unknown as { parsed: (Element | null)[]; reported: string[] };
    return {
      parsed: w.parsed.map(Boolean),
      same: selectors.map((selector, i) => w.parsed[i] !== null && document.querySelector(selector) === w.parsed[i]),
      reported: w.reported,
    };
  }, CACHED);
  expect(state.parsed, 'the HTML carried the rows and the filters').toEqual([true, true]);
  expect(state.reported.filter((m) => /hydrat|#418|#423|#425/i.test(m))).toEqual([]);
  expect(state.same, 'what the server sent was hydrated, not rendered again').toEqual([true, true]);
}

test('rows streamed from the markup cache hydrate in place, and their Add controls work', async ({ page }) => {
  await signInAsCustomer(page, 'acme', EMAIL);
  await watchParsedRows(page);
  // The first view renders this page of rows (or finds it cached); the second is certainly served from the cache.
  const views = ['/p/acme?sort=price&dir=desc', '/p/acme?sort=price&dir=desc&page=2', '/p/acme?layout=grouped&grade=A', '/p/acme?grade=A'];
  for (const path of [...views, ...views]) {
    await page.goto(path);
    await expectHydratedInPlace(page);
  }

  const list = page.getByRole('table', { name: 'Products for sale' });
  const first = list.locator('tbody tr').first();
  const badge = page.getByTestId('cart-badge');
  const before = Number(await badge.innerText());
  await first.getByRole('spinbutton').fill('1');
  await first.getByRole('button', { name: 'Add to cart' }).click();
  await expect(first.getByRole('status')).toHaveText(/in cart/);
  await expect(badge).toHaveText(String(before + 1));

  await page.goto('/p/acme/cart');
  const remove = page.getByRole('button', { name: /^Remove / });
  while ((await remove.count()) > 0) {
    const count = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(count - 1);
  }
});
