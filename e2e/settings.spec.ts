import type { Page } from '@playwright/test';
import { signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * Settings in a real browser. The demo portal of Acme is configured and on;
 * later specs rely on it, so every test that changes it puts the demo
 * configuration back (and afterAll does so again if a test failed midway).
 */

const statuses = (page: Page) => page.getByRole('group', { name: 'Inventory statuses that count toward For Sale' });
const warehouses = (page: Page) => page.getByRole('group', { name: 'Warehouses that count toward For Sale' });
const paymentMethods = (page: Page) => page.getByRole('group', { name: 'Payment methods offered at checkout' });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save Customer Portal settings' });

async function openPortalSettings(page: Page) {
  await page.goto('/admin/settings/customer-portal');
  await expect(page.getByRole('heading', { name: 'Customer Portal', level: 1 })).toBeVisible();
}

/** Statuses Available + Listed, warehouses MAIN + OVF, Awaiting Confirmation, B2B Portal, Wire transfer + Net 30, on. */
async function chooseDemoConfiguration(page: Page) {
  for (const name of ['Available', 'Listed']) await statuses(page).getByLabel(name, { exact: true }).check();
  for (const name of ['Received', 'In Repair', 'Reserved', 'Sold', 'Returned', 'Scrap']) {
    await statuses(page).getByLabel(name, { exact: true }).uncheck();
  }
  await warehouses(page).getByLabel('Main Warehouse (MAIN)').check();
  await warehouses(page).getByLabel('Overflow (OVF)').check();
  await warehouses(page).getByLabel('Repair Center (RC)').uncheck();
  await page.getByLabel('Initial order status').selectOption({ label: 'Awaiting Confirmation' });
  await page.getByLabel('Sales channel').selectOption({ label: 'B2B Portal' });
  await paymentMethods(page).getByLabel('Wire transfer').check();
  await paymentMethods(page).getByLabel('Net 30').check();
  await paymentMethods(page).getByLabel('Credit card on file').uncheck();
  await page.getByLabel('Enable the Customer Portal').check();
}

async function restoreDemoPortal(page: Page) {
  await openPortalSettings(page);
  await chooseDemoConfiguration(page);
  await saveButton(page).click();
  await expect(page.getByText(/Customer Portal settings saved\.|Nothing changed\./)).toBeVisible();
  await expect(page.getByText('The Customer Portal is on.')).toBeVisible();
}

test.describe('Customer Portal settings', () => {
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signInAsStaff(page, 'owner@acme.example', '/admin/settings/customer-portal');
    await restoreDemoPortal(page);
    await page.close();
  });

  test('shows the absolute portal URL and copies it to the clipboard', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signInAsStaff(page, 'owner@acme.example', '/admin/settings');
    await page.getByRole('link', { name: 'Customer Portal' }).click();
    await expect(page).toHaveURL(/\/admin\/settings\/customer-portal$/);

    const url = page.getByRole('textbox', { name: 'Portal URL', exact: true });
    await expect(url).toHaveValue(`${baseURL}/p/acme`);
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByText('Copied the portal URL to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/p/acme`);
  });

  test('refuses to enable the portal while settings are missing, naming each, then enables once configured', async ({ page }) => {
    await signInAsStaff(page, 'owner@acme.example', '/admin/settings/customer-portal');
    await expect(page.getByText('The Customer Portal is on.')).toBeVisible();

    // Turn it off and clear everything it needs.
    await page.getByLabel('Enable the Customer Portal').uncheck();
    for (const name of ['Available', 'Listed']) await statuses(page).getByLabel(name, { exact: true }).uncheck();
    await warehouses(page).getByLabel('Main Warehouse (MAIN)').uncheck();
    await warehouses(page).getByLabel('Overflow (OVF)').uncheck();
    await page.getByLabel('Initial order status').selectOption('');
    await page.getByLabel('Sales channel').selectOption('');
    await paymentMethods(page).getByLabel('Wire transfer').uncheck();
    await paymentMethods(page).getByLabel('Net 30').uncheck();
    await saveButton(page).click();
    await expect(page.getByText('Customer Portal settings saved.')).toBeVisible();
    await expect(page.getByText('The Customer Portal is off.')).toBeVisible();
    await expect(
      page.getByText('To enable it, choose inventory statuses, warehouses, initial order status, sales channel and payment methods.'),
    ).toBeVisible();

    // Try to enable: refused, naming every missing setting.
    await page.getByLabel('Enable the Customer Portal').check();
    await saveButton(page).click();
    await expect(
      page.getByText(
        "Can't enable the Customer Portal yet. Choose inventory statuses, warehouses, initial order status, sales channel and payment methods first.",
      ),
    ).toBeVisible();
    await expect(statuses(page).getByText('Choose the inventory statuses to enable the portal.')).toBeVisible();
    await expect(paymentMethods(page).getByText('Choose the payment methods to enable the portal.')).toBeVisible();

    // Nothing was written: after a reload the portal is still off and nothing is chosen.
    await page.reload();
    await expect(page.getByText('The Customer Portal is off.')).toBeVisible();
    await expect(page.getByLabel('Enable the Customer Portal')).not.toBeChecked();
    await expect(statuses(page).getByLabel('Available', { exact: true })).not.toBeChecked();

    // Configure only part of it: the message names what is still missing.
    for (const name of ['Available', 'Listed']) await statuses(page).getByLabel(name, { exact: true }).check();
    await warehouses(page).getByLabel('Main Warehouse (MAIN)').check();
    await warehouses(page).getByLabel('Overflow (OVF)').check();
    await page.getByLabel('Enable the Customer Portal').check();
    await saveButton(page).click();
    await expect(
      page.getByText("Can't enable the Customer Portal yet. Choose initial order status, sales channel and payment methods first."),
    ).toBeVisible();

    // Configure the rest: enabling succeeds.
    await chooseDemoConfiguration(page);
    await saveButton(page).click();
    await expect(page.getByText('Customer Portal settings saved.')).toBeVisible();
    await expect(page.getByText('The Customer Portal is on.')).toBeVisible();

    // The audit trail lists the change: who, what, when.
    const changes = page.getByRole('table', { name: 'Recent changes' });
    const latest = changes.locator('tbody tr').first();
    await expect(latest).toContainText('Olivia Owner');
    await expect(latest).toContainText('Portal enabled: no → yes');
    await expect(latest).toContainText('Payment methods: none → Net 30, Wire transfer');

    // The portal is open to customers again.
    await page.reload();
    await expect(page.getByLabel('Enable the Customer Portal')).toBeChecked();
  });

  test('with the portal on and no payment method left, the page warns that checkout is unavailable', async ({ page }) => {
    await signInAsStaff(page, 'owner@acme.example', '/admin/settings/customer-portal');
    const warning = page.getByText('Checkout is unavailable: no payment method is offered.');
    await expect(warning).toHaveCount(0);
    await paymentMethods(page).getByLabel('Wire transfer').uncheck();
    await paymentMethods(page).getByLabel('Net 30').uncheck();
    await saveButton(page).click();
    await expect(page.getByText('Customer Portal settings saved.')).toBeVisible();
    await expect(warning).toBeVisible();

    await restoreDemoPortal(page);
    await expect(warning).toHaveCount(0);
  });
});

