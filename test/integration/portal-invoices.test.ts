import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import type { StaffActor } from '@/db/queries/audit';
import { listCustomerInvoices, type ListCustomerInvoicesParams } from '@/db/queries/portal/invoices/list-invoices';
import { organizationCreditBalance } from '@/db/queries/invoices/credit-balance';
import { findCustomerInvoice } from '@/db/queries/invoices/find-invoice-document';
import { issueCreditNote } from '@/db/queries/invoices/issue-credit-note';
import { voidInvoice } from '@/db/queries/invoices/void-invoice';
import { createOrderInvoice, setInvoicePaid } from '@/db/queries/orders/order-invoices';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor } from '../support/orders-fixtures';
import { addRmaDirectly } from '../support/rmas-fixtures';

/**
 * The buyer's Invoices page and the organization's credit balance: states at
 * the due-date boundary, filters, pagination, totals, and nothing of another
 * organization or seller.
 */
const TODAY = '2026-12-01';

/** An invoice of a new order of the organization (total = 100.00 × quantity), its due date set. */
async function addInvoice(db: Db, seller: SellerFixture, actor: StaffActor, organizationId: number, dueOn: string, quantity = 1) {
  const product = await addProduct(db, seller);
  const { order } = await addOrder(db, seller, organizationId, [{ productId: product.id, quantity, unitPrice: 10000 }]);
  const invoice = await createOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: order.number, email: false, actor });
  await db.update(s.invoices).set({ dueOn }).where(eq(s.invoices.id, invoice.id));
  return { order, invoice };
}

