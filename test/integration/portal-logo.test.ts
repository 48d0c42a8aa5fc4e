import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import * as s from '@/db/schema';
import { savePortalSettings } from '@/db/queries/settings/portal-settings';
import { convertLegacyLogos } from '@/db/queries/settings/legacy-logos';
import { findPortalBySlug } from '@/db/queries/sellers';
import { findCustomerInvoice } from '@/db/queries/invoices/find-invoice-document';
import { findSellerInvoiceDocument as findInvoiceForPrint } from '@/db/queries/invoices/find-invoice-document';
import { createInvoiceForOrder } from '@/db/queries/invoices/create-invoice';
import type { SettingsActor } from '@/db/queries/settings/access';
import { asResult } from '../support/as-result';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder } from '../support/history-fixtures';
import { addStaffActor, demoPortalInput } from '../support/settings-fixtures';
import { bombPng, logoImage } from '../support/images';

/**
 * The portal logo (F11): refused by pixel size before decoding, stored once
 * re-encoded, served from a URL named by its hash, and never a data: URL.
 */
describe('portal logo', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  let owner: SettingsActor;
  let GET: typeof import('@/app/(portal)/p/[slug]/logo/[file]/route').GET;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db);
    owner = await addStaffActor(database.db, seller, 'owner');
    // The route handler reads the process-wide database (db/index.ts); give it this one.
    (globalThis as { __tradepost?: { database?: Promise<unknown> } }).__tradepost = { database: Promise.resolve(database) };
    ({ GET } = await import('@/app/(portal)/p/[slug]/logo/[file]/route'));
  });
  afterAll(async () => {
    delete (globalThis as { __tradepost?: unknown }).__tradepost;
    await database.close();
  });

  const upload = (sellerFixture: SellerFixture, actor: SettingsActor, bytes: Uint8Array) =>
    asResult(savePortalSettings(database.db, { sellerId: sellerFixture.sellerId, actor, input: demoPortalInput(sellerFixture), logo: { kind: 'upload', bytes } }));
  const storedLogo = async (sellerId: number) =>
    (await database.db.select().from(s.portalLogos).where(eq(s.portalLogos.sellerId, sellerId)))[0] ?? null;
  const fetchLogo = (slug: string, file: string) =>
    GET(new Request(`https://tradepost.test/p/${slug}/logo/${file}`), { params: Promise.resolve({ slug, file }) });

  it('refuses a 150 KB PNG that declares 20000×20000 pixels, naming the limit, and keeps the stored logo', async () => {
    expect((await upload(seller, owner, await logoImage())).ok).toBe(true);
    const before = await storedLogo(seller.sellerId);

    const bomb = bombPng();
    expect(bomb.length).toBeGreaterThan(140 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const rss = process.memoryUsage().rss;
    const result = await upload(seller, owner, bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors?.logo).toEqual([
        'The logo must be at most 2000×2000 pixels; this one is 20000×20000. Scale it down and upload it again.',
      ]);
    }
    // Nothing was decoded: decoding would allocate 1.6 GB.
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
    expect(await storedLogo(seller.sellerId)).toEqual(before);
  });

  it('re-encodes an upload into a PNG that fits 600×200 with its transparency, stored once with its hash', async () => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const result = await upload(seller, owner, await logoImage({ width: 1500, height: 900, format }));
      expect(result.ok, format).toBe(true);
      const logo = (await storedLogo(seller.sellerId))!;
      const meta = await sharp(logo.png).metadata();
      expect(meta).toMatchObject({ format: 'png', width: logo.width, height: logo.height });
      expect(logo.width).toBeLessThanOrEqual(600);
      expect(logo.height).toBe(200);
      expect(logo.sha256).toMatch(/^[0-9a-f]{64}$/);
      if (format !== 'jpeg') expect(meta.hasAlpha).toBe(true);
    }
    // A corner of the transparent PNG stays transparent.
    await upload(seller, owner, await logoImage({ format: 'png' }));
    const { data } = await sharp((await storedLogo(seller.sellerId))!.png).raw().toBuffer({ resolveWithObject: true });
    expect(data[3]).toBe(0);
  });

  it('serves the stored PNG at /p/{slug}/logo/{hash}.png, cached for a year; 404 for another seller, an old hash or junk', async () => {
    await upload(seller, owner, await logoImage());
    const logo = (await storedLogo(seller.sellerId))!;
    const portal = await findPortalBySlug(database.db, seller.seller.slug);
    expect(portal!.logo).toEqual({ path: `/p/${seller.seller.slug}/logo/${logo.sha256}.png`, width: logo.width, height: logo.height });

    const served = await fetchLogo(seller.seller.slug, `${logo.sha256}.png`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(logo.png))).toBe(true);

    for (const [slug, file] of [
      [other.seller.slug, `${logo.sha256}.png`], // another seller's slug
      ['no-such-seller', `${logo.sha256}.png`],
      [seller.seller.slug, `${'0'.repeat(64)}.png`], // an old or made-up hash
      [seller.seller.slug, `${logo.sha256}.svg`],
      [seller.seller.slug, '../etc/passwd'],
    ]) {
      const response = await fetchLogo(slug!, file!);
      expect(response.status, `${slug} ${file}`).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }

    // A new logo is a new URL; the old one stops answering.
    await upload(seller, owner, await logoImage({ width: 900, height: 300 }));
    const next = (await storedLogo(seller.sellerId))!;
    expect(next.sha256).not.toBe(logo.sha256);
    expect((await fetchLogo(seller.seller.slug, `${logo.sha256}.png`)).status).toBe(404);
    expect((await fetchLogo(seller.seller.slug, `${next.sha256}.png`)).status).toBe(200);
  });

  it('links invoices, printed and on screen, to the same URL', async () => {
    const { db } = database;
    await upload(seller, owner, await logoImage());
    const logo = (await storedLogo(seller.sellerId))!;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller, { listPrice: 1000 });
    const { order } = await addOrder(db, seller, { organizationId: org.id, lines: [{ productId: product.id, quantity: 1, unitPrice: 1000 }] });
    const invoice = await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: order.id });
    const path = `/p/${seller.seller.slug}/logo/${logo.sha256}.png`;
    const view = await findCustomerInvoice(db, { sellerId: seller.sellerId, organizationId: org.id, orderNumber: order.number, invoiceNumber: invoice.number });
    expect(view!.logo?.path).toBe(path);
    const print = await findInvoiceForPrint(db, { sellerId: seller.sellerId, orderNumber: order.number, invoiceNumber: invoice.number });
    expect(print!.logo?.path).toBe(path);
  });

  it('moves a logo stored as a data: URL into the table at start, and drops a bomb with a note', async () => {
    const { db } = database;
    const good = await buildSeller(db);
    const bad = await buildSeller(db);
    const asDataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;
    await db.update(s.portalSettings).set({ logoDataUrl: asDataUrl(await logoImage()) }).where(eq(s.portalSettings.sellerId, good.sellerId));
    await db.update(s.portalSettings).set({ logoDataUrl: asDataUrl(bombPng()) }).where(eq(s.portalSettings.sellerId, bad.sellerId));

    expect(await convertLegacyLogos(db)).toEqual({ converted: 1, dropped: 1 });
    expect(await storedLogo(good.sellerId)).toMatchObject({ width: 600, height: 200 });
    expect(await storedLogo(bad.sellerId)).toBeNull();
    const left = await db.select({ url: s.portalSettings.logoDataUrl }).from(s.portalSettings);
    expect(left.every((r) => r.url === null)).toBe(true);
    const [note] = await db.select().from(s.auditEntries).where(eq(s.auditEntries.sellerId, bad.sellerId));
    expect((note!.details as { after: { logo: string } }).after.logo).toMatch(/^removed, upload it again: The logo must be at most 2000×2000 pixels/);
    expect(await convertLegacyLogos(db)).toEqual({ converted: 0, dropped: 0 });
  });
});
