import type { Page } from '@playwright/test';
import { sequentialImei } from '../lib/imei';
import { signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * Staff import a diagnostics export in a real browser: the columns are mapped by
 * name, staff fix the one the tool named oddly, the preview refuses an unknown IMEI
 * and imports nothing, the fixed file imports, and the device page shows the values.
 * The spec makes its own product and devices so no demo row is touched.
 */
const sku = `E2E-COND-${Date.now().toString(36).toUpperCase()}`;
const start = Date.now() % 1_000_000;
const [first, second, unknown] = [0, 1, 2].map((i) => sequentialImei(start * 10 + i, '64'));

async function productWithDevices(page: Page) {
  await page.goto('/admin/products');
  await page.getByRole('link', { name: 'New product' }).click();
  await page.getByLabel('SKU').fill(sku);
  await page.getByLabel('Manufacturer').fill('Apple');
  await page.getByLabel('Model').fill('iPhone Condition');
  await page.getByLabel('Capacity').fill('128GB');
  await page.getByLabel('Color').fill('Black');
  await page.getByLabel('Network').fill('Unlocked');
  await page.getByLabel('Grade').fill('A');
  await page.getByLabel('List price (USD)').fill('300');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText(`Product ${sku} created.`)).toBeVisible();
  await page.getByRole('link', { name: 'Add devices' }).click();
  await page.getByLabel('IMEIs, one per line').fill([first, second].join('\n'));
  await page.getByRole('button', { name: 'Add 2 devices' }).click();
  await expect(page.getByText('Added 2 devices.')).toBeVisible();
}

/** A Phonecheck-style export; "Batt" is a header no mapping knows, so staff choose it. */
const diagnostics = (imeis: string[]) =>
  [
    'IMEI,Model,Batt,Cycle Count,SIM Lock,ESN Status,Find My iPhone,Test Result,Failed Tests,Test Date,Tool',
    `${imeis[0]},iPhone 13,87%,512,Locked to AT&T,Clean,Off,Fail,Face ID,2026-11-03,Phonecheck`,
    `${imeis[1]},iPhone 13,98%,40,Unlocked,Lost,On,Pass,,2026-11-04,Phonecheck`,
  ].join('\n') + '\n';
const file = (body: string) => ({ name: 'phonecheck-export.csv', mimeType: 'text/csv', buffer: Buffer.from(body) });

test('staff import a diagnostics CSV: map a column, see refusals, apply, and read the values on the device page', async ({ page, browser }) => {
  await signInAsStaff(page, 'staff@acme.example');
  await productWithDevices(page);

  await page.goto('/admin/inventory');
  await page.getByRole('link', { name: 'Condition data' }).click();
  await expect(page.getByRole('heading', { name: 'Device condition' })).toBeVisible();

  // A file with an IMEI that is not in the inventory: the preview names the row, nothing is imported.
  await page.getByLabel('Diagnostics CSV file').setInputFiles(file(diagnostics([first!, unknown!])));
  await expect(page.getByLabel('IMEI', { exact: true })).toHaveValue('imei');
  await expect(page.getByLabel('SIM Lock')).toHaveValue('carrierLock');
  await expect(page.getByLabel('Batt', { exact: true })).toHaveValue('');
  await page.getByLabel('Batt', { exact: true }).selectOption({ label: 'Battery health %' });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('1 row has problems, so nothing can be imported.')).toBeVisible();
  const problems = page.getByRole('table', { name: 'Rows with problems' });
  await expect(problems.getByRole('row').filter({ hasText: unknown! })).toContainText('no device with this IMEI in your inventory');

  // The fixed file: preview, then import.
  await page.getByLabel('Diagnostics CSV file').setInputFiles(file(diagnostics([first!, second!])));
  await page.getByLabel('Batt', { exact: true }).selectOption({ label: 'Battery health %' });
  const sample = page.getByRole('table', { name: 'How the first rows read' });
  await expect(sample.getByRole('row').filter({ hasText: first! })).toContainText('Battery 87% · 512 cycles');
  await expect(sample.getByRole('row').filter({ hasText: first! })).toContainText('Locked to AT&T');
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('Every row matches one of your devices: 2 devices will be updated.')).toBeVisible();
  await page.getByRole('button', { name: 'Import condition data for 2 devices' }).click();
  await expect(page.getByText('Imported condition data for 2 devices (2 changed).')).toBeVisible();

  // The device page, reached from the inventory list.
  await page.goto(`/admin/inventory?q=${first}`);
  await page.getByRole('link', { name: first! }).click();
  await expect(page.getByRole('heading', { name: `IMEI ${first}` })).toBeVisible();
  await expect(page.getByLabel('Battery health %')).toHaveValue('87');
  await expect(page.getByLabel('Battery cycle count')).toHaveValue('512');
  await expect(page.getByLabel('Carrier lock')).toHaveValue('locked');
  await expect(page.getByLabel('Locked to carrier')).toHaveValue('AT&T');
  await expect(page.getByLabel('Blacklist')).toHaveValue('clean');
  await expect(page.getByLabel('Functional test')).toHaveValue('fail');
  await expect(page.getByLabel('Failed checks')).toHaveValue('Face ID');
  await expect(page.getByLabel('Tested on')).toHaveValue('2026-11-03');
  await expect(page.getByRole('region', { name: 'Condition changes' })).toContainText('battery health — → 87');

  // An edit on the page: checked by the form, saved, and in the history.
  await page.getByLabel('Battery health %').fill('120');
  await page.getByRole('button', { name: 'Save condition' }).click();
  await expect(page.getByText('Battery health is a whole percentage from 0 to 100.')).toBeVisible();
  await page.getByLabel('Battery health %').fill('85');
  await page.getByRole('button', { name: 'Save condition' }).click();
  await expect(page.getByText('Condition saved.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Condition changes' })).toContainText('battery health 87 → 85');
  const deviceUrl = page.url();

  // Another seller's staff get a 404 for this device.
  const rival = await browser.newPage();
  await signInAsStaff(rival, 'owner@bolt.example');
  const response = await rival.goto(new URL(deviceUrl).pathname);
  expect(response?.status()).toBe(404);
  await rival.close();
});