describe('the buyer Invoices page', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  let actor: StaffActor;
  let north: s.Organization;
  let south: s.Organization;
  let made: Record<string, Awaited<ReturnType<typeof addInvoice>>>;
  let southInvoice: Awaited<ReturnType<typeof addInvoice>>;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    const { db } = database;
    seller = await buildSeller(db);
    other = await buildSeller(db);
    actor = await addStaffActor(db, seller);
    north = await addOrganization(db, seller, 'North Phones');
    south = await addOrganization(db, seller, 'South Phones');
    const { sellerId } = seller;
    const at = (order: { number: number }, invoice: { number: number }) => ({ sellerId, orderNumber: order.number, invoiceNumber: invoice.number, actor });

    made = {};
    made.dueYesterday = await addInvoice(db, seller, actor, north.id, '2026-11-30');
    made.dueToday = await addInvoice(db, seller, actor, north.id, '2026-12-01', 2);
    made.dueTomorrow = await addInvoice(db, seller, actor, north.id, '2026-12-02', 3);
    made.paidLate = await addInvoice(db, seller, actor, north.id, '2026-11-01', 4);
    await setInvoicePaid(db, { ...at(made.paidLate.order, made.paidLate.invoice), paid: true });
    made.voided = await addInvoice(db, seller, actor, north.id, '2026-11-01', 5);
    await voidInvoice(db, { ...at(made.voided.order, made.voided.invoice), reason: 'Billed twice' });
    // Overdue, 60.00 left after a credit note of 40.00 (before payment: it lowers the balance, it is not credit).
    made.partlyCredited = await addInvoice(db, seller, actor, north.id, '2026-11-15');
    await issueCreditNote(db, { ...at(made.partlyCredited.order, made.partlyCredited.invoice), amount: '40.00', reason: 'Scratched' });
    // Overdue by date, but nothing is left to pay.
    made.fullyCredited = await addInvoice(db, seller, actor, north.id, '2026-11-15');
    await issueCreditNote(db, { ...at(made.fullyCredited.order, made.fullyCredited.invoice), amount: '100.00', reason: 'Never delivered' });

    southInvoice = await addInvoice(db, seller, actor, south.id, '2026-11-01', 7);
    // The other seller numbers its documents from 1 too: the same invoice numbers exist there.
    const otherActor = await addStaffActor(db, other);
    const otherOrg = await addOrganization(db, other, 'North Phones');
    for (const due of ['2026-11-01', '2026-11-02', '2026-11-03']) await addInvoice(db, other, otherActor, otherOrg.id, due, 9);
  });
  afterAll(() => database.close());

  const list = (extra: Partial<ListCustomerInvoicesParams> = {}) =>
    listCustomerInvoices(database.db, { sellerId: seller.sellerId, organizationId: north.id, today: TODAY, page: 1, pageSize: 25, ...extra });

  it('lists every invoice of the organization, newest first, with its state at the due-date boundary', async () => {
    const { rows, total } = await list();
    const byNumber = Object.fromEntries(rows.map((r) => [r.number, r]));
    const state = (key: string) => byNumber[made[key]!.invoice.number]?.status;
    expect(total).toBe(7);
    expect(rows).toHaveLength(7);
    expect(state('dueYesterday')).toBe('overdue');
    expect(state('dueToday')).toBe('unpaid');
    expect(state('dueTomorrow')).toBe('unpaid');
    expect(state('paidLate')).toBe('paid');
    expect(state('voided')).toBe('void');
    expect(state('partlyCredited')).toBe('overdue');
    expect(state('fullyCredited')).toBe('credited');
    // The day after, "due today" is overdue.
    const tomorrow = await list({ today: '2026-12-02' });
    expect(tomorrow.rows.find((r) => r.number === made.dueToday!.invoice.number)?.status).toBe('overdue');

    const partly = byNumber[made.partlyCredited!.invoice.number]!;
    expect(partly).toMatchObject({ total: 10000, credited: 4000, balance: 6000, orderNumber: made.partlyCredited!.order.number, dueOn: '2026-11-15' });
    expect(rows.map((r) => r.number)).toEqual(Object.values(made).map((m) => m.invoice.number).sort((a, b) => b - a));
    expect(rows.map((r) => r.number)).not.toContain(southInvoice.invoice.number);
  });

  it('adds up what is outstanding and overdue over every invoice, whatever the filter and page', async () => {
    const expected = {
      // 100 (yesterday) + 200 (today) + 300 (tomorrow) + 60 (after credit); paid, void and fully credited count nothing.
      outstanding: 10000 + 20000 + 30000 + 6000,
      outstandingCount: 4,
      overdue: 10000 + 6000,
      overdueCount: 2,
    };
    expect((await list()).totals).toEqual(expected);
    expect((await list({ show: 'overdue', page: 2, pageSize: 1 })).totals).toEqual(expected);
    // South's overdue 700.00 is South's alone.
    const southTotals = await listCustomerInvoices(database.db, { sellerId: seller.sellerId, organizationId: south.id, today: TODAY, page: 1, pageSize: 25 });
    expect(southTotals.totals).toEqual({ outstanding: 70000, outstandingCount: 1, overdue: 70000, overdueCount: 1 });
  });

  it('filters unpaid only and overdue only', async () => {
    const numbers = (keys: string[]) => keys.map((k) => made[k]!.invoice.number).sort((a, b) => b - a);
    const unpaid = await list({ show: 'unpaid' });
    expect(unpaid.rows.map((r) => r.number)).toEqual(numbers(['dueYesterday', 'dueToday', 'dueTomorrow', 'partlyCredited']));
    expect(unpaid.total).toBe(4);
    const overdue = await list({ show: 'overdue' });
    expect(overdue.rows.map((r) => r.number)).toEqual(numbers(['dueYesterday', 'partlyCredited']));
    expect(overdue.total).toBe(2);
  });

  it('pages in the database: every invoice once, the count of all matches on every page', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => list({ page, pageSize: 2 })));
    expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 2, 1]);
    expect(pages.every((p) => p.total === 7)).toBe(true);
    const seen = pages.flatMap((p) => p.rows.map((r) => r.number));
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual((await list()).rows.map((r) => r.number));
    const past = await list({ page: 5, pageSize: 2 });
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(7);
    expect(past.totals.outstandingCount).toBe(4);
  });

  it('shows nothing of another seller, and answers not found for another organization’s invoice', async () => {
    const { db } = database;
    // The organization id under another seller's portal reads nothing.
    const crossed = await listCustomerInvoices(db, { sellerId: other.sellerId, organizationId: north.id, today: TODAY, page: 1, pageSize: 25 });
    expect(crossed).toEqual({ rows: [], total: 0, totals: { outstanding: 0, outstandingCount: 0, overdue: 0, overdueCount: 0 } });
    // South's invoice, addressed by its own order and invoice numbers, is not North's (the page and the PDF 404).
    const scope = { sellerId: seller.sellerId, organizationId: north.id };
    expect(await findCustomerInvoice(db, { ...scope, orderNumber: southInvoice.order.number, invoiceNumber: southInvoice.invoice.number })).toBeNull();
    // North's own invoice opens, and only under its own order.
    const own = made.dueToday!;
    expect((await findCustomerInvoice(db, { ...scope, orderNumber: own.order.number, invoiceNumber: own.invoice.number }))?.total).toBe(20000);
    expect(await findCustomerInvoice(db, { ...scope, orderNumber: made.dueTomorrow!.order.number, invoiceNumber: own.invoice.number })).toBeNull();
  });
});

