import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { sql } from 'drizzle-orm';
import { addToCart, setCartQuantity } from '@/db/queries/cart';
import { placeOrder } from '@/db/queries/checkout';
import { commitDevicesToOrder } from '@/db/queries/orders/commit-devices';
import { queryRows } from '@/db/rows';
import { csvLines } from '@/lib/csv';
import { renderEmail } from '@/lib/email/render';
import { addToCartSchema, setCartQuantitySchema } from '@/lib/validation/cart';
import { checkoutSchema } from '@/lib/validation/checkout';
import { withoutControlCharacters } from '@/lib/validation/clean-input';
import { commitDevicesSchema } from '@/lib/validation/orders';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { hostileText, refusedOrAccepted } from '../support/hostile';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addBuyer, checkoutKey, setOfferedPaymentMethods } from '../support/portal-fixtures';
import { addOrder, addStaffActor } from '../support/orders-fixtures';

/**
 * Hostile input, generated: what a buyer or a script may send to the cart,
 * checkout and commit-devices paths, through the same zod schema the action
 * uses and then the query. Every input must end in one of three ways — the
 * schema refuses it, the query refuses it with a Refusal, or it is accepted —
 * never in another error (which a user would see as "Something went wrong"),
 * and the data must stay whole after each: no cart line above what is
 * available, no order without lines or with a wrong total, no device
 * committed twice. Each property runs a few hundred inputs per database.
 */
const RUNS = 250;

/** What a quantity field receives from a tampered form. */
const hostileQuantity = fc.oneof(
  fc.integer({ min: -3, max: 8 }),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom('1e9', '0x10', '', ' ', 'NaN', 'Infinity', '-0', '1.5', '٣', '2147483648', '9'.repeat(400)),
  fc.string({ maxLength: 12 }),
);

