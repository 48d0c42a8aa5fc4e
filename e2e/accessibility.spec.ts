import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * axe-core on every page of the Customer Portal and the back office: no
 * `serious` or `critical` violation anywhere. The table below has a row per
 * route of the `app/` tree (a test fails when a page.tsx has no row), each
 * visited as the visitor, the demo buyer or the demo owner it needs. Pages
 * with ids take them from links on the pages visited before them, so the
 * demo's numbers are never written here. One signed-in page per group,
 * about a second per page.
 */

type Who = 'visitor' | 'buyer' | 'staff';
/** Every href seen so far in the group, in the order seen. */
type Seen = string[];
/** Picks a URL from links seen on earlier pages (or from the page shown, the row's previous URL). */
type Pick = (seen: Seen, page: Page) => string | undefined | Promise<string | undefined>;
type Row = {
  /** The route as the app tree names it, route groups left out: `/admin/orders/[number]`. */
  route: string;
  who: Who;
  /** The URL (or URLs) to check, each a path or a pick. */
  urls: string | Pick | (string | Pick)[];
  /** The status the page answers: 200, or 404 for a not-found page and 500 for the error probe (their pages are checked too). */
  status?: number;
};

const APP_DIR = path.join(process.cwd(), 'app');

/** Routes that have no row, and why. */
const EXCLUDED: Record<string, string> = {
  // The benchmark's floor: 404 unless `npm run bench` starts the server with its flags (lib/env.ts).
  '/p/[slug]/bench-floor': 'bench only',
  // page.dev.tsx: exists only under `next dev`, not in the production build these specs run against.
  '/dev/mail': 'development only',
};

/** The first link seen that matches, rewritten by `to` ($1… are its groups). */
function seenLink(pattern: RegExp, to?: string) {
  return (seen: Seen) => {
    const match = seen.map((href) => pattern.exec(href)).find(Boolean);
    return match ? (to ? match[0].replace(pattern, to) : match[0]) : undefined;
  };
}

const INVALID_TOKEN = 'not-a-real-token-0123456789';
const CATALOGUES = ['warehouses', 'inventory-statuses', 'order-statuses', 'sales-channels', 'payment-methods'];

