import sharp from 'sharp';
import { expect, test } from './support/test';
import { signInAsCustomer, signInAsStaff } from './support/auth';

/**
 * Photos and the grade guide end to end at Acme: staff write a grade's
 * description and upload a product photo (refused when too small), move it
 * first; the buyer sees it as the thumbnail on For Sale, loaded lazily from a
 * cached URL, follows a grade link to the Grades page; another seller's
 * photo answers 404; and For Sale with 50 rows, every one with a photo, stays
 * under its 150 KB budget (the document with its inline RSC payload, and the
 * RSC payload of a client navigation).
 */

async function photoJpeg(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#0f766e"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#fde68a"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).withExif({ IFD0: { Make: 'E2E camera' } }).toBuffer();
}

test('staff describe a grade and add a product photo; the buyer sees the thumbnail and reads the grade guide', async ({ page, browser }) => {
  const buyer = await browser.newPage();
  await signInAsCustomer(buyer, 'acme');
  const firstRow = buyer.getByRole('table', { name: 'Products for sale' }).locator('tbody tr').first();
  await buyer.goto('/p/acme?grade=B');
  const sku = (await firstRow.locator('small').first().textContent())!.trim();

  // Staff: the grade guide, then the product's photos.
  await signInAsStaff(page, 'owner@acme.example', '/admin/products/grades');
  const gradeB = page.getByRole('region', { name: 'Grade B', exact: true });
  await gradeB.getByLabel('Title').fill('Light scratches (E2E)');
  await gradeB.getByLabel('What buyers can expect').fill('Fine scratches you see only at an angle; checked by hand in the E2E suite.');
  await gradeB.getByRole('button', { name: 'Save grade B' }).click();
  await expect(gradeB.getByText('Grade B saved.')).toBeVisible();

  await page.goto(`/admin/products?q=${encodeURIComponent(sku)}`);
  await page.getByRole('link', { name: sku, exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Photos' })).toBeVisible();
  const gallery = page.getByRole('list', { name: `Photos of ${sku}` });
  await expect(gallery.getByRole('listitem')).toHaveCount(1); // the demo's drawing

  // Too small: refused by name, nothing added.
  await page.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'tiny.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(120, 90) });
  await page.getByLabel('Alt text', { exact: true }).last().fill('Tiny');
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('The photo is 120×90 pixels; upload one of at least 200 pixels on each side.').first()).toBeVisible();
  await expect(gallery.getByRole('listitem')).toHaveCount(1);

  await page.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(1800, 1200) });
  await page.getByLabel('Alt text', { exact: true }).last().fill('E2E front photo');
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('Photo added.')).toBeVisible();
  await expect(gallery.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Move photo 2 earlier' }).click();
  await expect(gallery.getByRole('listitem').first().getByRole('img')).toHaveAttribute('alt', 'E2E front photo');

  // The buyer: the new first photo is the row's thumbnail, lazy, 96 px shown at 48.
  await buyer.goto(`/p/acme?q=${encodeURIComponent(sku)}`);
  const thumb = firstRow.getByRole('img', { name: 'E2E front photo' });
  await expect(thumb).toHaveAttribute('loading', 'lazy');
  await expect(thumb).toHaveAttribute('width', '48');
  await expect(thumb).toHaveAttribute('src', /^\/p\/acme\/photos\/[0-9a-f]{64}-96\.webp$/);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
  const src = (await thumb.getAttribute('src'))!;
  const served = await buyer.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/webp');
  expect(served.headers()['cache-control']).toBe('private, max-age=31536000, immutable');
  expect(served.headers()['etag']).toMatch(/^"[0-9a-f]{64}-96"$/);
  expect((await served.body()).includes('E2E camera')).toBe(false);
  // Signed out: not served.
  const anonymous = await browser.newContext({ baseURL: new URL(buyer.url()).origin });
  expect((await anonymous.request.get(src, { maxRedirects: 0 })).status()).not.toBe(200);
  await anonymous.close();

  // The grade link lands on its description in the Grades page.
  await buyer.goto('/p/acme?grade=B');
  await firstRow.getByRole('link', { name: 'Grade B' }).click();
  await expect(buyer).toHaveURL(/\/p\/acme\/grades#grade-b$/);
  const described = buyer.getByRole('region', { name: /Light scratches \(E2E\)/ });
  await expect(described).toBeVisible();
  await expect(described.getByText('Fine scratches you see only at an angle')).toBeVisible();
  await expect(buyer.getByRole('navigation', { name: 'Customer Portal' }).getByRole('link', { name: 'Grades' })).toBeVisible();

  // Another seller's photo through Acme's portal: 404.
  const boltBuyer = await browser.newPage();
  await signInAsCustomer(boltBuyer, 'bolt');
  const boltSrc = (await boltBuyer.getByRole('table', { name: 'Products for sale' }).locator('tbody tr img').first().getAttribute('src'))!;
  expect(boltSrc).toMatch(/^\/p\/bolt\/photos\//);
  expect((await boltBuyer.request.get(boltSrc)).status()).toBe(200);
  expect((await buyer.request.get(boltSrc.replace('/p/bolt/', '/p/acme/'))).status()).toBe(404);
  await boltBuyer.close();

  // Staff remove the photo again: the demo drawing is the thumbnail once more.
  await page.getByRole('button', { name: 'Remove photo 1' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove photo 1' }).click();
  await expect(gallery.getByRole('listitem')).toHaveCount(1);
  await buyer.goto(`/p/acme?q=${encodeURIComponent(sku)}`);
  await expect(firstRow.getByRole('img')).toHaveAttribute('alt', /\(illustration\)$/);
  await buyer.close();
});

test('For Sale with 50 rows, each with a thumbnail, stays under 150 KB', async ({ page }) => {
  await signInAsCustomer(page, 'acme');
  const document = await page.request.get('/p/acme');
  const html = await document.text();
  expect((html.match(/<tr\b/g) ?? []).length).toBeGreaterThan(50);
  const thumbnails = html.match(/<img [^>]*src="\/p\/acme\/photos\/[0-9a-f]{64}-96\.webp"/g) ?? [];
  expect(thumbnails.length).toBe(50);
  const rsc = await page.request.get('/p/acme', { headers: { RSC: '1' } });
  const flight = await rsc.text();
  const htmlBytes = Buffer.byteLength(html);
  const rscBytes = Buffer.byteLength(flight);
  console.log(`For Sale, 50 rows with thumbnails: document ${htmlBytes} B (inline RSC included), RSC navigation ${rscBytes} B`);
  expect(htmlBytes).toBeLessThan(150_000);
  expect(rscBytes).toBeLessThan(150_000);
});
