import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { orderAgain } from '@/db/queries/portal/orders/order-again';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addPortalAccount, addProduct, availableQuantity, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder } from '../support/history-fixtures';

describe('"Order again" puts an order back in the cart, capped by what is available now', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  async function cartOf(accountId: number) {
    const rows = await database.db
      .select({ productId: s.cartLines.productId, quantity: s.cartLines.quantity })
      .from(s.cartLines)
      .where(eq(s.cartLines.portalAccountId, accountId));
    return new Map(rows.map((r) => [r.productId, r.quantity]));
  }

  it('adds each line up to availability, counts the cart, and reports short and unavailable lines', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const account = await addPortalAccount(db, seller, org.id);
    const plenty = await addProduct(db, seller, { model: 'Plenty' });
    const short = await addProduct(db, seller, { model: 'Short' });
    const gone = await addProduct(db, seller, { model: 'Gone' });
    const inCart = await addProduct(db, seller, { model: 'In cart' });
    await addDevices(db, seller, plenty.id, 5);
    await addDevices(db, seller, short.id, 2);
    await addDevices(db, seller, gone.id, 3, { status: 'In Repair' }); // not a For Sale status
    await addDevices(db, seller, inCart.id, 4, { warehouse: 'OVF' });
    expect([await availableQuantity(db, plenty.id), await availableQuantity(db, gone.id)]).toEqual([5, 0]);
    await db.insert(s.cartLines).values({ sellerId: seller.sellerId, portalAccountId: account.id, productId: inCart.id, quantity: 3 });
    const { order } = await addOrder(db, seller, {
      organizationId: org.id,
      lines: [
        { productId: plenty.id, quantity: 3 },
        { productId: short.id, quantity: 4 },
        { productId: gone.id, quantity: 2 },
        { productId: inCart.id, quantity: 3 },
      ],
    });

    const lines = await orderAgain(db, { sellerId: seller.sellerId, organizationId: org.id, portalAccountId: account.id, orderNumber: order.number });
    expect(lines!.map((l) => [l.productId, l.ordered, l.inCartBefore, l.available, l.added, l.outcome])).toEqual([
      [plenty.id, 3, 0, 5, 3, 'added'],
      [short.id, 4, 0, 2, 2, 'short'],
      [gone.id, 2, 0, 0, 0, 'unavailable'],
      [inCart.id, 3, 3, 4, 1, 'short'],
    ]);
    expect(lines![0]!.description).toContain('Plenty');
    expect(await cartOf(account.id)).toEqual(new Map([[plenty.id, 3], [short.id, 2], [inCart.id, 4]]));

    // Again: what the cart already holds counts, so only what is left is added.
    const again = await orderAgain(db, { sellerId: seller.sellerId, organizationId: org.id, portalAccountId: account.id, orderNumber: order.number });
    expect(again!.map((l) => [l.added, l.outcome])).toEqual([[2, 'short'], [0, 'short'], [0, 'unavailable'], [0, 'short']]);
    expect(await cartOf(account.id)).toEqual(new Map([[plenty.id, 5], [short.id, 2], [inCart.id, 4]]));
    // Carts reserve nothing: availability is unchanged.
    expect(await availableQuantity(db, plenty.id)).toBe(5);
  });

  it('merges repeated lines of one product and skips products hidden for having no price', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const account = await addPortalAccount(db, seller, org.id);
    const twice = await addProduct(db, seller, { model: 'Twice' });
    const unpriced = await addProduct(db, seller, { model: 'No price', listPrice: null });
    await addDevices(db, seller, twice.id, 10);
    await addDevices(db, seller, unpriced.id, 10);
    const { order } = await addOrder(db, seller, {
      organizationId: org.id,
      lines: [
        { productId: twice.id, quantity: 2 },
        { productId: unpriced.id, quantity: 1, unitPrice: null },
        { productId: twice.id, quantity: 3 },
      ],
    });
    await db.update(s.portalSettings).set({ hideUnpriced: true }).where(eq(s.portalSettings.sellerId, seller.sellerId));
    try {
      const lines = await orderAgain(db, { sellerId: seller.sellerId, organizationId: org.id, portalAccountId: account.id, orderNumber: order.number });
      expect(lines!.map((l) => [l.productId, l.ordered, l.added, l.outcome])).toEqual([
        [twice.id, 5, 5, 'added'],
        [unpriced.id, 1, 0, 'unavailable'],
      ]);
    } finally {
      await db.update(s.portalSettings).set({ hideUnpriced: false }).where(eq(s.portalSettings.sellerId, seller.sellerId));
    }
    const [line] = await db
      .select()
      .from(s.cartLines)
      .where(and(eq(s.cartLines.portalAccountId, account.id), eq(s.cartLines.productId, unpriced.id)));
    expect(line).toBeUndefined();
  });
});
