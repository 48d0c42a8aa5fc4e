import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import { nextDocumentNumber } from '@/db/queries/document-numbers';
import { checkReturnDevices, createReturnRequest, type ReturnRequestLine } from '@/db/queries/portal/rmas/request-rma';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { refusedAsProblems } from '../support/portal-fixtures';
import { addPurchase, addRma, buildTwoSellers, daysAgo, setReturnWindow } from '../support/history-fixtures';

type World = Awaited<ReturnType<typeof buildTwoSellers>>;

describe('return requests from the portal', () => {
  let database: TestDatabase;
  let w: World;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    w = await buildTwoSellers(database.db);
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await setReturnWindow(database.db, w.x.sellerId, 90);
  });

  /** Everything a return request could write, to prove a refusal wrote none of it. */
  async function snapshot() {
    const { db } = database;
    const [rmas] = await db.select({ n: count() }).from(s.rmas);
    const [lines] = await db.select({ n: count() }).from(s.rmaLines);
    const [emails] = await db.select({ n: count() }).from(s.emailMessages);
    const [counter] = await db
      .select({ last: s.documentCounters.lastNumber })
      .from(s.documentCounters)
      .where(and(eq(s.documentCounters.sellerId, w.x.sellerId), eq(s.documentCounters.kind, 'rma')));
    return { rmas: rmas!.n, lines: lines!.n, emails: emails!.n, rmaCounter: counter?.last };
  }

  const line = (imei: string, extra: Partial<ReturnRequestLine> = {}): ReturnRequestLine => ({
    imei,
    reason: 'Battery swells',
    disposition: 'return',
    requestedRefund: null,
    ...extra,
  });

  function request(lines: ReturnRequestLine[]) {
    return refusedAsProblems(
      createReturnRequest(database.db, {
        ...w.scopeA,
        portalAccountId: w.accountA.id,
        lines,
        notes: 'Pick up at <dock 3> & ring',
      }),
    );
  }

  /** One good device plus the refused one: the refusal must name only the bad IMEI, and write nothing. */
  async function expectRefused(imei: string, problem: RegExp) {
    const good = await addPurchase(database.db, w.x, w.orgA.id, { createdAt: daysAgo(5) });
    const before = await snapshot();
    const result = await request([line(good.devices[0]!.imei!), line(imei)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.value).toBe(imei);
    expect(result.problems[0]!.reason).toMatch(problem);
    expect(await snapshot()).toEqual(before);
  }

  it('refuses an invalid IMEI', async () => {
    await expectRefused('35209900176148', /not a valid IMEI \(an IMEI has exactly 15 digits\)/);
    await expectRefused('352099001761482', /not a valid IMEI \(the last digit is not the Luhn check digit\)/);
  });

  it('refuses a valid IMEI that is not a device of this seller, or one still in stock', async () => {
    await expectRefused('490154203237518', /^was not sold to your organization$/);
    const stock = await addPurchase(database.db, w.x, w.orgA.id);
    await database.db.update(s.devices).set({ orderLineId: null }).where(eq(s.devices.id, stock.devices[1]!.id));
    await expectRefused(stock.devices[1]!.imei!, /^was not sold to your organization$/);
  });

  it('refuses a device sold to another organization, of this seller or another, with the same words', async () => {
    await expectRefused(w.purchaseB.devices[1]!.imei!, /^was not sold to your organization$/);
    await expectRefused(w.purchaseC.devices[1]!.imei!, /^was not sold to your organization$/);
  });

  it('refuses a device already in another open RMA (requested, open or received), naming it', async () => {
    for (const status of ['requested', 'open', 'received'] as const) {
      const p = await addPurchase(database.db, w.x, w.orgA.id, { createdAt: daysAgo(3) });
      const rma = await addRma(database.db, w.x, { organizationId: w.orgA.id, status, lines: [{ deviceId: p.devices[0]!.id }] });
      await expectRefused(p.devices[0]!.imei!, new RegExp(`^is already in RMA ${rma.number} \\(${status}\\)$`));
    }
  });

  it('accepts a device whose earlier RMA was resolved or rejected', async () => {
    const p = await addPurchase(database.db, w.x, w.orgA.id, { createdAt: daysAgo(3) });
    await addRma(database.db, w.x, { organizationId: w.orgA.id, status: 'resolved', lines: [{ deviceId: p.devices[0]!.id }] });
    await addRma(database.db, w.x, { organizationId: w.orgA.id, status: 'rejected', lines: [{ deviceId: p.devices[1]!.id }] });
    const checks = await checkReturnDevices(database.db, { ...w.scopeA, imeis: p.devices.map((d) => d.imei!) });
    expect(checks.map((c) => c.problem)).toEqual([null, null]);
  });

  it('refuses a device outside the return window, and accepts it when the seller sets no limit', async () => {
    const old = await addPurchase(database.db, w.x, w.orgA.id, { createdAt: daysAgo(91) });
    await expectRefused(old.devices[0]!.imei!, /^is outside the 90-day return window \(ordered \d{4}-\d{2}-\d{2}, returns closed \d{4}-\d{2}-\d{2}\)$/);
    const inside = await addPurchase(database.db, w.x, w.orgA.id, { createdAt: daysAgo(89) });
    expect((await checkReturnDevices(database.db, { ...w.scopeA, imeis: [inside.devices[0]!.imei!] }))[0]!.problem).toBeNull();
    await setReturnWindow(database.db, w.x.sellerId, null);
    const [check] = await checkReturnDevices(database.db, { ...w.scopeA, imeis: [old.devices[0]!.imei!] });
    expect(check!.problem).toBeNull();
    expect(check!.device!.returnBy).toBeNull();
  });

  it('refuses a device of a cancelled order', async () => {
    const p = await addPurchase(database.db, w.x, w.orgA.id, { status: 'Cancelled', createdAt: daysAgo(2) });
    await expectRefused(p.devices[0]!.imei!, new RegExp(`^is on order ${p.order.number}, which was cancelled$`));
  });

  it('refuses the same IMEI twice in one request, and a refund above the price paid or missing', async () => {
    const p = await addPurchase(database.db, w.x, w.orgA.id, { createdAt: daysAgo(2), unitPrice: 20000 });
    const imei = p.devices[0]!.imei!;
    const before = await snapshot();
    const twice = await request([line(imei), line(imei)]);
    expect(twice).toEqual({ ok: false, problems: [{ line: 2, value: imei, reason: 'is listed twice' }] });
    const tooMuch = await request([line(imei, { disposition: 'keep_partial_refund', requestedRefund: 20001 })]);
    expect(tooMuch).toEqual({ ok: false, problems: [{ line: 1, value: imei, reason: 'asks for $200.01, more than its price of $200.00' }] });
    const missing = await request([line(imei, { disposition: 'keep_partial_refund', requestedRefund: null })]);
    expect(missing).toEqual({ ok: false, problems: [{ line: 1, value: imei, reason: 'needs the refund you ask for to keep it' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('writes the requested RMA, its lines and one email per active owner and admin, together', async () => {
    const { db } = database;
    const p = await addPurchase(db, w.x, w.orgA.id, { createdAt: daysAgo(20), unitPrice: 30000, product: { model: 'Galaxy <S22>' } });
    const [ret, keep] = p.devices;
    const before = await snapshot();
    const result = await request([
      line(ret!.imei!, { reason: 'Screen <flickers>' }),
      line(keep!.imei!, { disposition: 'keep_partial_refund', requestedRefund: 4500, reason: 'Scratched back' }),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.number).toBe(before.rmaCounter! + 1);

    const [rma] = await db.select().from(s.rmas).where(eq(s.rmas.id, result.rmaId));
    expect(rma).toMatchObject({
      sellerId: w.x.sellerId,
      organizationId: w.orgA.id,
      number: result.number,
      status: 'requested',
      requestedByAccountId: w.accountA.id,
      createdByStaffId: null,
      notes: 'Pick up at <dock 3> & ring',
    });
    const lines = await db.select().from(s.rmaLines).where(eq(s.rmaLines.rmaId, result.rmaId)).orderBy(s.rmaLines.id);
    expect(lines.map((l) => [l.deviceId, l.disposition, l.reason, l.refundAmount])).toEqual([
      [ret!.id, 'return', 'Screen <flickers>', 0],
      [keep!.id, 'keep_partial_refund', 'Scratched back', 4500],
    ]);

    // A customer event in the histories, by the buyer.
    const [audit] = await db.select().from(s.auditEntries).where(and(eq(s.auditEntries.action, 'rma.request'), eq(s.auditEntries.entityId, result.rmaId)));
    expect(audit).toMatchObject({ sellerId: w.x.sellerId, entityType: 'rma', details: { number: result.number, organization: 'Alpha Phones', devices: 2 } });

    const emails = await db
      .select()
      .from(s.emailMessages)
      .where(and(eq(s.emailMessages.kind, 'rma_requested'), eq(s.emailMessages.sellerId, w.x.sellerId)))
      .orderBy(s.emailMessages.id);
    expect(emails.map((e) => e.recipient).sort()).toEqual([`admin-x-${w.x.sellerId}@seller.example`, `owner-x-${w.x.sellerId}@seller.example`]);
    for (const email of emails) {
      expect(email.status).toBe('queued');
      expect(email.subject).toBe(`Return request: RMA ${result.number} from Alpha Phones (2 devices)`);
      expect(email.html).toContain(`https://tradepost.test/admin/rmas/${result.number}`);
      expect(email.html).toContain(ret!.imei!);
      expect(email.html).toContain('Screen &lt;flickers&gt;');
      expect(email.html).toContain('Galaxy &lt;S22&gt;');
      expect(email.html).toContain('Pick up at &lt;dock 3&gt; &amp; ring');
      expect(email.html).not.toContain('<flickers>');
      expect(email.text).toContain('$45.00');
    }
    // The device is now in an open RMA: asking again is refused.
    const again = await request([line(ret!.imei!)]);
    expect(again).toEqual({ ok: false, problems: [{ line: 1, value: ret!.imei!, reason: `is already in RMA ${result.number} (requested)` }] });
  });

  it('rolls the RMA and its lines back when the staff email cannot be queued', async () => {
    const p = await addPurchase(database.db, w.x, w.orgA.id, { createdAt: daysAgo(4) });
    const before = await snapshot();
    // The outbox refuses the staff email, as a full disk or a broken constraint would.
    await database.db.execute(sql`
      create function refuse_rma_email() returns trigger language plpgsql as $$
      begin raise exception 'outbox refused the email'; end $$`);
    await database.db.execute(sql`
      create trigger refuse_rma_email before insert on email_messages
      for each row when (new.kind = 'rma_requested') execute function refuse_rma_email()`);
    try {
      await expect(request([line(p.devices[0]!.imei!)])).rejects.toThrow(/insert into "email_messages"/);
    } finally {
      await database.db.execute(sql`drop trigger refuse_rma_email on email_messages`);
      await database.db.execute(sql`drop function refuse_rma_email()`);
    }
    expect(await snapshot()).toEqual(before);
    // The number is not burnt either: the next RMA takes the next number.
    const ok = await request([line(p.devices[0]!.imei!)]);
    expect(ok.ok && ok.number).toBe(before.rmaCounter! + 1);
  });

  it('numbers RMAs per seller', async () => {
    const { db } = database;
    const [row] = await db
      .select({ last: s.documentCounters.lastNumber })
      .from(s.documentCounters)
      .where(and(eq(s.documentCounters.sellerId, w.y.sellerId), eq(s.documentCounters.kind, 'rma')));
    const yNext = await nextDocumentNumber(db, { sellerId: w.y.sellerId, kind: 'rma' });
    expect(yNext).toBe(row!.last + 1);
    const ids = (await db.select({ id: s.rmas.id }).from(s.rmas).where(eq(s.rmas.sellerId, w.y.sellerId))).map((r) => r.id);
    const [yLines] = await db.select({ n: count() }).from(s.rmaLines).where(inArray(s.rmaLines.rmaId, ids));
    expect(yLines!.n).toBe(1); // seller Y's one RMA of the fixture; requests at X never touched Y
  });
});