const PAGES: Row[] = [
  // Signed out: the home page and every sign-in, link and password page (a token page shows its refusal).
  { route: '/', who: 'visitor', urls: '/' },
  { route: '/admin/sign-in', who: 'visitor', urls: '/admin/sign-in' },
  { route: '/admin/forgot-password', who: 'visitor', urls: '/admin/forgot-password' },
  { route: '/admin/sign-in-link', who: 'visitor', urls: ['/admin/sign-in-link', `/admin/sign-in-link?token=${INVALID_TOKEN}`] },
  { route: '/admin/activate', who: 'visitor', urls: `/admin/activate?token=${INVALID_TOKEN}` },
  { route: '/admin/reset-password', who: 'visitor', urls: `/admin/reset-password?token=${INVALID_TOKEN}` },
  { route: '/p/[slug]/sign-in', who: 'visitor', urls: '/p/acme/sign-in' },
  { route: '/p/[slug]/forgot-password', who: 'visitor', urls: '/p/acme/forgot-password' },
  { route: '/p/[slug]/sign-in-link', who: 'visitor', urls: ['/p/acme/sign-in-link', `/p/acme/sign-in-link?token=${INVALID_TOKEN}`] },
  { route: '/p/[slug]/activate', who: 'visitor', urls: `/p/acme/activate?token=${INVALID_TOKEN}` },
  { route: '/p/[slug]/reset-password', who: 'visitor', urls: `/p/acme/reset-password?token=${INVALID_TOKEN}` },
  { route: '/p/[slug]/confirm-email', who: 'visitor', urls: `/p/acme/confirm-email?token=${INVALID_TOKEN}` },
  { route: '/admin/confirm-email', who: 'visitor', urls: `/admin/confirm-email?token=${INVALID_TOKEN}` },

  // The Customer Portal as buyer@northwind.example at Acme (the cart's pages with a line: see the test).
  { route: '/p/[slug]', who: 'buyer', urls: ['/p/acme', '/p/acme?layout=grouped'] },
  { route: '/p/[slug]/products/[sku]', who: 'buyer', urls: seenLink(/^\/p\/acme\/products\/[^/?#]+$/) },
  { route: '/p/[slug]/grades', who: 'buyer', urls: '/p/acme/grades' },
  { route: '/p/[slug]/bulk-order', who: 'buyer', urls: '/p/acme/bulk-order' },
  { route: '/p/[slug]/invoices', who: 'buyer', urls: '/p/acme/invoices' },
  {
    route: '/p/[slug]/orders/[number]/invoices/[invoiceNumber]',
    who: 'buyer',
    urls: seenLink(/^\/p\/acme\/orders\/\d+\/invoices\/\d+$/),
  },
  { route: '/p/[slug]/orders', who: 'buyer', urls: '/p/acme/orders' },
  // An order with an invoice (and so committed devices), else the newest.
  {
    route: '/p/[slug]/orders/[number]',
    who: 'buyer',
    urls: (seen) => seenLink(/^\/p\/acme\/orders\/(\d+)\/invoices\/\d+$/, '/p/acme/orders/$1')(seen) ?? seenLink(/^\/p\/acme\/orders\/\d+$/)(seen),
  },
  { route: '/p/[slug]/checkout/confirmation/[number]', who: 'buyer', urls: seenLink(/^\/p\/acme\/orders\/(\d+)$/, '/p/acme/checkout/confirmation/$1') },
  { route: '/p/[slug]/devices', who: 'buyer', urls: '/p/acme/devices' },
  { route: '/p/[slug]/rmas', who: 'buyer', urls: '/p/acme/rmas' },
  { route: '/p/[slug]/rmas/[number]', who: 'buyer', urls: seenLink(/^\/p\/acme\/rmas\/\d+$/) },
  { route: '/p/[slug]/rmas/new', who: 'buyer', urls: '/p/acme/rmas/new' },
  { route: '/p/[slug]/quotes', who: 'buyer', urls: '/p/acme/quotes' },
  { route: '/p/[slug]/quotes/[number]', who: 'buyer', urls: seenLink(/^\/p\/acme\/quotes\/\d+$/) },
  { route: '/p/[slug]/quotes/new', who: 'buyer', urls: '/p/acme/quotes/new' },
  { route: '/p/[slug]/cart', who: 'buyer', urls: '/p/acme/cart' },
  { route: '/p/[slug]/checkout', who: 'buyer', urls: '/p/acme/checkout' },
  { route: '/p/[slug]/account', who: 'buyer', urls: '/p/acme/account' },
  // The portal's own not-found and error pages (the probe exists only with TRADEPOST_ERROR_PROBE=1, as e2e starts the server).
  { route: '/p/[slug]/[...missing]', who: 'buyer', urls: '/p/acme/no-such-page', status: 404 },
  { route: '/p/[slug]/error-probe', who: 'buyer', urls: '/p/acme/error-probe', status: 500 },

  // The back office as owner@acme.example (an owner sees every settings page).
  { route: '/admin', who: 'staff', urls: '/admin' },
  { route: '/admin/organizations', who: 'staff', urls: '/admin/organizations' },
  { route: '/admin/organizations/new', who: 'staff', urls: '/admin/organizations/new' },
  { route: '/admin/organizations/import', who: 'staff', urls: '/admin/organizations/import' },
  { route: '/admin/organizations/[id]', who: 'staff', urls: seenLink(/^\/admin\/organizations\/\d+$/) },
  { route: '/admin/organizations/[id]/edit', who: 'staff', urls: seenLink(/^\/admin\/organizations\/\d+\/edit$/) },
  { route: '/admin/organizations/[id]/addresses/[addressId]', who: 'staff', urls: seenLink(/^\/admin\/organizations\/\d+\/addresses\/\d+$/) },
  { route: '/admin/organizations/[id]/orders', who: 'staff', urls: seenLink(/^\/admin\/organizations\/\d+\/orders$/) },
  { route: '/admin/organizations/[id]/portal', who: 'staff', urls: seenLink(/^\/admin\/organizations\/\d+\/portal$/) },
  { route: '/admin/organizations/[id]/rmas', who: 'staff', urls: seenLink(/^\/admin\/organizations\/\d+\/rmas$/) },
  { route: '/admin/orders/new', who: 'staff', urls: '/admin/orders/new' },
  // Also the list of Shipped orders: the newest orders are drafts with no invoice yet.
  {
    route: '/admin/orders',
    who: 'staff',
    urls: [
      '/admin/orders',
      async (_, page) => `/admin/orders?status=${await page.locator('#filter-status option', { hasText: /^Shipped$/ }).getAttribute('value')}`,
    ],
  },
  {
    route: '/admin/orders/[number]',
    who: 'staff',
    // The first Shipped order (the page shown): it has committed devices and an invoice.
    urls: async (_, page) => (await page.getByRole('table').locator('a[href^="/admin/orders/"]').first().getAttribute('href')) ?? undefined,
  },
  { route: '/admin/orders/[number]/invoices/[invoiceNumber]', who: 'staff', urls: seenLink(/^\/admin\/orders\/\d+\/invoices\/\d+$/) },
  { route: '/admin/quotes', who: 'staff', urls: '/admin/quotes' },
  { route: '/admin/quotes/[number]', who: 'staff', urls: seenLink(/^\/admin\/quotes\/\d+$/) },
  { route: '/admin/inventory', who: 'staff', urls: '/admin/inventory' },
  { route: '/admin/inventory/add', who: 'staff', urls: '/admin/inventory/add' },
  { route: '/admin/inventory/condition', who: 'staff', urls: '/admin/inventory/condition' },
  { route: '/admin/inventory/import', who: 'staff', urls: '/admin/inventory/import' },
  { route: '/admin/inventory/devices/[id]', who: 'staff', urls: seenLink(/^\/admin\/inventory\/devices\/\d+$/) },
  { route: '/admin/products', who: 'staff', urls: '/admin/products' },
  { route: '/admin/products/new', who: 'staff', urls: '/admin/products/new' },
  { route: '/admin/products/grades', who: 'staff', urls: '/admin/products/grades' },
  { route: '/admin/products/import', who: 'staff', urls: '/admin/products/import' },
  { route: '/admin/products/price-update', who: 'staff', urls: '/admin/products/price-update' },
  { route: '/admin/products/[id]', who: 'staff', urls: seenLink(/^\/admin\/products\/\d+$/) },
  { route: '/admin/price-lists', who: 'staff', urls: '/admin/price-lists' },
  { route: '/admin/price-lists/new', who: 'staff', urls: '/admin/price-lists/new' },
  { route: '/admin/price-lists/[id]', who: 'staff', urls: seenLink(/^\/admin\/price-lists\/\d+$/) },
  { route: '/admin/rmas', who: 'staff', urls: '/admin/rmas' },
  { route: '/admin/rmas/new', who: 'staff', urls: '/admin/rmas/new' },
  { route: '/admin/rmas/[number]', who: 'staff', urls: seenLink(/^\/admin\/rmas\/\d+$/) },
  { route: '/admin/settings', who: 'staff', urls: '/admin/settings' },
  { route: '/admin/settings/customer-portal', who: 'staff', urls: '/admin/settings/customer-portal' },
  { route: '/admin/settings/staff', who: 'staff', urls: '/admin/settings/staff' },
  { route: '/admin/settings/company', who: 'staff', urls: '/admin/settings/company' },
  { route: '/admin/account', who: 'staff', urls: '/admin/account' },
  { route: '/admin/[...missing]', who: 'staff', urls: '/admin/no-such-page', status: 404 },
  { route: '/admin/error-probe', who: 'staff', urls: '/admin/error-probe', status: 500 },
  { route: '/admin/settings/[catalogue]', who: 'staff', urls: CATALOGUES.map((c) => `/admin/settings/${c}`) },
  { route: '/admin/settings/[catalogue]/[id]', who: 'staff', urls: seenLink(/^\/admin\/settings\/(warehouses|order-statuses)\/\d+$/) },
];

/** Every page route of the app tree: each page.tsx (and page.dev.tsx), route groups and slots left out. */
function appRoutes(dir = APP_DIR, segments: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return appRoutes(path.join(dir, entry.name), [...segments, entry.name]);
    if (!/^page(\.dev)?\.(tsx|ts|jsx|js)$/.test(entry.name)) return [];
    const kept = segments.filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith('@') && !s.startsWith('_'));
    return [`/${kept.join('/')}`];
  });
}

