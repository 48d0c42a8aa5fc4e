import type { Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * Settings > Company in a real browser, on Bolt Mobile (the specs about Acme
 * expect its US formats). The profile is put back to its defaults afterwards.
 */
const profile = {
  'Legal name': 'Bolt Mobile Handels GmbH',
  Address: 'Friedrichstraße 12\n10117 Berlin',
  'Tax or VAT number': 'DE811907980',
  'Contact email': 'rechnung@bolt.example',
  'Contact phone': '+49 30 1234567',
};

async function openCompany(page: Page) {
  await page.goto('/admin/settings/company');
  await expect(page.getByRole('heading', { name: 'Company', level: 1 })).toBeVisible();
}

test.describe('company profile', () => {
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signInAsStaff(page, 'owner@bolt.example', '/admin/settings/company');
    await openCompany(page);
    for (const label of Object.keys(profile)) await page.getByLabel(label, { exact: true }).fill('');
    await page.getByLabel('Locale').selectOption('en-US');
    await page.getByLabel('Time zone').selectOption('UTC');
    await page.getByRole('button', { name: 'Save company profile' }).click();
    await expect(page.getByText(/Company profile saved\.|Nothing changed\./)).toBeVisible();
    await page.close();
  });

  test('the owner saves the company profile; the buyer’s invoice shows the legal name and VAT number in the seller’s locale', async ({ page, browser }) => {
    await signInAsStaff(page, 'owner@bolt.example', '/admin/settings');
    await page.getByRole('link', { name: 'Company profile' }).click();
    await expect(page).toHaveURL(/\/admin\/settings\/company$/);

    for (const [label, value] of Object.entries(profile)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel('Locale').selectOption('de-DE');
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');

    // A bad email is refused at its field, before anything is sent.
    await page.getByLabel('Contact email').fill('rechnung at bolt');
    await page.getByRole('button', { name: 'Save company profile' }).click();
    await expect(page.getByText('Enter a valid email address, such as sales@example.com.')).toBeVisible();
    await expect(page.getByLabel('Contact email')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Contact email').fill(profile['Contact email']);
    await page.getByRole('button', { name: 'Save company profile' }).click();
    await expect(page.getByText('Company profile saved.')).toBeVisible();

    // Saved, audited, and read back after a reload.
    await page.reload();
    for (const [label, value] of Object.entries(profile)) await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
    await expect(page.getByLabel('Locale')).toHaveValue('de-DE');
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
    await expect(page.getByRole('table', { name: 'Recent changes' })).toContainText('Tax or VAT number: none → DE811907980');
    await expect(page.getByRole('columnheader', { name: 'When (Europe/Berlin)' })).toBeVisible();

    // The buyer's invoice prints who issued it, with money as de-DE writes it.
    const buyer = await browser.newPage();
    await signInAsCustomer(buyer, 'bolt', 'buyer@northwind.example');
    await buyer.goto('/p/bolt/invoices');
    await buyer.getByRole('link', { name: /^Invoice \d+$/ }).first().click();
    const invoice = buyer.getByRole('article', { name: /^Invoice \d+$/ });
    const issuer = invoice.getByRole('group', { name: 'Issued by' });
    await expect(issuer).toContainText('Bolt Mobile Handels GmbH');
    await expect(issuer).toContainText('Friedrichstraße 12');
    await expect(issuer).toContainText('Tax/VAT number: DE811907980');
    await expect(issuer).toContainText('rechnung@bolt.example');
    await expect(invoice.getByRole('table')).toContainText(/\d,\d{2}\s€/);
    await expect(invoice).toContainText(/\d{2}\.\d{2}\.\d{4}/);
    await buyer.close();
  });
});
