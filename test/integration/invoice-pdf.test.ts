import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { createInvoiceForOrder } from '@/db/queries/invoices/create-invoice';
import { findCustomerInvoice } from '@/db/queries/invoices/find-invoice-document';
import { renderInvoicePdf } from '@/lib/invoices/pdf';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder } from '../support/history-fixtures';
import { embeddedFontNames, pdfText } from '../support/pdf-text';

describe('invoice PDF', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db, { currency: 'EUR' });
  });
  afterAll(() => database.close());

  it('prints seller, numbers, organization and address, lines, total, payment and due date', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller, 'Łódź Phones & Co');
    await db
      .update(s.organizations)
      .set({ billingAddress: { line1: '5 Harbour Street', city: 'Rotterdam', postalCode: '3011', country: 'NL' } })
      .where(eq(s.organizations.id, org.id));
    const priced = await addProduct(db, seller, { manufacturer: 'Apple', model: 'iPhone 14', capacity: '256GB', grade: 'A', listPrice: 45000, sku: 'IP14-256-A' });
    const unpriced = await addProduct(db, seller, { manufacturer: 'Google', model: 'Pixel 8', listPrice: null, sku: 'PX8' });
    const { order } = await addOrder(db, seller, {
      organizationId: org.id,
      poNumber: 'PO-7781',
      lines: [
        { productId: priced.id, quantity: 3, unitPrice: 45000 },
        { productId: unpriced.id, quantity: 1, unitPrice: null },
      ],
    });
    const invoice = await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: order.id, today: '2026-03-02' });
    const doc = await findCustomerInvoice(db, {
      sellerId: seller.sellerId,
      organizationId: org.id,
      orderNumber: order.number,
      invoiceNumber: invoice.number,
    });
    expect(doc).not.toBeNull();
    const bytes = await renderInvoicePdf(doc!);

    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const { document, pages } = await pdfText(bytes);
    expect(document.getTitle()).toBe(`Invoice ${invoice.number}`);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    for (const expected of [
      `Seller ${seller.seller.slug}`,
      `Invoice ${invoice.number}`,
      String(order.number),
      'PO-7781',
      // The embedded Noto Sans prints every accent (the standard fonts printed "?ód? Phones & Co").
      'Łódź Phones & Co',
      '5 Harbour Street',
      '3011 Rotterdam',
      'Apple iPhone 14 · 256GB · Black · Unlocked · Grade A',
      '(IP14-256-A)',
      'Google Pixel 8 · 128GB · Black · Unlocked · Grade A',
      '(PX8)',
      '€450.00',
      '€1,350.00',
      'to be quoted',
      'Wire transfer, due Apr 1, 2026',
      'Pay by wire to First Demo Bank',
      'Mar 2, 2026',
      'Unpaid',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('flows long invoices onto more pages and repeats the column headings', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const products = [];
    for (let i = 0; i < 60; i++) products.push(await addProduct(db, seller, { model: `Model with a rather long descriptive name ${i}` }));
    const { order } = await addOrder(db, seller, {
      organizationId: org.id,
      lines: products.map((p) => ({ productId: p.id, quantity: 2, unitPrice: 1000 })),
    });
    const invoice = await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: order.id });
    const doc = await findCustomerInvoice(db, { sellerId: seller.sellerId, organizationId: org.id, orderNumber: order.number, invoiceNumber: invoice.number });
    const { pages } = await pdfText(await renderInvoicePdf(doc!));
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (let i = 0; i < 60; i++) expect(all).toContain(`long descriptive name ${i}`);
    expect(pages[1]).toContain(`Invoice ${invoice.number} (continued)`);
    expect(pages[1]).toContain('Unit price');
    expect(pages.at(-1)).toContain('€1,200.00');
  });

  it('prints the lines of an invoice issued without line snapshots from its order', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller, { model: 'Legacy 1', listPrice: 2500 });
    const { order } = await addOrder(db, seller, { organizationId: org.id, lines: [{ productId: product.id, quantity: 4, unitPrice: 2500 }] });
    const [invoice] = await db
      .insert(s.invoices)
      .values({ sellerId: seller.sellerId, number: 9001, orderId: order.id, total: 10000, currency: 'EUR', dueOn: '2026-01-31' })
      .returning();
    const doc = await findCustomerInvoice(db, { sellerId: seller.sellerId, organizationId: org.id, orderNumber: order.number, invoiceNumber: invoice!.number });
    expect(doc!.lines).toEqual([expect.objectContaining({ quantity: 4, unitPrice: 2500, amount: 10000 })]);
    const { pages } = await pdfText(await renderInvoicePdf(doc!));
    expect(pages[0]).toContain('Legacy 1');
    expect(pages[0]).toContain('To be agreed with your sales representative, due Jan 31, 2026');
  });

  it('prints every name, Latin with accents, Cyrillic and CJK, with the CJK font only where the document has CJK text', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller, 'Zoë Ørsted');
    await db
      .update(s.organizations)
      .set({ billingAddress: { line1: 'Attn: Дмитрий Иванов', line2: '山田太郎 様', city: 'Kraków', country: 'Polska' } })
      .where(eq(s.organizations.id, org.id));
    const product = await addProduct(db, seller, { model: 'Galaxy S24', listPrice: 1000 });
    const { order } = await addOrder(db, seller, { organizationId: org.id, lines: [{ productId: product.id, quantity: 1, unitPrice: 1000 }] });
    const invoice = await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: order.id });
    const doc = await findCustomerInvoice(db, { sellerId: seller.sellerId, organizationId: org.id, orderNumber: order.number, invoiceNumber: invoice.number });
    const bytes = await renderInvoicePdf(doc!);
    const { document, pages } = await pdfText(bytes);
    const text = pages.join('\n');
    for (const name of ['Zoë Ørsted', 'Дмитрий Иванов', '山田太郎', 'Kraków', 'Polska']) expect(text).toContain(name);
    expect(text).not.toContain('?');
    expect(text).not.toContain('\ufffd');
    expect(embeddedFontNames(document)).toEqual(['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansSC-Regular']);

    // The same invoice without CJK text embeds Noto Sans only, and stays small (subset fonts).
    await db.update(s.organizations).set({ billingAddress: { line1: 'Attn: Дмитрий Иванов', city: 'Kraków', country: 'Polska' } }).where(eq(s.organizations.id, org.id));
    const latinDoc = await findCustomerInvoice(db, { sellerId: seller.sellerId, organizationId: org.id, orderNumber: order.number, invoiceNumber: invoice.number });
    const latinBytes = await renderInvoicePdf(latinDoc!);
    const latin = await pdfText(latinBytes);
    expect(embeddedFontNames(latin.document)).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    expect(latin.pages.join('\n')).toContain('Zoë Ørsted');
    expect(latinBytes.length).toBeLessThan(150_000);
    expect(bytes.length).toBeLessThan(400_000);
  });

  it('prints the company profile, with dates and money in the seller locale and time zone', async () => {
    const { db } = database;
    const berlin = await buildSeller(db, { currency: 'EUR' });
    await db
      .update(s.sellers)
      .set({
        legalName: 'Ørsted Handels GmbH',
        address: 'Friedrichstraße 12\n10117 Berlin',
        taxId: 'DE123456789',
        contactEmail: 'rechnung@orsted.example',
        contactPhone: '+49 30 1234567',
        locale: 'de-DE',
        timeZone: 'Europe/Berlin',
      })
      .where(eq(s.sellers.id, berlin.sellerId));
    const org = await addOrganization(db, berlin);
    const product = await addProduct(db, berlin, { model: 'iPhone 15', listPrice: 135000 });
    const { order } = await addOrder(db, berlin, { organizationId: org.id, lines: [{ productId: product.id, quantity: 1, unitPrice: 135000 }] });
    const invoice = await createInvoiceForOrder(db, { sellerId: berlin.sellerId, orderId: order.id, today: '2026-03-02' });
    const doc = await findCustomerInvoice(db, { sellerId: berlin.sellerId, organizationId: org.id, orderNumber: order.number, invoiceNumber: invoice.number });
    expect(doc!.company).toMatchObject({ legalName: 'Ørsted Handels GmbH', taxId: 'DE123456789' });
    const text = (await pdfText(await renderInvoicePdf(doc!))).pages.join('\n');
    for (const expected of ['Ørsted Handels GmbH', 'Friedrichstraße 12', '10117 Berlin', 'Tax/VAT number: DE123456789', 'rechnung@orsted.example · +49 30 1234567', '1.350,00\u00a0€', '02.03.2026']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('€1,350.00');
  });
});
