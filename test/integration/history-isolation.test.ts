import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { listCustomerOrders } from '@/db/queries/portal/orders/list-orders';
import { customerOrderDevices, customerOrderExists, findCustomerOrder } from '@/db/queries/portal/orders/find-order';
import { findCustomerInvoice } from '@/db/queries/invoices/find-invoice-document';
import {
  listPurchasedDevices,
  purchasedDeviceFilterOptions,
  purchasedDevicesForExport,
} from '@/db/queries/portal/devices/list-purchased-devices';
import { findCustomerRma, listCustomerRmas } from '@/db/queries/portal/rmas/find-rma';
import { checkReturnDevices, createReturnRequest } from '@/db/queries/portal/rmas/request-rma';
import { orderAgain } from '@/db/queries/portal/orders/order-again';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addProduct } from '../support/fixtures';
import { addOrder, buildTwoSellers } from '../support/history-fixtures';
import { refusedAsProblems } from '../support/portal-fixtures';

type World = Awaited<ReturnType<typeof buildTwoSellers>>;

/**
 * Organization A (seller X) must never see organization B (same seller) or
 * organization C (seller Y): every list, every detail, download source and
 * action answers another's number as if it did not exist.
 */
describe('customer history isolation', () => {
  let database: TestDatabase;
  let w: World;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    w = await buildTwoSellers(database.db);
  });
  afterAll(() => database.close());

  const all = async <T>(gen: AsyncGenerator<T[]>) => {
    const out: T[] = [];
    for await (const batch of gen) out.push(...batch);
    return out;
  };

  it('lists show each organization only its own orders, devices and RMAs', async () => {
    const { db } = database;
    const cases = [
      { scope: w.scopeA, purchase: w.purchaseA, rma: w.rmaA },
      { scope: w.scopeB, purchase: w.purchaseB, rma: w.rmaB },
      { scope: w.scopeC, purchase: w.purchaseC, rma: w.rmaC },
    ];
    for (const { scope, purchase, rma } of cases) {
      const orders = await listCustomerOrders(db, { ...scope, page: 1, pageSize: 25 });
      expect(orders.rows.map((o) => o.number)).toEqual([purchase.order.number]);
      expect(orders.total).toBe(1);

      const devices = await listPurchasedDevices(db, { ...scope, page: 1, pageSize: 50 });
      expect(devices.rows.map((d) => d.imei).sort()).toEqual(purchase.devices.map((d) => d.imei).sort());
      expect(devices.total).toBe(2);
      const exported = await all(purchasedDevicesForExport(db, scope));
      expect(exported.map((d) => d.imei).sort()).toEqual(purchase.devices.map((d) => d.imei).sort());

      const options = await purchasedDeviceFilterOptions(db, scope);
      expect(options.model).toEqual([purchase.product.model]);

      const rmas = await listCustomerRmas(db, { ...scope, page: 1, pageSize: 25 });
      expect(rmas.rows.map((r) => r.number)).toEqual([rma.number]);
    }
  });

  const foreign = () => [
    { who: 'organization B of the same seller', purchase: w.purchaseB, rma: w.rmaB },
    { who: 'organization C of another seller', purchase: w.purchaseC, rma: w.rmaC },
  ];

  it("an order, its IMEIs, its IMEI CSV rows and its invoice of another organization or seller are not found", async () => {
    const { db } = database;
    // A's own are found, so the lookups below could have found something.
    expect((await findCustomerOrder(db, { ...w.scopeA, number: w.purchaseA.order.number }))?.id).toBe(w.purchaseA.order.id);
    expect(await customerOrderDevices(db, { ...w.scopeA, number: w.purchaseA.order.number })).toHaveLength(2);
    expect(
      (await findCustomerInvoice(db, { ...w.scopeA, orderNumber: w.purchaseA.order.number, invoiceNumber: w.purchaseA.invoice.number }))
        ?.invoiceNumber,
    ).toBe(w.purchaseA.invoice.number);

    for (const { who, purchase } of foreign()) {
      const number = purchase.order.number;
      expect(await findCustomerOrder(db, { ...w.scopeA, number }), who).toBeNull();
      expect(await customerOrderExists(db, { ...w.scopeA, number }), who).toBe(false);
      expect(await customerOrderDevices(db, { ...w.scopeA, number }), who).toEqual([]);
      expect(
        await findCustomerInvoice(db, { ...w.scopeA, orderNumber: number, invoiceNumber: purchase.invoice.number }),
        who,
      ).toBeNull();
      // Another's invoice number under A's own order number.
      expect(
        await findCustomerInvoice(db, { ...w.scopeA, orderNumber: w.purchaseA.order.number, invoiceNumber: purchase.invoice.number }),
        who,
      ).toBeNull();
    }
  });

  it('when order numbers of two sellers collide, each customer sees only the order of their own seller', async () => {
    const { db } = database;
    const product = await addProduct(db, w.y);
    const { order: clash } = await addOrder(db, w.y, {
      organizationId: w.orgC.id,
      number: w.purchaseA.order.number,
      lines: [{ productId: product.id, quantity: 1 }],
    });
    const fromA = await findCustomerOrder(db, { ...w.scopeA, number: clash.number });
    expect(fromA?.id).toBe(w.purchaseA.order.id);
    const fromC = await findCustomerOrder(db, { ...w.scopeC, number: clash.number });
    expect(fromC?.id).toBe(clash.id);
    expect(fromC?.lines.map((l) => l.productId)).toEqual([product.id]);
  });

  it("an RMA of another organization or seller is not found", async () => {
    const { db } = database;
    expect((await findCustomerRma(db, { ...w.scopeA, number: w.rmaA.number }))?.id).toBe(w.rmaA.id);
    for (const { who, rma } of foreign()) {
      expect(await findCustomerRma(db, { ...w.scopeA, number: rma.number }), who).toBeNull();
    }
  });

  it('searching purchased devices for another organization\'s IMEI finds nothing', async () => {
    const { db } = database;
    for (const { who, purchase } of foreign()) {
      const result = await listPurchasedDevices(db, { ...w.scopeA, search: purchase.devices[1]!.imei!, page: 1, pageSize: 50 });
      expect(result.total, who).toBe(0);
      expect(result.rows, who).toEqual([]);
    }
  });

  it("\"Order again\" on another organization's order is not found and changes no cart", async () => {
    const { db } = database;
    expect(
      await orderAgain(db, { ...w.scopeA, portalAccountId: w.accountA.id, orderNumber: w.purchaseB.order.number }),
    ).toBeNull();
    // A session of organization A cannot use an account of organization B either.
    expect(
      await orderAgain(db, { ...w.scopeA, portalAccountId: w.accountB.id, orderNumber: w.purchaseA.order.number }),
    ).toBeNull();
    const [carts] = await db.select({ n: count() }).from(s.cartLines);
    expect(carts!.n).toBe(0);
  });

  it('a return request for devices of another organization or seller is refused as "not sold" and writes nothing', async () => {
    const { db } = database;
    const before = await db.select({ n: count() }).from(s.rmas);
    for (const { who, purchase } of foreign()) {
      const imei = purchase.devices[1]!.imei!;
      const [check] = await checkReturnDevices(db, { ...w.scopeA, imeis: [imei] });
      expect(check, who).toEqual({ imei, device: null, problem: 'was not sold to your organization' });
      const result = await refusedAsProblems(
        createReturnRequest(db, {
          ...w.scopeA,
          portalAccountId: w.accountA.id,
          lines: [{ imei, reason: 'Cracked', disposition: 'return', requestedRefund: null }],
        }),
      );
      expect(result, who).toEqual({ ok: false, problems: [{ line: 1, value: imei, reason: 'was not sold to your organization' }] });
    }
    const after = await db.select({ n: count() }).from(s.rmas);
    expect(after).toEqual(before);
    const emails = await db.select({ n: count() }).from(s.emailMessages).where(eq(s.emailMessages.kind, 'rma_requested'));
    expect(emails[0]!.n).toBe(0);
  });
});
