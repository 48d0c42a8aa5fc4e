import { signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * Products > Import products end to end: a 15,000-row file is uploaded in
 * chunks and checked with a progress bar; a bad row is refused by its row
 * number and nothing is imported; the fixed file shows what it creates and
 * updates, imports in one go, and the products and the price history show it.
 */
const stamp = Date.now();
const prefix = `E2E-CAT-${stamp}`;
const base = `${prefix}-BASE`;
const ROWS = 15_000;
const header = 'SKU,Manufacturer,Model,Capacity,Colour,Network,Grade,List price,MOQ';
const file = (lines: string[]) => ({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n')) });
const bigFile = (badRow: boolean) =>
  file([
    `${base},Apple,iPhone 13,128GB,Midnight,Unlocked,A,120.00,1`,
    ...Array.from({ length: ROWS - 1 }, (_, i) => `${prefix}-${i},Catalogue,Phone ${i % 50},${64 * (1 + (i % 4))}GB,Black,Unlocked,B,${i === 0 && badRow ? 'abc' : `${100 + (i % 300)}.00`},1`),
  ]);

test('staff import a products CSV: progress while it uploads and is checked, a refused row, then the preview applied in one go', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsStaff(page, 'staff@acme.example', '/admin/products');
  await page.getByRole('link', { name: 'Import products' }).click();
  await expect(page.getByRole('heading', { name: 'Import products' })).toBeVisible();
  const input = page.getByLabel('Products file (CSV)');

  // A first small file creates the product the big file will update.
  await input.setInputFiles(file([`${base},Apple,iPhone 13,128GB,Midnight,Unlocked,A,100.00,1`]));
  await expect(page.getByText('1 row: 1 to create, 0 to update, 0 unchanged.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 1 product' }).click();
  await expect(page.getByText('Products imported: 1 created, 0 updated, 0 unchanged.')).toBeVisible();

  // The big file with a bad price on row 3: progress, then the refusal by row; no import button.
  await input.setInputFiles(bigFile(true));
  await expect(page.getByRole('progressbar', { name: /^(Uploading|Checking) rows: [\d,]+ of 15,000$/ })).toBeVisible();
  await expect(page.getByText('1 row cannot be applied')).toBeVisible({ timeout: 60_000 });
  const refused = page.getByRole('table', { name: 'Rows that cannot be applied' });
  await expect(refused.getByRole('row', { name: new RegExp(`${prefix}-0 `) })).toContainText('3');
  await expect(refused).toContainText('list price "abc" is not a price');
  await expect(page.getByRole('button', { name: /^Import / })).toHaveCount(0);

  // Fixed: the preview counts and lists the changes (old → new price), then the import applies all of it.
  await input.setInputFiles(bigFile(false));
  await expect(page.getByRole('progressbar', { name: /^(Uploading|Checking) rows: [\d,]+ of 15,000$/ })).toBeVisible();
  await expect(page.getByText('15,000 rows: 14,999 to create, 1 to update, 0 unchanged; 1 list price changes.')).toBeVisible({ timeout: 60_000 });
  const plan = page.getByRole('table', { name: 'Products the file creates or updates (15,000)' });
  await expect(plan.getByRole('row', { name: new RegExp(base) })).toContainText('$100.00 → $120.00');
  await expect(plan.getByRole('row', { name: new RegExp(`${prefix}-1 `) })).toContainText('Create');
  await page.getByRole('button', { name: 'Import 15,000 products' }).click();
  await expect(page.getByText('Products imported: 14,999 created, 1 updated, 0 unchanged.')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('link', { name: 'See the products' }).click();
  await page.getByLabel('Search').fill(`${prefix}-14998`);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('row').filter({ hasText: `${prefix}-14998` })).toContainText('$398.00');
  await page.getByLabel('Search').fill(base);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('row').filter({ hasText: base }).getByRole('link').first().click();
  await expect(page.getByText(/\$100\.00 → \$120\.00 \(product import\)/)).toBeVisible();
});
