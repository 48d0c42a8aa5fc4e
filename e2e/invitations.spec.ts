import type { Locator, Page } from '@playwright/test';
import { signInAsStaff } from './support/auth';
import { linkFromEmail } from './support/mail';
import { expect, test } from './support/test';

/**
 * Invitations end to end, in a production build that sends every email
 * through the real `resend` SDK to the suite's Resend stand-in, where the
 * spec reads the links. A production build has no development mailbox.
 */
test.describe.configure({ mode: 'serial' });

const stamp = Date.now();
const orgName = `Invite Test Co ${stamp}`;
const email = `ivy.${stamp}@invite-test.example`;
const password = 'ivy-chose-this-password';
const GENERIC = 'That email and password do not match an active account.';

/** Clicks until the click had its effect (a click may land before the page is hydrated). */
async function clickUntil(button: Locator, effect: Locator) {
  await expect(async () => {
    await button.click();
    await expect(effect).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

async function customerSignIn(page: Page, address: string, secret: string) {
  await page.goto('/p/acme/sign-in');
  await page.getByLabel('Email').fill(address);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a production build has no development mailbox, not even for signed-in staff', async ({ page, request }) => {
  expect((await request.get('/dev/mail')).status()).toBe(404);
  await signInAsStaff(page, 'owner@acme.example');
  expect((await page.request.get('/dev/mail')).status()).toBe(404);
});

test('staff invite a Customer Portal account; the link survives scanners, activates once and signs the customer in; disabling ends the session', async ({
  page,
  browser,
  request,
}) => {
  await signInAsStaff(page, 'owner@acme.example', '/admin/organizations');

  // A fresh organization, so no other spec's data is involved.
  await page.getByRole('link', { name: 'New organization' }).click();
  await expect(page.getByRole('heading', { name: 'New organization' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(orgName);
  await page.getByLabel('Email (optional)').fill(`ap.${stamp}@invite-test.example`);
  await page.getByRole('group', { name: 'Billing address' }).getByLabel('Street address').fill('1 Test Way');
  await page.getByRole('group', { name: 'Billing address' }).getByLabel('City').fill('Springfield');
  await page.getByRole('group', { name: 'Billing address' }).getByLabel('Country').fill('US');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: orgName })).toBeVisible();
  await expect(page.getByText('1 Test Way')).toBeVisible();
  const orgUrl = page.url();

  // Customer Portal tab > Add a Customer Portal Account > Save.
  await page.getByRole('link', { name: 'Customer Portal' }).click();
  await expect(page.getByRole('heading', { name: 'Customer Portal accounts' })).toBeVisible();
  await clickUntil(page.getByRole('button', { name: 'Add a Customer Portal Account' }), page.getByLabel('Name'));
  await page.getByLabel('Name').fill('Ivy Invitee');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await expect(page.getByRole('row', { name: /Ivy Invitee/ })).toContainText('Invited');

  const link = await linkFromEmail(email, 'You are invited to the Acme Wireless Customer Portal', /\/p\/acme\/activate\?token=/);
  expect(new URL(link).searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // Mail scanners open the link without a browser, more than once: nothing is used up.
  for (let i = 0; i < 2; i++) {
    const scan = await request.get(link, { maxRedirects: 0 });
    expect(scan.status()).toBe(200);
    expect(await scan.text()).toContain('Choose a password');
  }
  expect((await request.head(link, { maxRedirects: 0 })).status()).toBe(200);

  // The customer opens it in their own browser, chooses a password and lands in the portal, signed in.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(link);
  await expect(customer.getByRole('heading', { name: 'Choose a password' })).toBeVisible();
  await expect(customer.getByText(email)).toBeVisible();
  await customer.getByLabel('New password').fill(password);
  await customer.getByLabel('Repeat the password').fill(password);
  await customer.getByRole('button', { name: 'Activate account' }).click();
  await expect(customer).toHaveURL(/\/p\/acme$/);
  await expect(customer.getByText(orgName)).toBeVisible();

  // Signs out, and in again with the new password.
  await customer.getByRole('button', { name: 'Sign out' }).click();
  await expect(customer).toHaveURL(/\/p\/acme\/sign-in/);
  await customerSignIn(customer, email, password);
  await expect(customer).toHaveURL(/\/p\/acme$/);
  await expect(customer.getByText(orgName)).toBeVisible();

  // The used link now says the account is already active and offers sign-in.
  await customer.goto(link);
  await expect(customer.getByRole('heading', { name: 'Your account is already active' })).toBeVisible();
  await expect(customer.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // A wrong password gets the generic answer (in another browser, so the open session stays).
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await customerSignIn(stranger, email, 'not-the-password');
  await expect(stranger.locator('form').getByRole('alert')).toHaveText(GENERIC);
  await strangerContext.close();

  // The staff list shows the account active; staff disable it.
  await page.goto(`${orgUrl}/portal`);
  const row = page.getByRole('row', { name: /Ivy Invitee/ });
  await expect(row).toContainText('Active');
  // Disable asks first, naming the person; Confirm disables.
  const confirmation = page.getByRole('alertdialog', { name: 'Disable Ivy Invitee?' });
  await clickUntil(row.getByRole('button', { name: 'Disable: Ivy Invitee' }), confirmation);
  await expect(confirmation).toContainText('They are signed out at once and cannot sign in until enabled again.');
  await confirmation.getByRole('button', { name: 'Disable Ivy Invitee' }).click();
  await expect(row.getByText('Ivy Invitee is disabled and signed out.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Ivy Invitee/ })).toContainText('Disabled');

  // The customer's open session is refused on the very next request, and the password no longer works.
  await customer.goto('/p/acme');
  await expect(customer).toHaveURL(/\/p\/acme\/sign-in/);
  await customerSignIn(customer, email, password);
  await expect(customer.locator('form').getByRole('alert')).toHaveText(GENERIC);
  await customerContext.close();
});

test('a sign-in link request answers the same for unknown emails; the link signs in once', async ({ browser }) => {
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const answers: string[] = [];
  for (const address of [`nobody.${stamp}@nowhere.example`, 'buyer@globex.example']) {
    await visitor.goto('/p/acme/sign-in');
    await visitor.getByRole('link', { name: 'Email me a sign-in link' }).click();
    await expect(visitor.getByRole('heading', { name: 'Email me a sign-in link' })).toBeVisible();
    await visitor.getByLabel('Email').fill(address);
    await visitor.getByRole('button', { name: 'Email me a sign-in link' }).click();
    const answer = visitor.getByRole('status');
    await expect(answer).toBeVisible();
    answers.push(await answer.innerText());
  }
  expect(answers[0]).toContain('If an account exists for that email, we sent a link to it.');
  expect(answers[1]).toBe(answers[0]);

  const link = await linkFromEmail('buyer@globex.example', 'Your sign-in link for the Acme Wireless Customer Portal', /\/p\/acme\/sign-in-link\?token=/);
  await visitor.goto(link);
  await expect(visitor.getByText('as buyer@globex.example')).toBeVisible();
  await visitor.getByRole('button', { name: 'Sign in' }).click();
  await expect(visitor).toHaveURL(/\/p\/acme$/);
  await expect(visitor.getByText('Globex Exports')).toBeVisible();

  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { name: 'This link was already used' })).toBeVisible();
  await visitorContext.close();
});

test('owners invite staff with a role; the new admin activates, and resets a forgotten password by email', async ({ page, browser }) => {
  const staffEmail = `alex.${stamp}@acme-staff.example`;
  await signInAsStaff(page, 'owner@acme.example', '/admin/settings/staff');
  await expect(page.getByRole('heading', { name: 'Staff users' })).toBeVisible();
  await clickUntil(page.getByRole('button', { name: 'Invite a staff user' }), page.getByLabel('Role', { exact: true }));
  await page.getByLabel('Name').fill('Alex Admin');
  await page.getByLabel('Email').fill(staffEmail);
  await page.getByLabel('Role', { exact: true }).selectOption('admin');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Invitation sent to ${staffEmail}.`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Staff users', exact: true }).getByRole('row', { name: /Alex Admin/ })).toContainText('Invited');

  const invitation = await linkFromEmail(staffEmail, 'You are invited to the Acme Wireless back office on Tradepost', /\/admin\/activate\?token=/);
  const context = await browser.newContext();
  const alex = await context.newPage();
  await alex.goto(invitation);
  await alex.getByLabel('New password').fill('alex-first-password');
  await alex.getByLabel('Repeat the password').fill('alex-first-password');
  await alex.getByRole('button', { name: 'Activate account' }).click();
  await expect(alex).toHaveURL(/\/admin$/);
  await expect(alex.getByText('Alex Admin (admin)')).toBeVisible();
  await alex.getByRole('button', { name: 'Sign out' }).click();
  // The sign-out is a server action: navigating before it answers would leave the session in place.
  await expect(alex).toHaveURL(/\/admin\/sign-in$/);

  // Forgot password: the answer never says whether the email has an account.
  await alex.goto('/admin/sign-in');
  await alex.getByRole('link', { name: 'Forgot password?' }).click();
  // The sign-in page has an Email field too: fill the new page's.
  await expect(alex.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await alex.getByLabel('Email').fill(staffEmail);
  await alex.getByRole('button', { name: 'Email me a reset link' }).click();
  await expect(alex.getByRole('status')).toContainText('If an account exists for that email, we sent a link to it.');
  const reset = await linkFromEmail(staffEmail, 'Reset your password for the Acme Wireless back office on Tradepost', /\/admin\/reset-password\?token=/);
  await alex.goto(reset);
  await expect(alex.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await alex.getByLabel('New password').fill('alex-second-password');
  await alex.getByLabel('Repeat the password').fill('something-else-entirely');
  await alex.getByRole('button', { name: 'Save new password' }).click();
  await expect(alex.getByText('The two passwords do not match.')).toBeVisible();
  await alex.getByLabel('New password').fill('alex-second-password');
  await alex.getByLabel('Repeat the password').fill('alex-second-password');
  await alex.getByRole('button', { name: 'Save new password' }).click();
  await expect(alex).toHaveURL(/\/admin$/);
  await context.close();

  // The old password stopped working.
  await page.context().clearCookies();
  await page.goto('/admin/sign-in');
  await page.getByLabel('Email').fill(staffEmail);
  await page.getByLabel('Password').fill('alex-first-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText(GENERIC);
});
