import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrderInvoice, emailOrderInvoice, setInvoicePaid } from '@/db/queries/orders/order-invoices';
import { voidInvoice } from '@/db/queries/invoices/void-invoice';
import { issueCreditNote } from '@/db/queries/invoices/issue-credit-note';
import { findCustomerInvoice, findSellerInvoiceDocument } from '@/db/queries/invoices/find-invoice-document';
import { findOrderByNumber } from '@/db/queries/orders/order-detail';
import { findCustomerOrder } from '@/db/queries/portal/orders/find-order';
import { renderInvoicePdf } from '@/lib/invoices/pdf';
import { Refusal } from '@/lib/refusal';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { pdfText } from '../support/pdf-text';
import { addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor, auditOf } from '../support/orders-fixtures';
import type { StaffActor } from '@/db/queries/audit';

async function refusalOf(run: () => Promise<unknown>): Promise<Refusal> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

/** Finding 3: no accidental second invoice; void keeps the number; credit notes and their totals. */
describe('second invoices, void invoices and credit notes', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  /** An order of $983.96 (4 × $245.99). */
  async function order() {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const p = await addProduct(db, seller);
    const { order } = await addOrder(db, seller, org.id, [{ productId: p.id, quantity: 4, unitPrice: 24599 }]);
    return { order, org };
  }
  const create = (orderNumber: number, confirmAnother?: boolean) =>
    createOrderInvoice(database.db, { sellerId: seller.sellerId, orderNumber, email: false, confirmAnother, actor });

  it('refuses a second invoice of a fully invoiced order without the confirmation, naming the first', async () => {
    const { order: o } = await order();
    const first = await create(o.number);
    expect(first.total).toBe(98396);
    const refusal = await refusalOf(() => create(o.number));
    expect(refusal.message).toContain(`Order already invoiced: ${first.number}, $983.96`);
    const detail = await findOrderByNumber(database.db, { sellerId: seller.sellerId, number: o.number });
    expect(detail!.invoices).toHaveLength(1);
    expect(detail!.fullyInvoiced).toBe(true);

    const second = await create(o.number, true);
    expect(second.number).toBe(first.number + 1);
    const audit = await auditOf(database.db, seller.sellerId, 'sales_order', o.id);
    const entry = audit.find((e) => e.action === 'invoice.create' && (e.details as { invoiceNumber: number }).invoiceNumber === second.number);
    expect(entry!.details).toMatchObject({ another: true, existing: [first.number] });
  });

  it('voids with a reason: keeps the number, no longer counts, cannot be paid, shows Void to staff and customer', async () => {
    const { db } = database;
    const { order: o, org } = await order();
    const invoice = await create(o.number);
    const noReason = await refusalOf(() =>
      voidInvoice(db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number, reason: ' ', actor }),
    );
    expect(noReason.fieldErrors?.reason).toBeDefined();

    await voidInvoice(db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number, reason: 'Billed twice by mistake', actor });
    const again = await refusalOf(() =>
      voidInvoice(db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number, reason: 'x', actor }),
    );
    expect(again.message).toContain('already void');

    const detail = await findOrderByNumber(db, { sellerId: seller.sellerId, number: o.number });
    expect(detail!.invoices.map((i) => [i.number, i.voidReason])).toEqual([[invoice.number, 'Billed twice by mistake']]);
    expect(detail!.fullyInvoiced).toBe(false);
    expect(detail!.history.find((e) => e.action === 'invoice.void')!.details).toMatchObject({ reason: 'Billed twice by mistake' });

    const paid = await refusalOf(() =>
      setInvoicePaid(db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number, paid: true, actor }),
    );
    expect(paid.message).toContain('void');
    const emailed = await refusalOf(() =>
      emailOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number, actor }),
    );
    expect(emailed.message).toContain('not emailed');

    // No longer counts as invoiced: a new one needs no confirmation.
    const replacement = await create(o.number);
    expect(replacement.number).toBeGreaterThan(invoice.number);

    const staffDoc = await findSellerInvoiceDocument(db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number });
    expect(staffDoc!.voided?.reason).toBe('Billed twice by mistake');
    const customerDoc = await findCustomerInvoice(db, {
      sellerId: seller.sellerId,
      organizationId: org.id,
      orderNumber: o.number,
      invoiceNumber: invoice.number,
    });
    expect(customerDoc!.invoiceNumber).toBe(invoice.number);
    expect(customerDoc!.voided).not.toBeNull();
    const { pages } = await pdfText(await renderInvoicePdf(customerDoc!));
    const text = pages.join('\n');
    expect(text).toContain('VOID');
    expect(text).toContain('Billed twice by mistake');
    expect(text).toMatch(/Status\s*Void/);

    const customerOrder = await findCustomerOrder(db, { sellerId: seller.sellerId, organizationId: org.id, number: o.number });
    expect(customerOrder!.invoices.map((i) => [i.number, i.voidedAt !== null])).toEqual([
      [invoice.number, true],
      [replacement.number, false],
    ]);
  });

  it('refuses voiding a paid invoice', async () => {
    const { order: o } = await order();
    const invoice = await create(o.number);
    await setInvoicePaid(database.db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number, paid: true, actor });
    const refusal = await refusalOf(() =>
      voidInvoice(database.db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number, reason: 'x', actor }),
    );
    expect(refusal.message).toContain('marked paid');
  });

  it('issues credit notes up to what is left, numbered from the invoice counter, with the right totals', async () => {
    const { db } = database;
    const { order: o, org } = await order();
    const invoice = await create(o.number);
    const credit = (amount: string, reason = 'Two units arrived with cracked screens') =>
      issueCreditNote(db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number, amount, reason, actor });

    const first = await credit('491.98');
    expect(first.number).toBe(invoice.number + 1);
    expect(first.amount).toBe(49198);
    expect(first.leftToCredit).toBe(49198);

    const tooMuch = await refusalOf(() => credit('491.99'));
    expect(tooMuch.fieldErrors?.amount?.[0]).toContain('At most $491.98 is left to credit');
    expect((await refusalOf(() => credit('0'))).fieldErrors?.amount).toBeDefined();
    expect((await refusalOf(() => credit('abc'))).fieldErrors?.amount).toBeDefined();
    expect((await refusalOf(() => credit('10', ' '))).fieldErrors?.reason).toBeDefined();

    const rest = await credit('491.98', 'Rest of the order returned');
    expect(rest.leftToCredit).toBe(0);
    expect((await refusalOf(() => credit('0.01'))).fieldErrors?.amount?.[0]).toContain('fully credited');

    // The next invoice number comes after the credit notes.
    const next = await create(o.number, true);
    expect(next.number).toBe(rest.number + 1);

    const detail = await findOrderByNumber(db, { sellerId: seller.sellerId, number: o.number });
    expect(detail!.creditNotes.map((c) => [c.number, c.invoiceNumber, c.amount])).toEqual([
      [first.number, invoice.number, 49198],
      [rest.number, invoice.number, 49198],
    ]);
    expect(detail!.invoices.find((i) => i.number === invoice.number)!.credited).toBe(98396);

    const doc = await findCustomerInvoice(db, { sellerId: seller.sellerId, organizationId: org.id, orderNumber: o.number, invoiceNumber: invoice.number });
    expect(doc!.creditNotes).toHaveLength(2);
    expect(doc!.balance).toBe(0);
    const { pages } = await pdfText(await renderInvoicePdf(doc!));
    expect(pages.join('\n')).toContain(`Credit note ${first.number}`);

    const audit = await auditOf(db, seller.sellerId, 'sales_order', o.id);
    expect(audit.filter((e) => e.action === 'invoice.credit_note')).toHaveLength(2);
  });

  it('refuses a credit note against a void invoice', async () => {
    const { order: o } = await order();
    const invoice = await create(o.number);
    await voidInvoice(database.db, { sellerId: seller.sellerId, orderNumber: o.number, invoiceNumber: invoice.number, reason: 'Wrong customer', actor });
    const refusal = await refusalOf(() =>
      issueCreditNote(database.db, {
        sellerId: seller.sellerId,
        orderNumber: o.number,
        invoiceNumber: invoice.number,
        amount: '10',
        reason: 'x',
        actor,
      }),
    );
    expect(refusal.message).toContain('void');
  });
});