describe('the organization credit balance', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('sums approved refunds of RMAs resolved as credit and credit notes after payment, and nothing else', async () => {
    const { db } = database;
    const seller = await buildSeller(db);
    const other = await buildSeller(db);
    const actor = await addStaffActor(db, seller);
    const north = await addOrganization(db, seller, 'North');
    const south = await addOrganization(db, seller, 'South');
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 9);
    const ids = devices.map((d) => d.id);
    const refund = async (rmaId: number, amounts: (number | 'rejected')[]) => {
      const lines = await db.select().from(s.rmaLines).where(eq(s.rmaLines.rmaId, rmaId)).orderBy(s.rmaLines.id);
      for (const [i, amount] of amounts.entries()) {
        await db
          .update(s.rmaLines)
          .set(amount === 'rejected' ? { refundAmount: 0, rejectionReason: 'Water damage' } : { refundAmount: amount })
          .where(eq(s.rmaLines.id, lines[i]!.id));
      }
    };

    const credit = await addRmaDirectly(db, seller, north.id, ids.slice(0, 3), { status: 'resolved', resolution: 'credit' });
    await refund(credit.id, [2500, 4000, 'rejected']);
    // Refunds, RMAs not resolved yet, and other organizations' credit do not count.
    const refunded = await addRmaDirectly(db, seller, north.id, [ids[3]!], { status: 'resolved', resolution: 'refund' });
    await refund(refunded.id, [9000]);
    const received = await addRmaDirectly(db, seller, north.id, [ids[4]!], { status: 'received' });
    await refund(received.id, [9000]);
    const rejected = await addRmaDirectly(db, seller, north.id, [ids[5]!], { status: 'rejected', resolution: null, rejectionReason: 'Out of warranty' });
    await refund(rejected.id, [0]);
    const southCredit = await addRmaDirectly(db, seller, south.id, [ids[6]!], { status: 'resolved', resolution: 'credit' });
    await refund(southCredit.id, [7000]);
    // An RMA resolved as credit with nothing approved is no entry.
    await addRmaDirectly(db, seller, north.id, [ids[7]!], { status: 'resolved', resolution: 'credit' });

    // A paid invoice credited afterwards: 15.00 owed back. One credited before payment: already taken off what was paid.
    const paidThenCredited = await addInvoice(db, seller, actor, north.id, '2026-11-01');
    const at = (m: Awaited<ReturnType<typeof addInvoice>>) => ({ sellerId: seller.sellerId, orderNumber: m.order.number, invoiceNumber: m.invoice.number, actor });
    await setInvoicePaid(db, { ...at(paidThenCredited), paid: true });
    const owed = await issueCreditNote(db, { ...at(paidThenCredited), amount: '15.00', reason: 'Price adjustment' });
    const creditedThenPaid = await addInvoice(db, seller, actor, north.id, '2026-11-01');
    const lowered = await issueCreditNote(db, { ...at(creditedThenPaid), amount: '20.00', reason: 'Early payment discount' });
    await setInvoicePaid(db, { ...at(creditedThenPaid), paid: true });
    // Timestamps made explicit, so the order of "paid" and "credited" does not hang on clock resolution.
    const day = (d: string) => new Date(`${d}T12:00:00Z`);
    await db.update(s.invoices).set({ paidAt: day('2026-11-10') }).where(eq(s.invoices.id, paidThenCredited.invoice.id));
    await db.update(s.creditNotes).set({ createdAt: day('2026-11-12') }).where(eq(s.creditNotes.id, owed.id));
    await db.update(s.invoices).set({ paidAt: day('2026-11-10') }).where(eq(s.invoices.id, creditedThenPaid.invoice.id));
    await db.update(s.creditNotes).set({ createdAt: day('2026-11-08') }).where(eq(s.creditNotes.id, lowered.id));
    // A credit note on an unpaid invoice lowers its balance due, it is not credit.
    const unpaid = await addInvoice(db, seller, actor, north.id, '2026-12-31');
    await issueCreditNote(db, { ...at(unpaid), amount: '30.00', reason: 'Damaged box' });

    const balance = await organizationCreditBalance(db, { sellerId: seller.sellerId, organizationId: north.id });
    expect(balance.total).toBe(2500 + 4000 + 1500);
    expect(balance.entries.map((e) => (e.kind === 'rma' ? ['rma', e.rmaNumber, e.amount] : ['note', e.creditNoteNumber, e.invoiceNumber, e.orderNumber, e.amount])).sort()).toEqual(
      [
        ['rma', credit.number, 6500],
        ['note', owed.number, paidThenCredited.invoice.number, paidThenCredited.order.number, 1500],
      ].sort(),
    );

    // Marked unpaid again, the credit note lowers what is due instead.
    await setInvoicePaid(db, { ...at(paidThenCredited), paid: false });
    expect((await organizationCreditBalance(db, { sellerId: seller.sellerId, organizationId: north.id })).total).toBe(6500);

    expect((await organizationCreditBalance(db, { sellerId: seller.sellerId, organizationId: south.id })).total).toBe(7000);
    // Another seller's portal with this organization id reads nothing.
    expect(await organizationCreditBalance(db, { sellerId: other.sellerId, organizationId: north.id })).toEqual({ total: 0, entries: [] });
  });
});