test('catalogues: add a warehouse, refuse a duplicate code, refuse deleting one in use, delete an unused one', async ({ page }) => {
  await signInAsStaff(page, 'owner@acme.example', '/admin/settings');
  await page.getByRole('link', { name: 'Warehouses' }).click();
  await expect(page.getByRole('heading', { name: 'Warehouses', level: 1 })).toBeVisible();

  await page.getByLabel('Name').fill('E2E Annex');
  await page.getByLabel('Code').fill('e2e-annex');
  await page.getByRole('button', { name: 'Add warehouse' }).click();
  await expect(page.getByText('Warehouse E2E-ANNEX added.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Warehouses' })).toContainText('E2E Annex');
  await expect(page.getByLabel('Name')).toHaveValue('');

  await page.getByLabel('Name').fill('Another annex');
  await page.getByLabel('Code').fill('MAIN');
  await page.getByRole('button', { name: 'Add warehouse' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A warehouse with code MAIN already exists.' }).first()).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Another annex');

  await page.getByRole('link', { name: 'Edit warehouse MAIN' }).click();
  await page.getByRole('button', { name: 'Delete warehouse MAIN' }).click();
  await page.getByRole('alertdialog', { name: 'Delete warehouse MAIN?' }).getByRole('button', { name: 'Delete MAIN' }).click();
  await expect(
    page.getByText(/^Warehouse MAIN holds [\d,]+ devices and is chosen in Customer Portal settings, so it can't be deleted\.$/),
  ).toBeVisible();

  await page.goto('/admin/settings/warehouses');
  await page.getByRole('link', { name: 'Edit warehouse E2E-ANNEX' }).click();
  await page.getByRole('button', { name: 'Delete warehouse E2E-ANNEX' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete E2E-ANNEX' }).click();
  await expect(page).toHaveURL(/\/admin\/settings\/warehouses\?deleted=E2E-ANNEX$/);
  await expect(page.getByText('Warehouse E2E-ANNEX deleted.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Warehouses' })).not.toContainText('E2E Annex');
  await expect(page.getByRole('table', { name: 'Recent changes' }).locator('tbody tr').first()).toContainText(
    'Deleted Warehouse E2E-ANNEX',
  );
});

test('the staff role is refused on every settings page, with a clear page', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example', '/admin');
  for (const path of ['/admin/settings', '/admin/settings/customer-portal', '/admin/settings/warehouses', '/admin/settings/payment-methods']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Only owners and admins can change settings' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Save|Add|Delete/ })).toHaveCount(0);
  }
});

test('every catalogue keeps its URL; any other word or id is not found', async ({ page }) => {
  await signInAsStaff(page, 'owner@acme.example', '/admin/settings');
  for (const [path, heading] of [
    ['/admin/settings/warehouses', 'Warehouses'],
    ['/admin/settings/inventory-statuses', 'Inventory statuses'],
    ['/admin/settings/order-statuses', 'Order statuses'],
    ['/admin/settings/sales-channels', 'Sales channels'],
    ['/admin/settings/payment-methods', 'Payment methods'],
  ] as const) {
    expect((await page.goto(path))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  for (const path of ['/admin/settings/constructor', '/admin/settings/staff-users/1', '/admin/settings/warehouses/abc', '/admin/settings/warehouses/99999999']) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});
