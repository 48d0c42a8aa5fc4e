import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addToCart } from '@/db/queries/cart';
import { acceptQuote } from '@/db/queries/quotes/accept-quote';
import { answerQuote } from '@/db/queries/quotes/answer-quote';
import { declineQuote } from '@/db/queries/quotes/decline-quote';
import { listCustomerQuotes, listQuotes } from '@/db/queries/quotes/list-quotes';
import { findCustomerQuote, findQuote } from '@/db/queries/quotes/quote-document';
import { requestQuote } from '@/db/queries/quotes/request-quote';
import { withdrawQuote } from '@/db/queries/quotes/withdraw-quote';
import { organizationHistory, type StaffActor } from '@/db/queries/audit';
import { quoteHistory } from '@/db/queries/quotes/quote-history';
import { Refusal } from '@/lib/refusal';
import { acceptQuoteSchema, answerQuoteSchema, requestQuoteSchema } from '@/lib/validation/quotes';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addPortalAccount, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffActor } from '../support/orders-fixtures';
import { addBuyer, cartOf, checkoutKey, linesOf, ordersOf, setPortalSettings, staffCommitDevices } from '../support/portal-fixtures';

type Buyer = Awaited<ReturnType<typeof addBuyer>>;

/** The calendar day `days` from today in UTC, as the date input sends it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('quotes', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let owner: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    owner = await addStaffActor(database.db, seller, 'owner');
  });
  afterAll(() => database.close());

  async function buyerWithCart(lines: { available: number; quantity: number; listPrice?: number | null }[]) {
    const { db } = database;
    const buyer = await addBuyer(db, seller);
    const items = [];
    for (const line of lines) {
      const product = await addProduct(db, seller, { listPrice: line.listPrice === undefined ? 10_000 : line.listPrice });
      const devices = await addDevices(db, seller, product.id, line.available);
      await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: product.id, quantity: line.quantity }));
      items.push({ product, devices });
    }
    return { buyer, items };
  }

  const request = (buyer: Buyer, input: Record<string, unknown> = {}) =>
    requestQuote(database.db, { ...buyer.scope, ...requestQuoteSchema.parse({ idempotencyKey: checkoutKey(), ...input }) });

  const answer = async (number: number, prices: string[], input: Record<string, unknown> = {}) => {
    const quote = (await findQuote(database.db, { sellerId: seller.sellerId, number }))!;
    return answerQuote(database.db, {
      sellerId: seller.sellerId,
      actor: owner,
      ...answerQuoteSchema.parse({ number, validUntil: day(14), note: 'Prices for this week', lineId: quote.lines.map((l) => l.id), price: prices, ...input }),
    });
  };

  const accept = (buyer: Buyer, number: number, input: Record<string, unknown> = {}) =>
    acceptQuote(database.db, { ...buyer.scope, ...acceptQuoteSchema.parse({ number, paymentMethodId: seller.paymentMethod('Net 30').id, ...input }) });

  const refusalOf = async (call: Promise<unknown>) => {
    const error = await call.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    return error as Refusal;
  };

  const emailsTo = (to: string, kind: string) =>
    database.db.select().from(s.emailMessages).where(and(eq(s.emailMessages.recipient, to), eq(s.emailMessages.kind, kind)));

  /** A buyer's quote, requested and answered at the given prices. */
  async function answeredQuote(lines: { available: number; quantity: number; listPrice?: number | null }[], prices: string[]) {
    const { buyer, items } = await buyerWithCart(lines);
    const { number } = await request(buyer);
    await answer(number, prices);
    return { buyer, items, number };
  }

  it('requests a quote from the cart: the lines and target prices, the message; the cart is emptied, owners emailed, audited', async () => {
    const { db } = database;
    const { buyer, items } = await buyerWithCart([
      { available: 10, quantity: 6, listPrice: 40_000 },
      { available: 3, quantity: 2, listPrice: null },
    ]);
    const result = await request(buyer, {
      message: 'Can you do better on six?',
      productId: [items[0]!.product.id, items[1]!.product.id],
      targetPrice: ['365.50', ''],
    });
    expect(result.alreadyRequested).toBe(false);
    expect(await cartOf(db, buyer.account.id)).toEqual([]);

    const quote = (await findCustomerQuote(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, number: result.number }))!;
    expect(quote).toMatchObject({ status: 'requested', buyerMessage: 'Can you do better on six?', total: null, validUntil: null });
    expect(quote.lines.map((l) => [l.productId, l.quantity, l.targetUnitPrice, l.quotedUnitPrice, l.currentUnitPrice])).toEqual([
      [items[0]!.product.id, 6, 36_550, null, 40_000],
      [items[1]!.product.id, 2, null, null, null],
    ]);
    const [email] = await emailsTo((await db.select().from(s.staffUsers).where(eq(s.staffUsers.id, owner.staffUserId)))[0]!.email, 'quote_request');
    expect(email!.subject).toBe(`Quote request ${result.number} from ${buyer.organization.name} (2 lines)`);
    expect(email!.text).toContain(`/admin/quotes/${result.number}`);
    expect(email!.text).toContain('Can you do better on six?');
    const [audit] = await db.select().from(s.auditEntries).where(and(eq(s.auditEntries.entityType, 'quote'), eq(s.auditEntries.entityId, quote.id)));
    expect(audit).toMatchObject({ action: 'quote.request', actorLabel: buyer.account.name });
  });

  it('makes one quote for a retried request with the same key, and refuses an empty cart', async () => {
    const { db } = database;
    const { buyer } = await buyerWithCart([{ available: 4, quantity: 2 }]);
    const idempotencyKey = checkoutKey();
    const [first, second] = await Promise.all([request(buyer, { idempotencyKey }), request(buyer, { idempotencyKey })]);
    expect(second.number).toBe(first.number);
    const third = await request(buyer, { idempotencyKey });
    expect(third).toEqual({ ...first, alreadyRequested: true });
    expect(await db.select().from(s.quotes).where(eq(s.quotes.organizationId, buyer.organization.id))).toHaveLength(1);

    const empty = await refusalOf(request(buyer));
    expect(empty.code).toBe('empty');
    expect(await db.select().from(s.quotes).where(eq(s.quotes.organizationId, buyer.organization.id))).toHaveLength(1);
  });

  it('refuses an unreadable target price at its line, leaving the cart as it was', async () => {
    const { db } = database;
    const { buyer, items } = await buyerWithCart([{ available: 4, quantity: 2 }]);
    const refusal = await refusalOf(request(buyer, { productId: items[0]!.product.id, targetPrice: 'cheap' }));
    expect(refusal.fieldErrors?.[`target.${items[0]!.product.id}`]?.[0]).toMatch(/Enter an amount/);
    expect(await cartOf(db, buyer.account.id)).toHaveLength(1);
  });

  it('refuses an answer that leaves a line unpriced or a date in the past; a valid answer emails the buyer', async () => {
    const { db } = database;
    const { buyer } = await buyerWithCart([
      { available: 4, quantity: 2 },
      { available: 4, quantity: 1 },
    ]);
    const { number } = await request(buyer);
    const unpriced = await refusalOf(answer(number, ['99.00', '']));
    expect(unpriced.code).toBe('invalid');
    expect(Object.values(unpriced.fieldErrors ?? {}).flat().join(' ')).toMatch(/Enter a unit price for/);
    const past = await refusalOf(answer(number, ['99.00', '80.00'], { validUntil: day(-1) }));
    expect(past.fieldErrors?.validUntil).toEqual(['The prices must hold until today or later.']);
    const impossible = await refusalOf(answer(number, ['99.00', '80.00'], { validUntil: '2030-02-31' }));
    expect(impossible.fieldErrors?.validUntil).toBeDefined();
    expect((await findQuote(db, { sellerId: seller.sellerId, number }))!.status).toBe('requested');
    expect(await emailsTo(buyer.account.email, 'quote_answer')).toHaveLength(0);

    const answered = await answer(number, ['99.00', '80.00'], { validUntil: day(0) });
    expect(answered).toMatchObject({ total: 2 * 9_900 + 8_000, replaced: false });
    const quote = (await findQuote(db, { sellerId: seller.sellerId, number }))!;
    expect(quote).toMatchObject({ status: 'answered', validUntil: day(0), staffNote: 'Prices for this week', total: 27_800, answeredByName: owner.name });
    const [email] = await emailsTo(buyer.account.email, 'quote_answer');
    expect(email!.text).toContain(`/quotes/${number}`);

    // Answering again before acceptance replaces the answer, and the audit says so.
    expect((await answer(number, ['95.00', '80.00'])).replaced).toBe(true);
    expect((await findQuote(db, { sellerId: seller.sellerId, number }))!.lines.map((l) => l.quotedUnitPrice)).toEqual([9_500, 8_000]);
    const audits = await db.select().from(s.auditEntries).where(and(eq(s.auditEntries.entityType, 'quote'), eq(s.auditEntries.entityId, quote.id), eq(s.auditEntries.action, 'quote.answer')));
    expect(audits.map((a) => (a.details as { replaced: boolean }).replaced).sort()).toEqual([false, true]);
    // The quote's history on its page and on the organization's page.
    expect((await quoteHistory(db, { sellerId: seller.sellerId, quoteId: quote.id })).map((e) => e.action)).toEqual(['quote.answer', 'quote.answer', 'quote.request']);
    const orgHistory = await organizationHistory(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id });
    expect(orgHistory.filter((e) => e.entityType === 'quote')).toHaveLength(3);
  });

  it('accepts into one order at the quoted prices, like checkout, and a second accept returns the same order', async () => {
    const { db } = database;
    await setPortalSettings(db, seller, { autoInvoice: true });
    const { buyer, items, number } = await answeredQuote(
      [
        { available: 10, quantity: 6, listPrice: 40_000 },
        { available: 3, quantity: 2, listPrice: null },
      ],
      ['365.00', '120.00'],
    );
    const accepted = await accept(buyer, number, { poNumber: 'PO-Q-1', paymentMethodId: String(seller.paymentMethod('Wire transfer').id) });
    expect(accepted.alreadyAccepted).toBe(false);
    const [order] = await ordersOf(db, seller, buyer.organization.id);
    expect(order).toMatchObject({
      id: accepted.orderId,
      number: accepted.orderNumber,
      statusId: seller.orderStatus('Awaiting Confirmation').id,
      channelId: seller.channel('B2B Portal').id,
      paymentMethodId: seller.paymentMethod('Wire transfer').id,
      poNumber: 'PO-Q-1',
      placedByAccountId: buyer.account.id,
    });
    expect((await linesOf(db, order!.id)).map((l) => [l.productId, l.quantity, l.unitPrice])).toEqual([
      [items[0]!.product.id, 6, 36_500],
      [items[1]!.product.id, 2, 12_000],
    ]);
    const [invoice] = await db.select().from(s.invoices).where(eq(s.invoices.orderId, order!.id));
    expect(invoice!.total).toBe(6 * 36_500 + 2 * 12_000);
    const ownerEmail = (await db.select().from(s.staffUsers).where(eq(s.staffUsers.id, owner.staffUserId)))[0]!.email;
    const notices = (await emailsTo(ownerEmail, 'portal_order')).filter((m) => m.subject.includes(`order ${accepted.orderNumber} `));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(`accepted quote ${number}`);
    const quote = (await findCustomerQuote(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, number }))!;
    expect(quote).toMatchObject({ status: 'accepted', orderNumber: accepted.orderNumber });

    const again = await accept(buyer, number);
    expect(again).toEqual({ ...accepted, alreadyAccepted: true });
    expect(await ordersOf(db, seller, buyer.organization.id)).toHaveLength(1);
    // An accepted quote can no longer be answered, withdrawn or declined.
    expect((await refusalOf(answer(number, ['1.00', '1.00']))).message).toContain('already accepted');
    expect((await refusalOf(withdrawQuote(db, { sellerId: seller.sellerId, number, actor: owner }))).message).toContain('already accepted');
    expect((await refusalOf(declineQuote(db, { ...buyer.scope, number }))).message).toContain('already accepted');
    await setPortalSettings(db, seller, { autoInvoice: false });
  });

  it('places one order from two concurrent accepts', async () => {
    const { db } = database;
    const { buyer, number } = await answeredQuote([{ available: 5, quantity: 3 }], ['90.00']);
    const second = await addPortalAccount(db, seller, buyer.organization.id);
    const results = await Promise.all([
      accept(buyer, number),
      acceptQuote(db, { ...buyer.scope, portalAccountId: second.id, ...acceptQuoteSchema.parse({ number, paymentMethodId: seller.paymentMethod('Net 30').id }) }),
    ]);
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.filter((r) => !r.alreadyAccepted)).toHaveLength(1);
    expect(await ordersOf(db, seller, buyer.organization.id)).toHaveLength(1);
  });

  it('refuses an expired, withdrawn, declined or unanswered quote, writing no order', async () => {
    const { db } = database;
    const expired = await answeredQuote([{ available: 5, quantity: 1 }], ['50.00']);
    await db.update(s.quotes).set({ validUntil: day(-1) }).where(and(eq(s.quotes.sellerId, seller.sellerId), eq(s.quotes.number, expired.number)));
    expect((await findQuote(db, { sellerId: seller.sellerId, number: expired.number }))!.status).toBe('expired');
    const expiredRefusal = await refusalOf(accept(expired.buyer, expired.number));
    expect(expiredRefusal.message).toBe(`Quote ${expired.number} expired on ${day(-1)}; it can no longer be accepted. Ask for a new quote from your cart.`);

    const withdrawn = await answeredQuote([{ available: 5, quantity: 1 }], ['50.00']);
    await withdrawQuote(db, { sellerId: seller.sellerId, number: withdrawn.number, actor: owner });
    expect((await refusalOf(accept(withdrawn.buyer, withdrawn.number))).message).toContain('was withdrawn');
    expect(await emailsTo(withdrawn.buyer.account.email, 'quote_withdrawn')).toHaveLength(1);

    const declined = await answeredQuote([{ available: 5, quantity: 1 }], ['50.00']);
    await declineQuote(db, { ...declined.buyer.scope, number: declined.number });
    expect((await refusalOf(accept(declined.buyer, declined.number))).message).toContain('was declined');
    expect((await findQuote(db, { sellerId: seller.sellerId, number: declined.number }))!.status).toBe('declined');

    const { buyer: waiting } = await buyerWithCart([{ available: 5, quantity: 1 }]);
    const unanswered = await request(waiting);
    expect((await refusalOf(accept(waiting, unanswered.number))).message).toContain('has not been answered yet');

    for (const b of [expired.buyer, withdrawn.buyer, declined.buyer, waiting]) expect(await ordersOf(db, seller, b.organization.id)).toHaveLength(0);
  });

  it('refuses lines above what is available now exactly as checkout does, and the quote stays open', async () => {
    const { db } = database;
    const { buyer, items, number } = await answeredQuote([{ available: 5, quantity: 4 }], ['80.00']);
    await staffCommitDevices(db, seller, items[0]!.product.id, items[0]!.devices.slice(0, 3));
    const refusal = await refusalOf(accept(buyer, number));
    expect(refusal.code).toBe('short');
    expect(refusal.message).toMatch(/Some lines are above what is available now\. .*: 2 available, 4 on the quote\./);
    expect(await ordersOf(db, seller, buyer.organization.id)).toHaveLength(0);
    expect((await findQuote(db, { sellerId: seller.sellerId, number }))!.status).toBe('answered');
  });

  it("answers not found for another organization's or another seller's quote", async () => {
    const { db } = database;
    const { buyer, number } = await answeredQuote([{ available: 5, quantity: 1 }], ['50.00']);
    const stranger = await addBuyer(db, seller);
    const other = await buildSeller(db);
    const foreigner = await addBuyer(db, other);
    expect(await findCustomerQuote(db, { sellerId: seller.sellerId, organizationId: stranger.organization.id, number })).toBeNull();
    expect(await findCustomerQuote(db, { sellerId: other.sellerId, organizationId: foreigner.organization.id, number })).toBeNull();
    expect(await findQuote(db, { sellerId: other.sellerId, number })).toBeNull();
    expect((await listCustomerQuotes(db, { sellerId: seller.sellerId, organizationId: stranger.organization.id, page: 1, pageSize: 25 })).rows).toEqual([]);
    for (const intruder of [stranger, foreigner]) {
      expect((await refusalOf(accept(intruder, number))).code).toBe('not_found');
      expect((await refusalOf(declineQuote(db, { ...intruder.scope, number }))).code).toBe('not_found');
    }
    const otherOwner = await addStaffActor(db, other, 'owner');
    expect((await refusalOf(withdrawQuote(db, { sellerId: other.sellerId, number, actor: otherOwner }))).code).toBe('not_found');
    expect((await findQuote(db, { sellerId: seller.sellerId, number }))!.status).toBe('answered');
    expect(await ordersOf(db, seller, buyer.organization.id)).toHaveLength(0);
  });

  it('lists requests first with the status filter, expired included', async () => {
    const { db } = database;
    const { rows } = await listQuotes(db, { sellerId: seller.sellerId, page: 1, pageSize: 100 });
    const firstOther = rows.findIndex((r) => r.status !== 'requested');
    expect(rows.slice(firstOther).some((r) => r.status === 'requested')).toBe(false);
    const expired = await listQuotes(db, { sellerId: seller.sellerId, status: 'expired', page: 1, pageSize: 100 });
    expect(expired.rows.length).toBeGreaterThan(0);
    expect(expired.rows.every((r) => r.status === 'expired' && r.total !== null)).toBe(true);
  });
});