type Found = { url: string; rule: string; impact: string; help: string; targets: string[] };

/** Checks the page now shown; returns its serious and critical violations. */
async function check(page: Page, url: string): Promise<Found[]> {
  // Legacy mode runs axe in the page itself, without a blank page per check: the app draws no iframes.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ url, rule: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

function describeFound(found: Found[]): string {
  return found.map((f) => `${f.url}: [${f.impact}] ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
}

/** Visits the group's rows in order, gathering links for the rows after; each page's violations fail the test. */
async function checkRows(page: Page, who: Who) {
  const seen: Seen = [];
  for (const row of PAGES.filter((r) => r.who === who)) {
    for (const entry of [row.urls].flat()) {
      const url = typeof entry === 'function' ? await entry(seen, page) : entry;
      expect(url, `a link on an earlier page gives ${row.route} its id`).toBeTruthy();
      const response = await page.goto(url!);
      expect(response?.status(), `${url} answers`).toBe(row.status ?? 200);
      const violations = await check(page, url!);
      // Soft: a failing page is reported and the rest are still checked.
      expect.soft(describeFound(violations), `${url}: serious or critical violations`).toBe('');
      seen.push(...(await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))));
    }
  }
}

/** The focused element draws a ring of at least 2px (globals.css :focus-visible), not the browser's nothing. */
async function focusRingShown(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing is focused';
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return ring ? null : `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" has no focus ring`;
  });
}

