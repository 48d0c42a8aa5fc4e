import type { Locator } from '@playwright/test';
import { sequentialImei } from '../lib/imei';
import { signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/** Privileged and bulk changes ask first, with the words and numbers of what will happen. */
const stamp = Date.now().toString(36);

/** The first click can land before hydration; click until the effect shows. */
async function clickUntil(button: Locator, effect: Locator) {
  await expect(async () => {
    await button.click();
    await expect(effect).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

test('a role change needs confirmation: Cancel and the arrow keys change nothing; Confirm changes it and says so', async ({ page }) => {
  const name = `Rita Role ${stamp}`;
  await signInAsStaff(page, 'owner@acme.example', '/admin/settings/staff');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Settings›Staff users');
  await clickUntil(page.getByRole('button', { name: 'Invite a staff user' }), page.getByLabel('Role', { exact: true }));
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(`rita.${stamp}@acme-staff.example`);
  await page.getByRole('button', { name: 'Save' }).click();
  const staffTable = page.getByRole('table', { name: 'Staff users', exact: true });
  const row = staffTable.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Invited');
  // No select to scroll through: the role is text and a button.
  await expect(row.getByRole('combobox')).toHaveCount(0);
  await expect(row).toContainText('Staff');

  const open = row.getByRole('button', { name: `Change role of ${name}` });
  const dialog = page.getByRole('alertdialog');
  await clickUntil(open, dialog);
  await dialog.getByRole('radio', { name: 'Owner' }).check();
  await expect(dialog).toContainText(`Make ${name} an Owner?`);
  await expect(dialog).toContainText('Owners can manage staff users and roles, settings, and everything staff can do.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Arrow keys move between the choices inside the dialog only; Escape leaves without a change.
  await open.click();
  await dialog.getByRole('radio', { name: 'Admin' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^Staff/);

  await clickUntil(row.getByRole('button', { name: `Change role of ${name}` }), dialog);
  await dialog.getByRole('radio', { name: 'Admin' }).check();
  await expect(dialog).toContainText(`Make ${name} an Admin?`);
  await dialog.getByRole('button', { name: 'Make an Admin' }).click();
  await expect(row.getByRole('cell').nth(2).getByRole('status')).toHaveText(`${name} is now an Admin.`);
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^Admin/);
  await page.reload();
  await expect(page.getByRole('table', { name: 'Recent changes to staff users' })).toContainText(`Olivia Owner made ${name} an Admin (was Staff)`);
});

test('a bulk move asks first with the exact count and the committed devices, and Cancel moves nothing', async ({ page }) => {
  // Every device of the demo: thousands, some of them committed to past orders.
  await signInAsStaff(page, 'staff@acme.example', '/admin/inventory');
  await expect(page.getByText('More than 1,000 devices match.')).toBeVisible();
  const move = page.getByRole('button', { name: 'Move all matching devices…' });
  // Until the page is hydrated the choices do not reach the form: repeat them until Move is enabled.
  await expect(async () => {
    await page.getByLabel(/Move all .* devices matching the filter/).setChecked(false);
    await page.getByLabel(/Move all .* devices matching the filter/).check();
    await page.getByLabel('To status').selectOption({ label: 'In Repair' });
    await expect(move).toBeEnabled({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const dialog = page.getByRole('alertdialog');
  await move.click();
  await expect(dialog).toBeVisible();
  const title = (await dialog.getByRole('heading').innerText()).trim();
  const match = /^Move ([\d,]+) devices from (.+) to In Repair\?$/.exec(title);
  expect(match, title).not.toBeNull();
  const uncommitted = Number(match![1]!.replace(/,/g, ''));
  expect(uncommitted).toBeGreaterThan(1000);
  const description = (await dialog.locator('p').first().innerText()).trim();
  const described = /^([\d,]+) devices match the filter; ([\d,]+) of them (?:is|are) committed to orders and stay where they are\.$/.exec(description);
  expect(described, description).not.toBeNull();
  const total = Number(described![1]!.replace(/,/g, ''));
  const committed = Number(described![2]!.replace(/,/g, ''));
  expect(committed).toBeGreaterThan(0);
  expect(total - committed).toBe(uncommitted);
  await expect(dialog.getByRole('button', { name: `Move ${uncommitted.toLocaleString('en-US')} devices` })).toBeVisible();
  // Including the committed ones says so, and the count in the button follows.
  await dialog.getByLabel(`Include the ${committed.toLocaleString('en-US')} committed device`).check();
  await expect(dialog.getByRole('heading')).toHaveText(new RegExp(`^Move ${total.toLocaleString('en-US')} devices \\(${committed.toLocaleString('en-US')} committed\\)`));
  await expect(dialog.getByRole('button', { name: `Move ${total.toLocaleString('en-US')} devices` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Moved /)).toHaveCount(0);
});

test('adding devices without a product says what is missing; the product is found by SKU', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example', '/admin/inventory/add');
  const imeis = [1, 2].map((i) => sequentialImei((Date.now() % 1_000_000) * 10 + i, '78'));
  await page.getByLabel('IMEIs, one per line').fill(imeis.join('\n'));
  await expect(page.getByRole('button', { name: 'Add 2 devices' })).toBeDisabled();
  await expect(page.getByText('Choose a product to add the 2 IMEIs.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Product' })).toHaveCount(0);
  await page.getByLabel('Product: find it by SKU or model').fill('APP-IPHONE12-64GB-BLACK');
  const choose = page.getByRole('button', { name: /^Choose APP-IPHONE12-64GB-BLACK/ }).first();
  await expect(choose).toBeVisible();
  const sku = (await choose.getAttribute('aria-label'))!.replace(/^Choose /, '');
  await choose.click();
  await expect(page.locator('form').getByText(sku, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add 2 devices' })).toBeEnabled();
  await expect(page.getByText('Choose a product to add the 2 IMEIs.')).toHaveCount(0);
});
