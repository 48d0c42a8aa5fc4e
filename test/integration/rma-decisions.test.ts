import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import type { StaffActor } from '@/db/queries/audit';
import { createReturnRequest } from '@/db/queries/portal/rmas/request-rma';
import { cancelCustomerRma } from '@/db/queries/portal/rmas/cancel-rma';
import { findCustomerRma, listCustomerRmas } from '@/db/queries/portal/rmas/find-rma';
import { decideRmaLine, type RmaLineDecision } from '@/db/queries/rmas/decide-rma-line';
import { changeRmaStatus } from '@/db/queries/rmas/change-rma-status';
import { findRmaByNumber } from '@/db/queries/rmas/rma-detail';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addStaffActor, auditOf } from '../support/orders-fixtures';
import { addPurchase, addRma, buildTwoSellers, daysAgo, setReturnWindow } from '../support/history-fixtures';

type World = Awaited<ReturnType<typeof buildTwoSellers>>;

/** Staff decide each device of an RMA; the buyer sees asked / approved, and can cancel a request. */
describe('RMA decisions', () => {
  let database: TestDatabase;
  let w: World;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    w = await buildTwoSellers(database.db);
    actor = await addStaffActor(database.db, w.x);
  });
  afterAll(() => database.close());
  /** What staff recorded on an RMA (the buyer's own request entry left out). */
  const staffAudit = async (rmaId: number) => (await auditOf(database.db, w.x.sellerId, 'rma', rmaId)).filter((a) => a.action !== 'rma.request');
  beforeEach(async () => {
    await setReturnWindow(database.db, w.x.sellerId, 90);
  });

  /** A customer's request for 3 devices sold at 100.00: two kept with 60.00 asked, one returned. */
  async function requested() {
    const { db } = database;
    const p = await addPurchase(db, w.x, w.orgA.id, { count: 3, createdAt: daysAgo(2), unitPrice: 10000 });
    const imeis = p.devices.map((d) => d.imei!);
    const rma = await createReturnRequest(db, {
      ...w.scopeA,
      portalAccountId: w.accountA.id,
      lines: [
        { imei: imeis[0]!, reason: 'Scratched back', disposition: 'keep_partial_refund', requestedRefund: 6000 },
        { imei: imeis[1]!, reason: 'Dead pixel', disposition: 'keep_partial_refund', requestedRefund: 6000 },
        { imei: imeis[2]!, reason: 'No power', disposition: 'return', requestedRefund: null },
      ],
    });
    const detail = (await findRmaByNumber(db, { sellerId: w.x.sellerId, number: rma.number }))!;
    return { ...rma, imeis, lineIds: detail.lines.map((l) => l.id) };
  }

  const decide = (number: number, lineId: number, decision: RmaLineDecision, sellerId = w.x.sellerId) =>
    decideRmaLine(database.db, { sellerId, rmaNumber: number, lineId, decision, actor });
  const approve = (disposition: s.RmaDisposition, refund: string): RmaLineDecision => ({ kind: 'approve', disposition, refund });
  const buyerView = async (number: number) => (await findCustomerRma(database.db, { ...w.scopeA, number }))!;

  it('keeps what the buyer asked, stores what staff approve, and totals the approved refunds', async () => {
    const { db } = database;
    const rma = await requested();
    expect((await buyerView(rma.number)).refundTotal).toBe(12000);

    await decide(rma.number, rma.lineIds[0]!, approve('keep_partial_refund', '40.00'));
    await decide(rma.number, rma.lineIds[1]!, approve('return', ''));
    await decide(rma.number, rma.lineIds[2]!, { kind: 'reject', reason: 'Water damage, not covered' });

    const view = await buyerView(rma.number);
    expect(
      view.lines.map((l) => [l.requestedDisposition, l.requestedRefundAmount, l.disposition, l.refundAmount, l.rejectionReason]),
    ).toEqual([
      ['keep_partial_refund', 6000, 'keep_partial_refund', 4000, null],
      ['keep_partial_refund', 6000, 'return', 0, null],
      ['return', 0, 'return', 0, 'Water damage, not covered'],
    ]);
    expect(view.refundTotal).toBe(4000);
    expect(view.requestedRefundTotal).toBe(12000);
    const listed = await listCustomerRmas(db, { ...w.scopeA, page: 1, pageSize: 50 });
    expect(listed.rows.find((r) => r.number === rma.number)!.refundTotal).toBe(4000);
    expect((await findRmaByNumber(db, { sellerId: w.x.sellerId, number: rma.number }))!.refundTotal).toBe(4000);

    const audit = (await staffAudit(rma.rmaId)).sort((a, b) => a.id - b.id);
    expect(audit.map((a) => a.action)).toEqual(['rma.line_decide', 'rma.line_decide', 'rma.line_reject']);
    expect(audit[0]!.actorStaffId).toBe(actor.staffUserId);
    expect(audit[0]!.details).toMatchObject({
      number: rma.number,
      device: rma.imeis[0],
      before: { disposition: 'keep_partial_refund', refund: 6000, rejectionReason: null },
      after: { disposition: 'keep_partial_refund', refund: 4000, rejectionReason: null },
    });

    // Approving a rejected device takes it back; an unchanged decision writes no audit entry.
    await decide(rma.number, rma.lineIds[2]!, approve('return', '10'));
    expect((await buyerView(rma.number)).lines[2]).toMatchObject({ rejectionReason: null, refundAmount: 1000 });
    await decide(rma.number, rma.lineIds[2]!, approve('return', '10.00'));
    expect(await staffAudit(rma.rmaId)).toHaveLength(4);
  });

  it('refuses a refund above the sale price or the money limit, a kept device without a refund, and a rejection without a reason', async () => {
    const rma = await requested();
    const [first] = rma.lineIds;
    await expect(decide(rma.number, first!, approve('keep_partial_refund', '100.01'))).rejects.toThrow(
      `The refund $100.01 for ${rma.imeis[0]} is more than the $100.00 it was sold for.`,
    );
    await expect(decide(rma.number, first!, approve('return', '99999999999'))).rejects.toThrow(/The refund is too large: amounts are/);
    await expect(decide(rma.number, first!, approve('keep_partial_refund', '0'))).rejects.toThrow(
      `Keeping ${rma.imeis[0]} needs a partial refund above zero.`,
    );
    await expect(decide(rma.number, first!, approve('return', 'ten'))).rejects.toThrow(/Enter an amount such as/);
    await expect(decide(rma.number, first!, { kind: 'reject', reason: '   ' })).rejects.toThrow(/Say why .* is rejected/);
    expect((await buyerView(rma.number)).lines[0]).toMatchObject({ disposition: 'keep_partial_refund', refundAmount: 6000, rejectionReason: null });
    expect(await staffAudit(rma.rmaId)).toHaveLength(0);
    // The full sale price is allowed.
    await decide(rma.number, first!, approve('keep_partial_refund', '100.00'));
    expect((await buyerView(rma.number)).refundTotal).toBe(16000);
  });

  it('decides lines while Open too, and refuses once Received, Rejected or Cancelled', async () => {
    const rma = await requested();
    await changeRmaStatus(database.db, { sellerId: w.x.sellerId, rmaNumber: rma.number, to: 'open', actor });
    await decide(rma.number, rma.lineIds[0]!, approve('return', '0'));
    await changeRmaStatus(database.db, { sellerId: w.x.sellerId, rmaNumber: rma.number, to: 'received', actor });
    await expect(decide(rma.number, rma.lineIds[1]!, approve('return', '0'))).rejects.toThrow(
      `RMA ${rma.number} is Received; its devices can be changed only while it is Requested or Open.`,
    );
    const cancelled = await requested();
    await cancelCustomerRma(database.db, { ...w.scopeA, number: cancelled.number, portalAccountId: w.accountA.id, actorLabel: 'A' });
    await expect(decide(cancelled.number, cancelled.lineIds[0]!, approve('return', ''))).rejects.toThrow(/is Cancelled; its devices can be changed only/);
  });

  it("reads another seller's RMA, or a line of another RMA, as not found", async () => {
    const rma = await requested();
    const other = await requested();
    await expect(decide(rma.number, other.lineIds[0]!, approve('return', ''))).rejects.toThrow(`That device is not on RMA ${rma.number}.`);
    // Seller Y has no RMA of this number at X's ids: its own RMA C is found by number only at Y.
    await expect(decide(w.rmaC.number, rma.lineIds[0]!, approve('return', ''))).rejects.toThrow(/not found|is not on RMA/);
    const yActor = await addStaffActor(database.db, w.y);
    await expect(
      decideRmaLine(database.db, { sellerId: w.y.sellerId, rmaNumber: rma.number, lineId: rma.lineIds[0]!, decision: approve('return', ''), actor: yActor }),
    ).rejects.toThrow(/not found|is not on RMA/);
    expect((await buyerView(rma.number)).lines[0]!.refundAmount).toBe(6000);
  });

  it('rejects a whole RMA only with a reason, which the buyer sees and the audit keeps', async () => {
    const { db } = database;
    const rma = await requested();
    const reject = (reason?: string) => changeRmaStatus(db, { sellerId: w.x.sellerId, rmaNumber: rma.number, to: 'rejected', reason, actor });
    await expect(reject()).rejects.toThrow(`Say why RMA ${rma.number} is rejected; the buyer sees the reason.`);
    await expect(reject('  ')).rejects.toThrow(/Say why/);
    expect((await buyerView(rma.number)).status).toBe('requested');
    await reject('Bought more than 90 days ago');
    const view = await buyerView(rma.number);
    expect(view).toMatchObject({ status: 'rejected', rejectionReason: 'Bought more than 90 days ago' });
    expect(view.timeline.map((t) => t.status)).toEqual(['requested', 'rejected']);
    const audit = await auditOf(db, w.x.sellerId, 'rma', rma.rmaId);
    expect(audit.find((a) => a.action === 'rma.status')!.details).toMatchObject({ to: 'rejected', reason: 'Bought more than 90 days ago' });
  });

  it('does not move rejected devices on receipt', async () => {
    const { db } = database;
    const rma = await requested();
    await decide(rma.number, rma.lineIds[1]!, approve('return', ''));
    await decide(rma.number, rma.lineIds[2]!, { kind: 'reject', reason: 'Not ours' });
    await changeRmaStatus(db, { sellerId: w.x.sellerId, rmaNumber: rma.number, to: 'open', actor });
    const [scrap] = await db.select().from(s.inventoryStatuses).where(eq(s.inventoryStatuses.sellerId, w.x.sellerId)).limit(1);
    const result = await changeRmaStatus(db, { sellerId: w.x.sellerId, rmaNumber: rma.number, to: 'received', move: { statusId: scrap!.id }, actor });
    expect(result.moved).toBe(1);
  });

  it('lets the buyer cancel their own Requested RMA, records who, and frees the devices', async () => {
    const { db } = database;
    const rma = await requested();
    await cancelCustomerRma(db, { ...w.scopeA, number: rma.number, portalAccountId: w.accountA.id, actorLabel: 'Alpha buyer (Alpha Phones)' });
    const staffView = (await findRmaByNumber(db, { sellerId: w.x.sellerId, number: rma.number }))!;
    expect(staffView.rma.status).toBe('cancelled');
    expect(staffView.rma.cancelledBy).toMatchObject({ email: w.accountA.email });
    const audit = await auditOf(db, w.x.sellerId, 'rma', rma.rmaId);
    // The buyer's own events: the request, then the cancel.
    expect(audit.map((a) => a.action)).toEqual(['rma.request', 'rma.cancel']);
    expect(audit.map((a) => [a.action, a.actorLabel, a.actorStaffId])[1]).toEqual(['rma.cancel', 'Alpha buyer (Alpha Phones)', null]);
    expect((await buyerView(rma.number)).timeline.map((t) => t.status)).toEqual(['requested', 'cancelled']);
    // Twice is refused, and the devices can be asked for again.
    await expect(
      cancelCustomerRma(db, { ...w.scopeA, number: rma.number, portalAccountId: w.accountA.id, actorLabel: 'x' }),
    ).rejects.toThrow(`RMA ${rma.number} is Cancelled; only a request still waiting for review can be cancelled.`);
    await createReturnRequest(db, {
      ...w.scopeA,
      portalAccountId: w.accountA.id,
      lines: [{ imei: rma.imeis[0]!, reason: 'Again', disposition: 'return', requestedRefund: null }],
    });
  });

  it("refuses to cancel an Open RMA, and reads another organization's or seller's RMA as not found", async () => {
    const { db } = database;
    const rma = await requested();
    await changeRmaStatus(db, { sellerId: w.x.sellerId, rmaNumber: rma.number, to: 'open', actor });
    await expect(
      cancelCustomerRma(db, { ...w.scopeA, number: rma.number, portalAccountId: w.accountA.id, actorLabel: 'x' }),
    ).rejects.toThrow(`RMA ${rma.number} is Open; only a request still waiting for review can be cancelled.`);
    const mine = await requested();
    await expect(
      cancelCustomerRma(db, { ...w.scopeB, number: mine.number, portalAccountId: w.accountB.id, actorLabel: 'x' }),
    ).rejects.toThrow(`RMA ${mine.number} was not found.`);
    await expect(
      cancelCustomerRma(db, { ...w.scopeC, number: mine.number, portalAccountId: w.accountC.id, actorLabel: 'x' }),
    ).rejects.toThrow(`RMA ${mine.number} was not found.`);
    expect((await buyerView(mine.number)).status).toBe('requested');
    const other = await addRma(db, w.x, { organizationId: w.orgB.id, status: 'requested', lines: [{ deviceId: w.purchaseB.devices[1]!.id }] });
    await expect(
      cancelCustomerRma(db, { ...w.scopeA, number: other.number, portalAccountId: w.accountA.id, actorLabel: 'x' }),
    ).rejects.toThrow(`RMA ${other.number} was not found.`);
  });

  it('tells the buyer where to send an Open RMA, with the deadline days and the timeline dates', async () => {
    const { db } = database;
    const rma = await requested();
    expect((await buyerView(rma.number)).returnInstructions).toEqual({ address: null, shipDays: 14 });
    await db.update(s.portalSettings).set({ returnAddress: '1 Dock Road\nSpringfield', returnShipDays: 10 }).where(eq(s.portalSettings.sellerId, w.x.sellerId));
    await changeRmaStatus(db, { sellerId: w.x.sellerId, rmaNumber: rma.number, to: 'open', actor });
    const view = await buyerView(rma.number);
    expect(view.returnInstructions).toEqual({ address: '1 Dock Road\nSpringfield', shipDays: 10 });
    expect(view.timeline.map((t) => t.status)).toEqual(['requested', 'open']);
    expect(view.timeline[1]!.at.getTime()).toBeGreaterThanOrEqual(view.timeline[0]!.at.getTime());
    await db.update(s.portalSettings).set({ returnAddress: null, returnShipDays: 14 }).where(eq(s.portalSettings.sellerId, w.x.sellerId));
  });
});
