import { describe, expect, it } from 'vitest';
import { renderInvoicePdf } from '@/lib/invoices/pdf';
import type { InvoiceDocument } from '@/lib/invoices/document';
import { prepareLogo } from '@/lib/settings/logo';
import { bombPng, largestAcceptedLogo } from '../support/images';

const invoice: InvoiceDocument = {
  sellerName: 'Acme Wireless',
  company: { legalName: 'Acme Wireless Inc.', address: null, taxId: null, contactEmail: null, contactPhone: null },
  format: { locale: 'en-US', timeZone: 'UTC' },
  brandColor: '#1d4ed8',
  logo: { path: '/p/acme/logo/x.png', width: 600, height: 200 },
  invoiceNumber: 7,
  orderNumber: 12,
  poNumber: null,
  organizationName: 'Northwind Traders',
  billingAddress: null,
  issuedOn: '2026-03-02',
  dueOn: '2026-04-01',
  paid: false,
  currency: 'USD',
  paymentMethodName: 'Wire transfer',
  paymentInstructions: '',
  lines: [{ description: 'Apple iPhone 14 128GB', sku: 'IP14', quantity: 3, unitPrice: 45_000, amount: 135_000 }],
  total: 135_000,
};

const MB = 1024 * 1024;

/** The PDF embeds only the stored PNG, which upload bounded to 600×200: no invoice can exhaust memory (F11). */
describe('invoice PDF logo', () => {
  it('embeds the largest logo the upload accepts, with RSS growth under 100 MB over 20 invoices', { timeout: 60_000 }, async () => {
    const prepared = await prepareLogo(await largestAcceptedLogo());
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.logo).toMatchObject({ width: 600, height: 200 });
    const first = await renderInvoicePdf(invoice, { logoPng: prepared.logo.png });
    expect(Buffer.from(first).toString('latin1')).toMatch(/\/Subtype \/Image[\s\S]*\/Width 600/);

    const before = process.memoryUsage().rss;
    let peak = before;
    for (let i = 0; i < 20; i++) {
      await renderInvoicePdf(invoice, { logoPng: prepared.logo.png });
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const growth = peak - before;
    console.log(`invoice PDF with a ${prepared.logo.png.length} B 600×200 logo: RSS growth ${(growth / MB).toFixed(1)} MB over 20 renders`);
    expect(growth).toBeLessThan(100 * MB);
  });

  it('leaves out, without decoding, a PNG larger than the stored bound however it got there', { timeout: 30_000 }, async () => {
    const before = process.memoryUsage().rss;
    const pdf = await renderInvoicePdf(invoice, { logoPng: bombPng() });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
    expect(Buffer.from(pdf).toString('latin1')).not.toContain('/Subtype /Image');
  });
});