describe('hostile input', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let rival: SellerFixture;
  let productIds: number[];
  let rivalProductId: number;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    const { db } = database;
    seller = await buildSeller(db);
    rival = await buildSeller(db, { slug: 'rival' });
    productIds = [];
    for (let i = 0; i < 3; i++) {
      const product = await addProduct(db, seller);
      // The first product is what every checkout run buys one of: enough for all of them.
      await addDevices(db, seller, product.id, i === 0 ? RUNS + 10 : 5);
      productIds.push(product.id);
    }
    const rivalProduct = await addProduct(db, rival);
    await addDevices(db, rival, rivalProduct.id, 5);
    rivalProductId = rivalProduct.id;
    await setOfferedPaymentMethods(db, seller, ['Net 30']);
  });
  afterAll(() => database.close());

  async function cartAboveAvailable(): Promise<unknown[]> {
    return queryRows(database.db, sql`
      select c.product_id, c.quantity, coalesce(a.quantity, 0) as available from cart_lines c
      left join product_availability a on a.product_id = c.product_id
      where c.quantity < 1 or c.quantity > coalesce(a.quantity, 0) or c.seller_id <> (select seller_id from products p where p.id = c.product_id)`);
  }

  it('cart: tampered quantities and product ids are refused or capped, never an error, never a line above what is available', async () => {
    const { db } = database;
    const buyer = await addBuyer(db, seller);
    const tally = { schema: 0, refused: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...productIds, rivalProductId), fc.integer({ min: -5, max: 2_147_483_647 }), fc.string({ maxLength: 8 })),
        hostileQuantity,
        fc.boolean(),
        async (productId, quantity, set) => {
          const schema = set ? setCartQuantitySchema : addToCartSchema;
          const parsed = schema.safeParse(withoutControlCharacters({ productId, quantity }));
          if (!parsed.success) {
            tally.schema++;
            return;
          }
          const params = { ...buyer.scope, ...parsed.data };
          tally[await refusedOrAccepted(() => db.transaction((tx) => (set ? setCartQuantity(tx, params) : addToCart(tx, params))))]++;
          expect(await cartAboveAvailable()).toEqual([]);
        },
      ),
      // Besides the generated inputs, one of each ending always runs (accepted, refused by the query, refused by the
      // schema), so the tallies below never depend on what a random seed happened to draw.
      { numRuns: RUNS, examples: [[productIds[0]!, 1, false], [rivalProductId, 1, false], ['x', 1, false]] },
    );
    expect(tally.schema).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
  });

  it('checkout: hostile payment methods, PO numbers, notes and keys never break an order', async () => {
    const { db } = database;
    const tally = { schema: 0, refused: 0, accepted: 0 };
    const paymentMethodId = seller.paymentMethod('Net 30').id;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(paymentMethodId), fc.constant(rival.paymentMethod('Net 30').id), hostileQuantity),
        hostileText,
        hostileText,
        fc.oneof(fc.constant(null), hostileText),
        async (payment, poNumber, notes, key) => {
          const buyer = await addBuyer(db, seller);
          await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: productIds[0]!, quantity: 1 }));
          // As the action wrapper does: control characters out, then the schema.
          const parsed = checkoutSchema.safeParse(withoutControlCharacters({ paymentMethodId: payment, poNumber, notes, idempotencyKey: key ?? checkoutKey() }));
          if (!parsed.success) {
            tally.schema++;
            return;
          }
          tally[await refusedOrAccepted(() => placeOrder(db, { ...buyer.scope, ...parsed.data }))]++;
        },
      ),
      // One accepted and one schema-refused input always run, whatever the seed draws.
      { numRuns: RUNS, examples: [[paymentMethodId, 'PO-1', 'Leave at the door', null], ['x', 'PO-2', '', null]] },
    );
    // No order without lines, none whose total is not the sum of its lines, none at another seller's payment method.
    const broken = await queryRows(db, sql`
      select o.id from sales_orders o
      left join sales_order_lines l on l.order_id = o.id
      left join payment_methods m on m.id = o.payment_method_id
      where o.seller_id = ${seller.sellerId} and o.placed_by_account_id is not null
      group by o.id, m.seller_id
      having count(l.id) = 0 or (m.seller_id is not null and m.seller_id <> ${seller.sellerId})`);
    expect(broken).toEqual([]);
    expect(tally.schema).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
  });

  it('commit devices: pastes of garbage, non-Luhn, foreign and repeated IMEIs commit all or nothing, never twice', async () => {
    const { db } = database;
    const actor = await addStaffActor(db, seller);
    const buyer = await addBuyer(db, seller);
    const { order } = await addOrder(db, seller, buyer.organization.id, [{ productId: productIds[1]!, quantity: 2 }]);
    const own = await queryRows<{ imei: string }>(db, sql`select imei from devices where product_id = ${productIds[1]!} and imei is not null`);
    const foreign = await queryRows<{ imei: string }>(db, sql`select imei from devices where product_id = ${rivalProductId} and imei is not null`);
    const imeiLike = fc.oneof(
      fc.constantFrom(...own.map((d) => d.imei), ...foreign.map((d) => d.imei)),
      fc.stringMatching(/^[0-9]{13,17}$/),
      hostileText,
    );
    const tally = { schema: 0, refused: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(imeiLike, { maxLength: 6 }), fc.constantFrom('\n', ',', ' ', '\t', '\r\n'), async (entries, separator) => {
        const parsed = commitDevicesSchema.safeParse(withoutControlCharacters({ orderNumber: order.number, imeis: entries.join(separator) }));
        if (!parsed.success) {
          tally.schema++;
          return;
        }
        const before = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from devices where order_line_id is not null`);
        const result = await refusedOrAccepted(() => commitDevicesToOrder(db, { sellerId: seller.sellerId, orderNumber: order.number, text: parsed.data.imeis, actor }));
        tally[result]++;
        const after = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from devices where order_line_id is not null`);
        if (result === 'refused') expect(after).toEqual(before);
        const overCommitted = await queryRows(db, sql`
          select l.id from sales_order_lines l where l.order_id = ${order.id}
            and (select count(*) from devices d where d.order_line_id = l.id) > l.quantity`);
        expect(overCommitted).toEqual([]);
        // Put the line back, so later inputs can commit again.
        await db.execute(sql`update devices set order_line_id = null, committed_at = null where order_line_id in (select id from sales_order_lines where order_id = ${order.id})`);
      }),
      // An own IMEI (accepted) and another seller's (refused) always run, whatever the seed draws.
      { numRuns: RUNS, examples: [[[own[0]!.imei], '\n'], [[foreign[0]!.imei], '\n']] },
    );
    const rivalsCommitted = await queryRows(db, sql`select id from devices where product_id = ${rivalProductId} and order_line_id is not null`);
    expect(rivalsCommitted).toEqual([]);
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
  });

  it('text shown in emails is escaped and text in CSV exports cannot run as a formula', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (name, note) => {
        const { html } = renderEmail({ brand: { name, color: note }, heading: name, paragraphs: [note], table: { caption: name, headers: [note], rows: [[name, note]] } });
        // Markup from a user arrives as text: no tag of theirs survives (an escaped "onerror=" is only text).
        expect(html).not.toMatch(/<script|<img/i);
        const [row] = Papa.parse<string[]>(csvLines([[name, note]]).replace(/\r\n$/, ''), { delimiter: ',' }).data;
        for (const cell of row ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 1000 },
    );
  });
});
