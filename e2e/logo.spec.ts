import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import sharp from 'sharp';
import { bombPng } from '../test/support/images';
import { signInAsCustomer, signInAsStaff } from './support/auth';

/**
 * The portal logo end to end (F11), at Bolt so Acme's demo stays as other
 * specs expect it; the logo is removed again at the end. A logo near the
 * 200 KB limit used to be inlined twice into every page as a data: URL.
 */

/** A busy 1800×600 logo of about 180 KB: the kind that weighed down every page. */
async function heavyLogo(): Promise<Buffer> {
  const width = 1800;
  const height = 600;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 11;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = (i % 3 === 2 ? 200 : 30) + (seed % 40);
  }
  for (let quality = 95; quality > 5; quality -= 5) {
    const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
    if (jpeg.length < 195 * 1024) return jpeg;
  }
  throw new Error('could not make a logo under 200 KB');
}

const saveButton = (page: Page) => page.getByRole('button', { name: 'Save Customer Portal settings' });

async function uploadLogo(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto('/admin/settings/customer-portal');
  await page.getByLabel('Logo', { exact: true }).setInputFiles(file);
  await saveButton(page).click();
}

test('the logo is re-encoded, served from a cached URL, refused when huge, and never inlined into pages', async ({ browser, page, baseURL }) => {
  const customer = await browser.newPage();
  await signInAsCustomer(customer, 'bolt');
  const forSale = async () => {
    const response = await customer.request.get('/p/bolt');
    expect(response.status()).toBe(200);
    return response.text();
  };
  const withoutLogo = (await forSale()).length;

  await signInAsStaff(page, 'owner@bolt.example', '/admin/settings/customer-portal');
  try {
    const logo = await heavyLogo();
    await uploadLogo(page, { name: 'logo.jpg', mimeType: 'image/jpeg', buffer: logo });
    await expect(page.getByText('Customer Portal settings saved.')).toBeVisible();
    const preview = page.getByRole('img', { name: 'Current logo' });
    await expect(preview).toHaveAttribute('src', /^\/p\/bolt\/logo\/[0-9a-f]{64}\.png$/);
    const path = (await preview.getAttribute('src'))!;

    // A PNG that declares 20000×20000 pixels is refused by name; the logo stays.
    await uploadLogo(page, { name: 'bomb.png', mimeType: 'image/png', buffer: Buffer.from(bombPng()) });
    await expect(page.getByText('The logo must be at most 2000×2000 pixels; this one is 20000×20000.').first()).toBeVisible();
    await page.goto('/admin/settings/customer-portal');
    await expect(page.getByRole('img', { name: 'Current logo' })).toHaveAttribute('src', path);

    // Every portal page links to the URL; none carries the image.
    const html = await forSale();
    expect(html).not.toContain('data:image');
    expect(html).toContain(path);
    const base64 = logo.toString('base64').length;
    console.log(
      `For Sale page at Bolt: ${withoutLogo} B without a logo, ${html.length} B with a ${logo.length} B logo ` +
        `(inlined as before: about ${withoutLogo + 2 * base64} B)`,
    );
    expect(html.length - withoutLogo).toBeLessThan(2_000);

    // Public, cached for a year, nosniff; another seller's slug or an old hash: 404.
    const anonymous = await browser.newContext({ baseURL });
    const served = await anonymous.request.get(path);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');
    expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    const png = await served.body();
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 600, height: 200 });
    expect((await anonymous.request.get(path.replace('/p/bolt/', '/p/acme/'))).status()).toBe(404);
    expect((await anonymous.request.get(path.replace(/[0-9a-f]{64}/, '0'.repeat(64)))).status()).toBe(404);

    // The signed-out sign-in page shows it, loaded.
    const visitor = await anonymous.newPage();
    await visitor.goto('/p/bolt/sign-in');
    const img = visitor.getByRole('img', { name: 'Bolt Mobile' });
    await expect(img).toHaveAttribute('src', path);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(600);
    await anonymous.close();
  } finally {
    await page.goto('/admin/settings/customer-portal');
    await page.getByLabel('Remove the logo').check();
    await saveButton(page).click();
    await expect(page.getByText('Customer Portal settings saved.')).toBeVisible();
    await customer.close();
  }
});
