import type { Locator, Page } from '@playwright/test';
import { signInAsStaff } from './support/auth';
import { emailsTo, linkFromEmail } from './support/mail';
import { expect, test } from './support/test';

/**
 * My account in the portal, end to end on a production build: a buyer of
 * their own (invited here, so no other spec's demo account changes) renames
 * themself, changes the password (another browser's session ends, this one
 * stays), signs in with the new one, and moves to a new email address
 * through the link the mail stand-in received.
 */
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const orgName = `Account Test Co ${stamp}`;
const email = `mia.${stamp}@account-test.example`;
const newEmail = `mia.new.${stamp}@account-test.example`;
const first = 'mia-first-password';
const second = 'mia-second-password';
/** Steps that hash a password wait longer: scrypt is slow on a busy machine. */
const slow = { timeout: 30_000 };

/** Clicks until the click had its effect (a click may land before the page is hydrated). */
async function clickUntil(button: Locator, effect: Locator) {
  await expect(async () => {
    await button.click();
    await expect(effect).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

async function buyerSignIn(page: Page, address: string, secret: string) {
  await page.goto('/p/acme/sign-in');
  await page.getByLabel('Email').fill(address);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a buyer changes name and password, signs in with the new password, and changes email through the link', async ({ page, browser, request }) => {
  test.setTimeout(300_000);
  // Staff invite a buyer in a fresh organization.
  await signInAsStaff(page, 'owner@acme.example', '/admin/organizations');
  await page.getByRole('link', { name: 'New organization' }).click();
  await page.getByLabel('Name', { exact: true }).fill(orgName);
  await page.getByRole('group', { name: 'Billing address' }).getByLabel('Street address').fill('1 Test Way');
  await page.getByRole('group', { name: 'Billing address' }).getByLabel('City').fill('Springfield');
  await page.getByRole('group', { name: 'Billing address' }).getByLabel('Country').fill('US');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: orgName })).toBeVisible();
  await page.getByRole('link', { name: 'Customer Portal' }).click();
  await clickUntil(page.getByRole('button', { name: 'Add a Customer Portal Account' }), page.getByLabel('Name'));
  await page.getByLabel('Name').fill('Mia Buyer');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const activation = await linkFromEmail(email, 'You are invited to the Acme Wireless Customer Portal', /\/p\/acme\/activate\?token=/);

  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(activation);
  await buyer.getByLabel('New password').fill(first);
  await buyer.getByLabel('Repeat the password').fill(first);
  await buyer.getByRole('button', { name: 'Activate account' }).click();
  await expect(buyer).toHaveURL(/\/p\/acme$/, slow);

  // Another browser of the same buyer, signed in before the password changes.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await buyerSignIn(other, email, first);
  await expect(other).toHaveURL(/\/p\/acme$/, slow);

  // My account, from the header.
  await buyer.getByRole('link', { name: 'My account' }).click();
  await expect(buyer.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expect(buyer.getByText(`You sign in as ${email}.`)).toBeVisible();

  // Name.
  const nameSection = buyer.getByRole('region', { name: 'Name' });
  await nameSection.getByLabel('Your name').fill('Mia Renamed');
  await clickUntil(nameSection.getByRole('button', { name: 'Save name' }), nameSection.getByText('Your name was saved.'));
  await expect(buyer.getByRole('banner')).toContainText('Mia Renamed');

  // Password: a wrong current one is refused, then the change.
  const passwordSection = buyer.getByRole('region', { name: 'Password' });
  await passwordSection.getByLabel('Current password').fill('not-my-password');
  await passwordSection.getByLabel('New password', { exact: true }).fill(second);
  await passwordSection.getByLabel('Repeat the new password').fill(second);
  await passwordSection.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordSection.getByRole('alert').first()).toContainText('That is not your current password.', slow);
  await passwordSection.getByLabel('Current password').fill(first);
  await passwordSection.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordSection.getByText('Your password was changed. Your other sessions were signed out.')).toBeVisible(slow);

  // This browser stays signed in; the other one is signed out.
  await buyer.goto('/p/acme/orders');
  await expect(buyer.getByRole('heading', { name: 'Orders' })).toBeVisible();
  await other.goto('/p/acme/orders');
  await expect(other).toHaveURL(/\/p\/acme\/sign-in/);

  // The old password no longer signs in; the new one does.
  await buyerSignIn(other, email, first);
  await expect(other.locator('form').getByRole('alert')).toBeVisible(slow);
  await buyerSignIn(other, email, second);
  await expect(other).toHaveURL(/\/p\/acme$/, slow);
  await otherContext.close();

  // Email: a link goes to the new address; nothing changes until it is used.
  await buyer.goto('/p/acme/account');
  const emailSection = buyer.getByRole('region', { name: 'Email address' });
  // Filled again on every try: the form clears after a success, and a click may land before hydration.
  await expect(async () => {
    await emailSection.getByLabel('New email address').fill(newEmail);
    await emailSection.getByLabel('Current password').fill(second);
    await emailSection.getByRole('button', { name: 'Send confirmation link' }).click();
    await expect(emailSection.getByText(`We sent a link to ${newEmail}.`, { exact: false })).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 40_000 });
  const link = await linkFromEmail(newEmail, 'Confirm your new email address for the Acme Wireless Customer Portal', /\/p\/acme\/confirm-email\?token=/);
  // Mail scanners open it (more than once): nothing is used up, the email stays.
  for (let i = 0; i < 2; i++) {
    const scan = await request.get(link, { maxRedirects: 0 });
    expect(scan.status()).toBe(200);
    expect(await scan.text()).toContain('Confirm your new email address');
  }
  await buyer.reload();
  await expect(buyer.getByText(`You sign in as ${email}.`)).toBeVisible();

  await buyer.goto(link);
  await buyer.getByRole('button', { name: 'Confirm new email address' }).click();
  await expect(buyer.getByText(`Your email address is now ${newEmail}.`)).toBeVisible();
  await expect(async () => {
    expect((await emailsTo(email)).map((m) => m.subject)).toContain('Your email address for the Acme Wireless Customer Portal was changed');
  }).toPass({ timeout: 20_000 });
  // The used link is refused.
  await buyer.goto(link);
  await expect(buyer.getByRole('heading', { name: 'This link was already used' })).toBeVisible();

  // Sign out everywhere, then in with the new address (the old one no longer works).
  await buyer.goto('/p/acme/account');
  await expect(buyer.getByText(`You sign in as ${newEmail}.`)).toBeVisible();
  await buyer.getByRole('button', { name: 'Sign out everywhere' }).click();
  await buyer.getByRole('alertdialog').getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(buyer).toHaveURL(/\/p\/acme\/sign-in/);
  await buyerSignIn(buyer, email, second);
  await expect(buyer.locator('form').getByRole('alert')).toBeVisible(slow);
  await buyerSignIn(buyer, newEmail, second);
  await expect(buyer).toHaveURL(/\/p\/acme$/, slow);
  await buyerContext.close();
});

test('staff reach My account from the back-office header', async ({ page }) => {
  await signInAsStaff(page, 'staff@acme.example');
  await page.getByRole('link', { name: 'My account' }).click();
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expect(page.getByText('You sign in as staff@acme.example.')).toBeVisible();
});
