import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import type { StaffSession } from '@/lib/auth/session';
import * as s from '@/db/schema';
import { findPackingSlipDocument } from '@/db/queries/orders/packing-slip-document';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, commitDevices } from '../support/history-fixtures';
import { embeddedFontNames, pdfText } from '../support/pdf-text';

/**
 * The staff packing slip, through its route handler
 * (/admin/orders/[number]/packing-slip): what goes in the box and where, in
 * every script buyers' names come in, with no price; another seller's order
 * number is not found.
 */
const handle = vi.hoisted(() => ({ db: null as Db | null, staff: null as StaffSession | null }));
vi.mock('@/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db')>()),
  getDb: async () => handle.db!,
}));
// The staff session (lib/auth/session.ts is server-only): the seller the test signs in as.
vi.mock('@/lib/auth/session', () => ({ requireStaff: async () => handle.staff! }));

describe('packing slip PDF', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  let GET: typeof import('@/app/(admin)/admin/(print)/orders/[number]/packing-slip/route').GET;
  const staffOf = (f: SellerFixture) => ({ sellerId: f.sellerId }) as StaffSession;
  const download = (number: number | string) =>
    GET(new Request(`https://tradepost.test/admin/orders/${number}/packing-slip`), { params: Promise.resolve({ number: String(number) }) });

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    handle.db = database.db;
    seller = await buildSeller(database.db, { currency: 'EUR' });
    other = await buildSeller(database.db, { currency: 'EUR' });
    ({ GET } = await import('@/app/(admin)/admin/(print)/orders/[number]/packing-slip/route'));
  });
  afterAll(() => database.close());

  it('prints the company, order, ship-to, lines with their committed IMEIs and tracking, in every script, and no price', async () => {
    const { db } = database;
    await db
      .update(s.sellers)
      .set({ legalName: 'Tradepost Demo GmbH', address: 'Hafenstraße 5\n20457 Hamburg', locale: 'en-GB', timeZone: 'Asia/Tokyo' })
      .where(eq(s.sellers.id, seller.sellerId));
    const org = await addOrganization(db, seller, 'Łódź Zoë Ørsted');
    const phone = await addProduct(db, seller, { manufacturer: 'Apple', model: 'iPhone 14', capacity: '256GB', grade: 'A', listPrice: 45000, sku: 'IP14-256-A' });
    const pixel = await addProduct(db, seller, { manufacturer: 'Google', model: 'Pixel 8', listPrice: 31700, sku: 'PX8' });
    const { order, lines } = await addOrder(db, seller, {
      organizationId: org.id,
      poNumber: 'PO-7781',
      createdAt: new Date('2026-03-01T20:00:00Z'),
      lines: [
        { productId: phone.id, quantity: 3, unitPrice: 45000 },
        { productId: pixel.id, quantity: 2, unitPrice: 31700 },
      ],
    });
    await db
      .update(s.salesOrders)
      .set({ shipTo: { label: 'Склад Москва', attention: 'Дмитрий Иванов', line1: '山田太郎 様', line2: 'ul. Floriańska 3', city: 'Kraków', country: 'Polska' } })
      .where(eq(s.salesOrders.id, order.id));
    const phones = await addDevices(db, seller, phone.id, 2);
    const pixels = await addDevices(db, seller, pixel.id, 2);
    await commitDevices(db, lines[0]!.id, phones.map((d) => d.id));
    await commitDevices(db, lines[1]!.id, pixels.map((d) => d.id));
    await db.insert(s.orderShipments).values([
      { sellerId: seller.sellerId, orderId: order.id, carrier: 'ups', trackingNumber: '1Z999AA10123456784' },
      { sellerId: seller.sellerId, orderId: order.id, carrier: 'dhl_express', trackingNumber: '1234567890' },
    ]);

    handle.staff = staffOf(seller);
    const response = await download(order.number);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="packing-slip-${order.number}.pdf"`);
    const { document, pages } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(document.getTitle()).toBe(`Packing slip for order ${order.number}`);
    const text = pages.join('\n');
    for (const expected of [
      'PACKING SLIP',
      `Order ${order.number}`,
      'Tradepost Demo GmbH',
      'Hafenstraße 5',
      'PO-7781',
      // The seller's locale and time zone: 20:00 UTC on March 1 is March 2 in Tokyo.
      '2 Mar 2026',
      'Łódź Zoë Ørsted',
      'Склад Москва',
      'Attn: Дмитрий Иванов',
      // Each script is drawn in its own run (CJK in Noto Sans SC), so the space stands apart.
      '山田太郎',
      '様',
      'Kraków',
      'Apple iPhone 14 · 256GB · Black · Unlocked · Grade A',
      '(IP14-256-A)',
      '(PX8)',
      ...phones.map((d) => d.imei!),
      ...pixels.map((d) => d.imei!),
      'UPS: 1Z999AA10123456784',
      '1234567890',
    ]) {
      expect(text).toContain(expected);
    }
    // Ordered and committed per line: 3 ordered, 2 committed for the iPhone.
    expect(pages[0]).toMatch(/Grade A \(IP14-256-A\)\n3\n2|3\n2\nApple iPhone 14/);
    expect(text).not.toContain('?');
    expect(text).not.toContain('\ufffd');
    // No price: not the unit prices, not the amounts, not the currency.
    for (const price of ['€', '450', '317', '1,350', '634', 'Total', 'price']) expect(text).not.toContain(price);
    expect(embeddedFontNames(document)).toEqual(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansSC-Regular']);
  });

  it('flows a long slip onto more pages, every committed IMEI printed, and a line with nothing committed says 0', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const bulk = await addProduct(db, seller, { model: 'Bulk 200' });
    const waiting = await addProduct(db, seller, { model: 'Not yet picked' });
    const { order, lines } = await addOrder(db, seller, {
      organizationId: org.id,
      lines: [
        { productId: bulk.id, quantity: 200 },
        { productId: waiting.id, quantity: 7 },
      ],
    });
    const units = await addDevices(db, seller, bulk.id, 200);
    await commitDevices(db, lines[0]!.id, units.map((d) => d.id));
    handle.staff = staffOf(seller);
    const { pages } = await pdfText(new Uint8Array(await (await download(order.number)).arrayBuffer()));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain(`Packing slip for order ${order.number} (continued)`);
    const all = pages.join('\n');
    for (const d of units) expect(all).toContain(d.imei!);
    expect(all).toMatch(/\n7\n0\nApple Not yet picked/);
    expect(all).not.toContain('Tracking number');
  });

  it("answers 404 for another seller's order number, and for no such order", async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller, { model: 'Galaxy S24' });
    const { order } = await addOrder(db, seller, { organizationId: org.id, lines: [{ productId: product.id, quantity: 1 }] });

    handle.staff = staffOf(other);
    expect(await findPackingSlipDocument(db, { sellerId: other.sellerId, orderNumber: order.number })).toBeNull();
    await expect(download(order.number)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    await expect(download('not-a-number')).rejects.toMatchObject({ digest: expect.stringContaining('404') });

    // The control: the order's own seller gets its slip.
    handle.staff = staffOf(seller);
    expect((await download(order.number)).status).toBe(200);
    await expect(download(order.number + 1000)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
  });
});
