import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceDocument } from '@/lib/invoices/document';
import { renderInvoicePdf } from '@/lib/invoices/pdf';
import { pdfText } from '../support/pdf-text';

/** What buyers and staff type into the fields an invoice PDF prints: markup, formulas, control and direction marks, every script, long runs. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example","x")',
    '+cmd|" /C calc"!A0',
    'Zoë Ørsted & Søn',
    'Дмитрий Иванов',
    '山田太郎 株式会社',
    '\u202Eevil\u202C',
    'a\u0000b\u0007c\u001bd',
    'line one\r\nline two\tTab',
    'Bcc: victim@example.com\r\nSubject: x',
    '🙂📱 emoji',
    'e\u0301\u0301\u0301 combining',
    '한국어 العربية ไทย',
    'हिन्दी ऄ বাংলা தமிழ் ខ្មែរ မြန်မာ བོད සිංහල ᬅᬓ᭄ᬱᬭ',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 80, unit: 'grapheme' }),
  fc.string({ maxLength: 40, unit: 'binary' }),
);

function documentWith(t: { org: string; po: string; legal: string; address: string; line: string; instructions: string; reason: string }): InvoiceDocument {
  return {
    sellerName: 'Acme Wireless',
    company: { legalName: t.legal || 'Acme Wireless Ltd', address: t.address, taxId: 'GB123', contactEmail: 'sales@acme.example', contactPhone: '+44 20 0000' },
    format: { locale: 'en-GB', timeZone: 'Europe/London' },
    brandColor: '#1d4ed8',
    logo: null,
    invoiceNumber: 5001,
    orderNumber: 1001,
    poNumber: t.po,
    organizationName: t.org,
    billingAddress: { line1: t.address.slice(0, 200), city: 'Rotterdam', postalCode: '3011', country: 'NL' },
    issuedOn: '2026-03-02',
    dueOn: '2026-04-01',
    paid: false,
    currency: 'EUR',
    paymentMethodName: 'Net 30',
    paymentInstructions: t.instructions,
    lines: [{ description: t.line, sku: 'SKU-1', quantity: 3, unitPrice: 45000, amount: 135000 }],
    total: 135000,
    voided: t.reason ? { at: new Date('2026-03-03T10:00:00Z'), reason: t.reason } : null,
  };
}

describe('generated hostile input: invoice PDFs', () => {
  it('prints any text buyers and staff type (markup, formulas, control marks, every script, long runs): never an error, always a PDF, never a "?" for a name', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ org: hostileText, po: hostileText, legal: hostileText, address: hostileText, line: hostileText, instructions: hostileText, reason: hostileText }),
        async (t) => {
          runs++;
          const bytes = await renderInvoicePdf(documentWith(t));
          expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
          const { pages } = await pdfText(bytes);
          const typed = Object.values(t).join('');
          // A character the fonts lack prints as a blank box, never as "?" (the old font filter's loss).
          if (!typed.includes('?')) expect(pages.join('\n')).not.toContain('?');
        },
      ),
      { numRuns: 30 },
    );
    expect(runs).toBe(30);
  }, 180_000);

  // fontkit shapes these scripts with generator-based state machines (Indic and the universal shaping engine);
  // it once threw "regeneratorRuntime is not defined" for a legal name of one Devanagari letter (found by the property above).
  it('prints the scripts shaped by fontkit\'s state machines (Indic, Khmer, Myanmar, Tibetan, Sinhala, Balinese) in every field', async () => {
    for (const text of ['ऄ', 'हिन्दी', 'বাংলা', 'தமிழ்', 'ខ្មែរ', 'မြန်မာ', 'བོད', 'සිංහල', 'ᬅᬓ᭄ᬱᬭ']) {
      const t = { org: text, po: text, legal: text, address: text, line: text, instructions: text, reason: text };
      const bytes = await renderInvoicePdf(documentWith(t));
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), text).toBe('%PDF-');
    }
  }, 60_000);
});
