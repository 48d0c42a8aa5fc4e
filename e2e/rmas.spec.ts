import { signInAsStaff } from './support/auth';
import { changeStatus, createOrderThroughUi, pickableImeis } from './support/orders';
import { expect, test } from './support/test';

test('an RMA refuses a device sold to another organization, naming who bought it', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  // Find an IMEI sold to Northwind Traders by reading its orders in the back office.
  await page.goto('/admin/orders');
  await page.getByLabel('Organization').selectOption({ label: 'Northwind Traders' });
  await page.getByLabel('Status').selectOption({ label: 'Shipped' });
  await page.getByRole('button', { name: 'Filter' }).click();
  const firstOrder = page.getByRole('table', { name: 'Orders' }).getByRole('row').nth(1).getByRole('link');
  const orderNumber = (await firstOrder.innerText()).trim();
  await firstOrder.click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` })).toBeVisible();
  const imei = (await page.getByRole('table', { name: /Devices committed to the line of/ }).first().getByRole('row').nth(1).getByRole('cell').first().innerText()).trim();
  expect(imei).toMatch(/^\d{15}$/);

  await page.goto('/admin/rmas/new');
  await page.getByLabel('Organization').selectOption({ label: 'Contoso Repairs' });
  await page.getByLabel('IMEIs to return').fill(imei);
  await page.getByRole('button', { name: 'Check devices' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'cannot be returned by Contoso Repairs' });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole('listitem')).toHaveText([
    `Line 1: ${imei} — sold to Northwind Traders (order ${orderNumber}), not to Contoso Repairs`,
  ]);
  await expect(page.getByRole('button', { name: 'Create RMA' })).toHaveCount(0);
});

test('an RMA for devices sold to Contoso Repairs is created, received into Returned / Repair Center, and resolved', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  // Sell Contoso two devices through the back office first.
  const { sku } = await createOrderThroughUi(page, { organization: 'Contoso Repairs', search: 'Pixel 8', quantity: 2, status: 'Confirmed' });
  const [returned, kept] = await pickableImeis(page, sku);
  await page.getByLabel('IMEIs to commit').fill(`${returned}\n${kept}`);
  await page.getByRole('button', { name: 'Commit devices' }).click();
  await expect(page.getByText('Committed 2 devices.')).toBeVisible();
  await changeStatus(page, 'Shipped');
  await expect(page.getByText('Status changed to Shipped.')).toBeVisible();

  await page.goto('/admin/rmas/new');
  await page.getByLabel('Organization').selectOption({ label: 'Contoso Repairs' });
  await page.getByLabel('IMEIs to return').fill(`${returned} ${kept}`);
  await page.getByRole('button', { name: 'Check devices' }).click();
  await page.getByLabel(`Reason for ${returned}`).fill('Screen flickers');
  await page.getByLabel(`Reason for ${kept}`).fill('Small scratch');
  await page.getByLabel('Disposition').nth(1).selectOption({ label: 'Keep it with a partial refund' });
  // Keeping a device needs a refund above zero: refused, naming the IMEI.
  await page.getByRole('button', { name: 'Create RMA' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The RMA was not created' }).getByRole('listitem')).toHaveText([
    `Line 2: ${kept} — keeping the device needs a partial refund above zero`,
  ]);
  await page.getByLabel('Refund (USD)').nth(1).fill('15.00');
  await page.getByRole('button', { name: 'Create RMA' }).click();
  await expect(page).toHaveURL(/\/admin\/rmas\/\d+$/);
  const rmaNumber = page.url().split('/').pop();
  await expect(page.getByRole('heading', { level: 1, name: `RMA ${rmaNumber}` })).toBeVisible();
  await expect(page.getByText('Open', { exact: true })).toBeVisible();

  await page.getByLabel('Inventory status of returned devices').selectOption({ label: 'Returned' });
  await page.getByLabel('Warehouse of returned devices').selectOption({ label: 'Repair Center (RC)' });
  await page.getByRole('button', { name: 'Mark received' }).click();
  await expect(page.getByText(`RMA ${rmaNumber} is now Received; 1 returned device moved.`)).toBeVisible();
  const devices = page.getByRole('table', { name: `Devices of RMA ${rmaNumber}` });
  await expect(devices.getByRole('row', { name: new RegExp(returned!) })).toContainText('Returned · RC');
  await expect(devices.getByRole('row', { name: new RegExp(kept!) })).not.toContainText('Returned · RC');

  await page.getByLabel('Resolved as').selectOption({ label: 'Refund' });
  await page.getByRole('button', { name: 'Resolve RMA' }).click();
  await expect(page.getByText('Resolved as a refund', { exact: true })).toBeVisible();
  await expect(page.getByText('This RMA is closed.')).toBeVisible();

  // The list finds it among resolved RMAs.
  await page.goto('/admin/rmas?status=resolved');
  await expect(page.getByRole('link', { name: rmaNumber!, exact: true })).toBeVisible();
});
