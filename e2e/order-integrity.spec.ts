import { signInAsStaff } from './support/auth';
import { changeStatus, createOrderThroughUi, pickableImeis } from './support/orders';
import { expect, test } from './support/test';

test('staff try to ship a half-assigned order and choose "Reduce quantities to what is committed"', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  const { number, sku } = await createOrderThroughUi(page, { organization: 'Globex Exports', search: 'iPhone 13', quantity: 3, status: 'Confirmed' });
  const [first] = await pickableImeis(page, sku);
  await page.getByLabel('IMEIs to commit').fill(first!);
  await page.getByRole('button', { name: 'Commit devices' }).click();
  await expect(page.getByText(`Committed 1 device (${first}).`)).toBeVisible();
  await expect(page.getByText('1 of 3 committed', { exact: true })).toBeVisible();

  // Shipping asks first, naming the short line.
  await changeStatus(page, 'Shipped');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`2 devices have not been committed to order ${number}`);
  await expect(dialog).toContainText(`(${sku}): 1 of 3 committed`);
  await dialog.getByLabel(/Reduce quantities to what is committed/).check();
  await dialog.getByRole('button', { name: 'Reduce and move to Shipped' }).click();

  await expect(page.getByText(`Status changed to Shipped. Quantities reduced to what is committed: ${sku} 3 → 1.`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' }).getByText('Shipped', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('1 of 1 committed', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(sku) }).getByText('1 of 1')).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' }).getByText(new RegExp(`reduced order ${number} to what is committed`))).toBeVisible();
});
