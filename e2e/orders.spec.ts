import { signInAsStaff } from './support/auth';
import { changeStatus, createOrderThroughUi, pickableImeis, withBadCheckDigit } from './support/orders';
import { expect, test } from './support/test';

test('staff take a phone order, confirm it, and commit devices by pasting IMEIs: a bad IMEI refuses the whole paste', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  const { number, sku, available } = await createOrderThroughUi(page, { organization: 'Globex Exports', search: 'iPhone 13', quantity: 2 });
  await expect(page.getByText(`Globex Exports`).first()).toBeVisible();
  await expect(page.getByText('placed by Sam Staff')).toBeVisible();

  // Awaiting Confirmation does not allow committing: the page says so.
  await expect(page.getByText(/devices cannot be committed in this status/)).toBeVisible();
  await changeStatus(page, 'Confirmed (devices can be committed)');
  await expect(page.getByText('Status changed to Confirmed.')).toBeVisible();
  await expect(page.getByText(/devices cannot be committed in this status/)).toHaveCount(0);

  const [first, second] = await pickableImeis(page, sku);
  expect(first).toMatch(/^\d{15}$/);
  expect(second).toMatch(/^\d{15}$/);
  const bad = withBadCheckDigit(second!);

  const paste = page.getByLabel('IMEIs to commit');
  await paste.fill(`${first}\n${bad}`);
  await page.getByRole('button', { name: 'Commit devices' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was committed' });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole('list', { name: 'Refused IMEIs' }).getByRole('listitem')).toHaveText([
    `Line 2: ${bad} — not a valid IMEI: the last digit is not the Luhn check digit`,
  ]);
  // Nothing was written: the good IMEI of that paste is not committed either, and the paste stays to be fixed.
  await expect(page.getByText('No devices are committed to this order yet.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(sku) }).getByText('0 of 2')).toBeVisible();
  await expect(paste).toHaveValue(`${first}\n${bad}`);

  await paste.fill(`${first}\n${second}`);
  await page.getByRole('button', { name: 'Commit devices' }).click();
  await expect(page.getByText('Committed 2 devices.')).toBeVisible();
  const committed = page.getByRole('table', { name: `Devices committed to the line of ${sku}` });
  await expect(committed.getByRole('cell', { name: first, exact: true })).toBeVisible();
  await expect(committed.getByRole('cell', { name: second, exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(sku) }).getByText('2 of 2')).toBeVisible();

  // Availability dropped by two at once: the product search on the order shows it.
  await page.getByLabel('Add a product by SKU or model').fill(sku);
  await expect(page.getByRole('list', { name: 'Matching products' }).getByRole('listitem').first()).toContainText(`${available - 2} available`);

  // Uncommit one, then scan it back in (Enter submits).
  await committed.getByRole('button', { name: `Uncommit ${second}` }).click();
  await page.getByRole('alertdialog', { name: `Uncommit ${second} from order ${number}?` }).getByRole('button', { name: `Uncommit ${second}` }).click();
  await expect(page.getByText(`Uncommitted 1 device (${second}) from order ${number}; they count as available again.`)).toBeVisible();
  await expect(committed.getByRole('cell', { name: second, exact: true })).toHaveCount(0);
  const scan = page.getByLabel('Scan an IMEI');
  await scan.fill(second!);
  await scan.press('Enter');
  await expect(page.getByText(`Committed 1 device (${second}).`)).toBeVisible();
  await expect(committed.getByRole('cell', { name: second, exact: true })).toBeVisible();

  // The history records the status change and the commits; the list finds the order by number.
  await expect(page.getByRole('region', { name: 'History' }).getByText('changed order ' + number + ' from Awaiting Confirmation to Confirmed')).toBeVisible();
  await page.goto(`/admin/orders?q=${number}`);
  await expect(page.getByRole('link', { name: String(number), exact: true })).toBeVisible();
});

test('an invoice is created, emailed and shown on the order, with a printable page', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  const { number } = await createOrderThroughUi(page, { organization: 'Initech Phones', search: 'Galaxy', quantity: 1 });
  await page.getByRole('button', { name: 'Create and email invoice' }).click();
  const created = page.getByText(/Invoice (\d+) created and emailed\./);
  await expect(created).toBeVisible();
  const invoiceNumber = (await created.innerText()).match(/Invoice (\d+)/)![1]!;
  const invoices = page.getByRole('table', { name: `Invoices of order ${number}` });
  await expect(invoices.getByRole('row', { name: new RegExp(`^${invoiceNumber}`) })).toContainText('Unpaid');
  await invoices.getByRole('button', { name: `Mark paid, invoice ${invoiceNumber}` }).click();
  await expect(invoices.getByRole('row', { name: new RegExp(`^${invoiceNumber}`) })).toContainText('Paid');

  await invoices.getByRole('link', { name: invoiceNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/orders/${number}/invoices/${invoiceNumber}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoiceNumber}` })).toBeVisible();
  await expect(page.getByText('Initech Phones')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
});

test("another seller's staff get a 404 for an order number that only this seller has", async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  // Acme's demo holds 24 orders, so a new one is numbered above any Bolt demo order.
  const { number } = await createOrderThroughUi(page, { organization: 'Northwind Traders', search: 'Pixel 7', quantity: 1 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await signInAsStaff(page, 'owner@bolt.example');
  const response = await page.goto(`/admin/orders/${number}`);
  expect(response?.status()).toBe(404);
  await page.goto(`/admin/orders?q=${number}`);
  await expect(page.getByText('No orders match these filters.')).toBeVisible();
});