/**
 * By keyboard: the first Tab reaches a visible "Skip to content" link that moves focus to <main>;
 * the navigation marks the page shown with aria-current; the next tab stops all show a focus ring.
 */
async function checkKeyboardBasics(page: Page, url: string, current?: { nav: string; link: string }) {
  await page.goto(url);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(40);
  expect(await focusRingShown(page)).toBeNull();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main-content')).toBeFocused();
  if (current) {
    const nav = page.getByRole('navigation', { name: current.nav });
    await expect(nav.getByRole('link', { name: current.link, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  }
  // From the top again: every one of the first tab stops (header, navigation, the page's first controls).
  await page.goto(url);
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const problem = await focusRingShown(page);
    if (problem === 'nothing is focused') break; // past the last tab stop: focus left the page
    expect.soft(problem, `tab stop ${i + 1} of ${url}`).toBeNull();
  }
}

test('every page route of the app tree has a row in the accessibility table', () => {
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(50);
  const rows = new Set(PAGES.map((r) => r.route));
  const missing = routes.filter((r) => !rows.has(r) && !(r in EXCLUDED));
  expect(missing, 'routes with no row in PAGES (e2e/accessibility.spec.ts) or in EXCLUDED').toEqual([]);
  const stale = [...rows, ...Object.keys(EXCLUDED)].filter((r) => !routes.includes(r));
  expect(stale, 'rows for routes the app no longer has').toEqual([]);
  expect(PAGES.length, 'one row per route').toBe(rows.size);
});

/**
 * Under load (the CI machine runs one spec at a time; a shared one may not) a page can take
 * several seconds: the groups get room, and each page reports on its own (soft) as it goes.
 */
const GROUP_TIMEOUT = 360_000;

test('signed-out pages: no serious or critical violation', async ({ page }) => {
  test.setTimeout(GROUP_TIMEOUT);
  await checkRows(page, 'visitor');
  await checkKeyboardBasics(page, '/p/acme/sign-in');
  await checkKeyboardBasics(page, '/admin/forgot-password');
});

test('Customer Portal pages: no serious or critical violation', async ({ page }) => {
  test.setTimeout(GROUP_TIMEOUT);
  await signInAsCustomer(page, 'acme', 'buyer@northwind.example');
  // The cart and checkout come last, empty; then again with a line (the first For Sale product), removed after.
  await checkRows(page, 'buyer');
  await checkKeyboardBasics(page, '/p/acme/orders', { nav: 'Customer Portal', link: 'Orders' });
  await checkKeyboardBasics(page, '/p/acme/cart', { nav: 'Customer Portal', link: 'Cart 0 units' });
  await page.goto('/p/acme');
  await page.getByRole('button', { name: 'Add to cart' }).first().click();
  await expect(page.getByTestId('cart-badge')).not.toHaveText('0');
  try {
    for (const url of ['/p/acme/cart', '/p/acme/checkout']) {
      await page.goto(url);
      const violations = await check(page, `${url} (one line)`);
      expect.soft(describeFound(violations), `${url}: serious or critical violations`).toBe('');
    }
  } finally {
    await page.goto('/p/acme/cart');
    const remove = page.getByRole('button', { name: /^Remove / });
    while ((await remove.count()) > 0) {
      const before = await remove.count();
      await remove.first().click();
      await expect(remove).toHaveCount(before - 1);
    }
  }
});

test('back-office pages: no serious or critical violation', async ({ page }) => {
  test.setTimeout(GROUP_TIMEOUT);
  await signInAsStaff(page, 'owner@acme.example');
  await checkRows(page, 'staff');
  await checkKeyboardBasics(page, '/admin/orders', { nav: 'Back office', link: 'Orders' });
  await checkKeyboardBasics(page, '/admin', { nav: 'Back office', link: 'Dashboard' });
});
