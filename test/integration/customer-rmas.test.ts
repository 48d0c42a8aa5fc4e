import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findCustomerRma, listCustomerRmas } from '@/db/queries/portal/rmas/find-rma';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, buildSeller } from '../support/fixtures';
import { addPurchase, addRma, daysAgo } from '../support/history-fixtures';

describe("an organization's RMAs", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('lists RMAs newest first with device count and refund total, and shows each device with reason, disposition and refund', async () => {
    const { db } = database;
    const seller = await buildSeller(db);
    const org = await addOrganization(db, seller);
    const scope = { sellerId: seller.sellerId, organizationId: org.id };
    const p = await addPurchase(db, seller, org.id, { count: 3, createdAt: daysAgo(3), product: { model: 'Pixel 9' } });
    const older = await addRma(db, seller, {
      organizationId: org.id,
      status: 'resolved',
      lines: [{ deviceId: p.devices[0]!.id, disposition: 'keep_partial_refund', refundAmount: 2500, reason: 'Dent' }],
    });
    const newer = await addRma(db, seller, {
      organizationId: org.id,
      status: 'requested',
      lines: [
        { deviceId: p.devices[1]!.id, disposition: 'keep_partial_refund', refundAmount: 1250, reason: 'Scratches' },
        { deviceId: p.devices[2]!.id, disposition: 'return', reason: 'No sound' },
      ],
    });

    const { rows, total } = await listCustomerRmas(db, { ...scope, page: 1, pageSize: 25 });
    expect(total).toBe(2);
    expect(rows.map((r) => [r.number, r.status, r.devices, r.refundTotal])).toEqual([
      [newer.number, 'requested', 2, 1250],
      [older.number, 'resolved', 1, 2500],
    ]);

    const detail = await findCustomerRma(db, { ...scope, number: newer.number });
    expect(detail!.refundTotal).toBe(1250);
    expect(detail!.lines.map((l) => [l.imei, l.reason, l.disposition, l.refundAmount])).toEqual([
      [p.devices[1]!.imei, 'Scratches', 'keep_partial_refund', 1250],
      [p.devices[2]!.imei, 'No sound', 'return', 0],
    ]);
    expect(detail!.lines[0]!.description).toContain('Pixel 9');
  });
});
