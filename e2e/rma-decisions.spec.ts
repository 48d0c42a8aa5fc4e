import type { Browser, Page } from '@playwright/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';
import { expect, test } from './support/test';

/**
 * Return requests as buyer@contoso.example (Contoso Repairs) at /p/acme, and
 * the staff decisions on them at Acme: refused IMEIs are set apart and never
 * sent; staff approve a lower refund and reject a device; the buyer sees
 * asked / approved, how to send the devices back, and can cancel a request.
 */

const BUYER = 'buyer@contoso.example';

/** IMEIs of Contoso's purchased devices still inside the return window. */
async function returnableImeis(page: Page, count: number): Promise<string[]> {
  await page.goto('/p/acme/devices');
  const rows = page.locator('tbody tr').filter({ hasText: /Until / });
  const imeis: string[] = [];
  const n = await rows.count();
  for (let i = n - 1; i >= 0 && imeis.length < count; i--) imeis.push(await rows.nth(i).locator('input[name="imei"]').inputValue());
  expect(imeis).toHaveLength(count);
  return imeis;
}

async function asStaff(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsStaff(page, 'staff@acme.example');
  return { page, close: () => context.close() };
}

test('a return request with refused IMEIs submits only the eligible ones; staff approve a lower refund, and the buyer sees asked / approved', async ({
  page,
  browser,
}) => {
  await signInAsCustomer(page, 'acme', BUYER);
  const [kept, returned] = await returnableImeis(page, 2);
  const badLuhn = '352099001761482';
  const tooShort = '3520990017614';
  const notSold = '490154203237518';

  await page.goto('/p/acme/rmas/new');
  await page.getByLabel('Paste IMEIs').fill([kept, badLuhn, returned, tooShort, notSold].join('\n'));
  await page.getByRole('button', { name: 'Check and add' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 2 devices.' })).toHaveText(
    'Added 2 devices. 3 devices cannot be returned; see “Not added”.',
  );
  await expect(page.getByRole('heading', { name: 'Devices to return (2)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Not added (3)' })).toBeVisible();
  const notAdded = page.getByRole('list', { name: 'Devices not added' });
  await expect(notAdded.getByRole('listitem')).toHaveCount(3);
  await expect(notAdded).toContainText(`${badLuhn} is not a valid IMEI (the last digit is not the Luhn check digit)`);
  await expect(notAdded).toContainText(`${tooShort} is not a valid IMEI`);
  await expect(notAdded).toContainText(`${notSold} was not sold to your organization`);
  for (const imei of [badLuhn, tooShort, notSold]) await expect(page.locator(`fieldset[data-imei="${imei}"]`)).toHaveCount(0);
  const summary = page.getByTestId('return-summary');
  await expect(summary).toHaveText('2 devices to return · 3 not added');

  // Every change recomputes the summary, and the earlier message does not survive it.
  await page.getByRole('button', { name: `Remove ${tooShort} from Not added` }).click();
  await expect(page.getByRole('heading', { name: 'Not added (2)' })).toBeVisible();
  await expect(summary).toHaveText('2 devices to return · 2 not added');
  await expect(page.getByText('Added 2 devices.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove all' }).click();
  await expect(page.getByRole('heading', { name: /Not added/ })).toHaveCount(0);
  await expect(summary).toHaveText('2 devices to return');

  const keptCard = page.locator(`fieldset[data-imei="${kept}"]`);
  const returnedCard = page.locator(`fieldset[data-imei="${returned}"]`);
  await keptCard.getByLabel('Reason').fill('Scratched back glass');
  await expect(async () => {
    await keptCard.getByLabel('What you would like').selectOption('keep_partial_refund');
    await expect(keptCard.getByLabel(/Refund you ask for/)).toBeVisible({ timeout: 1000 });
  }).toPass();
  await keptCard.getByLabel(/Refund you ask for/).fill('60.00');
  await returnedCard.getByLabel('Reason').fill('Speaker crackles');
  await page.getByRole('button', { name: 'Submit return request' }).click();
  await expect(page).toHaveURL(/\/p\/acme\/rmas\/\d+\?requested=1$/);
  const rmaNumber = Number(/\/rmas\/(\d+)/.exec(page.url())![1]);
  const devices = page.getByRole('table', { name: `Devices on RMA ${rmaNumber}` });
  await expect(devices.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Status timeline' })).toContainText('Requested');

  // Staff approve 40.00 instead of 60.00, reject the other device with a reason, and open the RMA.
  const staff = await asStaff(browser);
  await staff.page.goto(`/admin/rmas/${rmaNumber}`);
  const decide = staff.page.getByRole('table', { name: `Decide the devices of RMA ${rmaNumber}` });
  await decide.getByLabel(`Approved refund (USD) for ${kept}`).fill('40.00');
  await decide.getByRole('button', { name: `Save decision for ${kept}` }).click();
  await expect(staff.page.getByText(`${kept} is approved as set on RMA ${rmaNumber}.`)).toBeVisible();

  await decide.getByRole('button', { name: `Reject ${returned}` }).click();
  const dialog = staff.page.getByRole('alertdialog', { name: `Reject ${returned}?` });
  await expect(dialog).toBeVisible();
  // The reason is required: confirming without one keeps the dialog open and changes nothing.
  await dialog.getByRole('button', { name: 'Reject device' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Reason for the buyer').fill('Speaker damage from liquid, not covered');
  await dialog.getByRole('button', { name: 'Reject device' }).click();
  await expect(staff.page.getByText(`${returned} is rejected on RMA ${rmaNumber}.`)).toBeVisible();

  await staff.page.getByRole('button', { name: 'Open RMA' }).click();
  await expect(staff.page.getByText(`RMA ${rmaNumber} is now Open.`)).toBeVisible();
  await staff.close();

  await page.goto(`/p/acme/rmas/${rmaNumber}`);
  const keptRow = devices.locator('tbody tr').filter({ hasText: kept });
  await expect(keptRow).toContainText('Asked $60.00');
  await expect(keptRow).toContainText('Approved $40.00');
  await expect(devices.locator('tbody tr').filter({ hasText: returned })).toContainText('Rejected: Speaker damage from liquid, not covered');
  await expect(devices.locator('tfoot')).toContainText('$40.00');
  const sendBack = page.getByRole('region', { name: 'How to send the devices back' });
  await expect(sendBack).toContainText(`Write RMA ${rmaNumber} on the box.`);
  await expect(sendBack).toContainText(/Send it by .+ \(14 days after the RMA was opened\)/);
  const timeline = page.getByRole('list', { name: 'Status timeline' });
  await expect(timeline).toContainText('Open');
  await expect(timeline.locator('[aria-current="step"]')).toContainText('Open');
  await expect(page.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
});

test('a buyer cancels a Requested RMA after confirming; staff see who cancelled it', async ({ page, browser }) => {
  await signInAsCustomer(page, 'acme', BUYER);
  const [imei] = await returnableImeis(page, 1);
  await page.goto(`/p/acme/rmas/new?imei=${imei}`);
  await page.locator(`fieldset[data-imei="${imei}"]`).getByLabel('Reason').fill('Ordered by mistake');
  await page.getByRole('button', { name: 'Submit return request' }).click();
  await expect(page).toHaveURL(/\/p\/acme\/rmas\/\d+\?requested=1$/);
  const rmaNumber = Number(/\/rmas\/(\d+)/.exec(page.url())![1]);

  await page.getByRole('button', { name: 'Cancel request' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Cancel return request RMA ${rmaNumber}?` });
  await dialog.getByRole('button', { name: 'Keep request' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel request' }).click();
  await dialog.getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByText('You cancelled this return request.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Status timeline' }).locator('[aria-current="step"]')).toContainText('Cancelled');

  const staff = await asStaff(browser);
  await staff.page.goto(`/admin/rmas/${rmaNumber}`);
  await expect(staff.page.getByText(new RegExp(`Cancelled by the buyer, .+ \\(${BUYER}\\)`))).toBeVisible();
  await expect(staff.page.getByText('This RMA is closed.')).toBeVisible();
  await staff.close();
});
