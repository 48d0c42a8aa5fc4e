import { signInAsStaff } from './support/auth';
import { linkFromEmail } from './support/mail';
import { expect, test } from './support/test';

/**
 * Organizations > Import organizations end to end: a file with one bad row is
 * refused by its row number and imports nothing; the fixed file imports; the
 * bulk invitation sends each new buyer the activation email (read at the
 * suite's Resend stand-in), and a second click invites nobody twice.
 */
const stamp = Date.now();
const code = `E2E-${stamp}`;
const header = 'Account code,Name,Email,Phone,Billing line1,Billing city,Billing country,Shipping line1,Shipping city,Shipping country,Price list,Buyer name,Buyer email';
const org = `${code},Imported Co ${stamp},ap.${stamp}@import-test.example,+1 555 0142,1 Import Way,Springfield,US,7 Dock Road,Shelbyville,US`;
const ann = `ann.${stamp}@import-test.example`;
const bob = `bob.${stamp}@import-test.example`;
const csv = (rows: string[]) => ({ name: 'organizations.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });

test('staff import organizations from a CSV, fix a refused row, and invite the new buyers in bulk', async ({ page }) => {
  await signInAsStaff(page, 'owner@acme.example', '/admin/organizations');
  await page.getByRole('link', { name: 'Import organizations' }).click();
  await expect(page.getByRole('heading', { name: 'Import organizations' })).toBeVisible();
  const template = await page.request.get('/admin/organizations/import/template.csv');
  expect(await template.text()).toContain('account_code,name,email,phone,billing_line1');

  // Row 3's buyer email is not an email: refused, nothing to import.
  const file = page.getByLabel('Organizations file (CSV)');
  await file.setInputFiles(csv([`${org},,Ann Buyer,${ann}`, `${org},,Bob Buyer,bob-at-nowhere`]));
  await expect(page.getByText('1 row cannot be applied')).toBeVisible();
  const refused = page.getByRole('table', { name: 'Rows that cannot be applied' });
  await expect(refused.getByRole('row', { name: /bob-at-nowhere/ })).toContainText('3');
  await expect(refused).toContainText('buyer_email "bob-at-nowhere" is not an email address');
  await expect(page.getByRole('button', { name: /^Import / })).toHaveCount(0);

  // Fixed: one organization to create with two new buyers.
  await file.setInputFiles(csv([`${org},,Ann Buyer,${ann}`, `${org},,Bob Buyer,${bob}`]));
  const plan = page.getByRole('table', { name: /Organizations the file changes/ });
  await expect(plan.getByRole('row', { name: new RegExp(code) })).toContainText('Create');
  await expect(plan).toContainText(`Ann Buyer <${ann}>: New`);
  await page.getByRole('button', { name: 'Import 1 organization and 2 buyers' }).click();
  await expect(page.getByText(/1 organization created, 0 organizations updated, 0 unchanged\. 2 new buyers await an invitation\./)).toBeVisible();

  // The bulk invitation, confirmed.
  const invite = page.getByRole('button', { name: /^Invite \d+ buyers? not yet invited$/ });
  await invite.click();
  await page.getByRole('alertdialog').getByRole('button', { name: /^Send \d+ invitations?$/ }).click();
  await expect(page.getByText(/invitations? (is|are) on the way/)).toBeVisible();
  for (const to of [ann, bob]) {
    expect(await linkFromEmail(to, 'You are invited to the Acme Wireless Customer Portal', /\/p\/acme\/activate\?token=/)).toBeTruthy();
  }

  // The organization, its code, its default ship-to and its invited buyers.
  await page.goto('/admin/organizations');
  await expect(page.getByRole('button', { name: /not yet invited/ })).toHaveCount(0);
  await page.getByRole('searchbox', { name: /Search by name, account code/ }).fill(code);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: `Imported Co ${stamp}` }).click();
  await expect(page.getByText(code, { exact: true })).toBeVisible();
  const shipTo = page.getByRole('table', { name: /Shipping addresses of/ });
  await expect(shipTo.getByRole('row', { name: /Main/ })).toContainText('7 Dock Road, Shelbyville, US');
  await expect(shipTo.getByRole('row', { name: /Main/ })).toContainText('Default');
  await page.getByRole('link', { name: 'Customer Portal' }).click();
  await expect(page.getByRole('row', { name: /Ann Buyer/ })).toContainText('Invited');
  await expect(page.getByRole('row', { name: /Ann Buyer/ })).not.toContainText('Not yet invited');
});
