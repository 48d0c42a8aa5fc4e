import { signInAsCustomer, signInAsStaff } from './support/auth';
import { changeStatus, createOrderThroughUi, pickableImeis } from './support/orders';
import { expect, test } from './support/test';

test('staff mark an order shipped with a tracking number; the buyer sees the tracking link on the order', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  const { number, sku } = await createOrderThroughUi(page, { organization: 'Northwind Traders', search: 'Pixel 8', quantity: 1, status: 'Confirmed' });
  const [imei] = await pickableImeis(page, sku);
  await page.getByLabel('IMEIs to commit').fill(imei!);
  await page.getByRole('button', { name: 'Commit devices' }).click();
  await expect(page.getByText('1 of 1 committed', { exact: true })).toBeVisible();

  // Choosing Shipped asks for the parcels' carriers and tracking numbers.
  await page.getByLabel('New status').selectOption({ label: 'Shipped' });
  const tracking = `1ZE2E${String(number).padStart(6, '0')}X`;
  await page.getByLabel('Carrier 1').selectOption({ label: 'UPS' });
  await page.getByLabel('Tracking number 1').fill('bad number');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByText('A tracking number has only letters, digits and dashes.').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' }).getByText('Confirmed', { exact: true }).first()).toBeVisible();

  await page.getByLabel('Tracking number 1').fill(tracking);
  await changeStatus(page, 'Shipped');
  await expect(page.getByText(/Status changed to Shipped\. 1 tracking number recorded\. The buyer was emailed that the order has shipped\./)).toBeVisible();
  const staffRow = page.getByRole('table', { name: `Tracking numbers of order ${number}` }).getByRole('row', { name: new RegExp(tracking) });
  await expect(staffRow.getByRole('link', { name: new RegExp(tracking) })).toHaveAttribute('href', `https://www.ups.com/track?tracknum=${tracking}`);
  await expect(page.getByRole('region', { name: 'History' }).getByText(new RegExp(`with tracking UPS ${tracking}`))).toBeVisible();

  // The buyer at Northwind sees it on the order list and the order page.
  await signInAsCustomer(page, 'acme', 'buyer@northwind.example', '/p/acme/orders');
  const listRow = page.getByRole('row', { name: new RegExp(`Order ${number}\\b`) });
  await expect(listRow.getByRole('link', { name: `· tracking of order ${number}` })).toBeVisible();
  await page.goto(`/p/acme/orders/${number}`);
  const region = page.getByRole('region', { name: 'Tracking' });
  await expect(region.getByRole('row', { name: /UPS/ })).toBeVisible();
  const link = region.getByRole('link', { name: new RegExp(tracking) });
  await expect(link).toHaveAttribute('href', `https://www.ups.com/track?tracknum=${tracking}`);
  await expect(link).toHaveAttribute('target', '_blank');
});
