import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { actionIdByName, callAction, sessionCookie } from './support/client';
import { logsFromHere } from './support/cluster';
import { addBuyers, addSellableDevices, availabilityMismatches, closeClusterDb, rows, sellerScene } from './support/database';
import { recordFigure } from './support/report';

/**
 * Two production instances on one PostgreSQL, attacked at once. Every
 * acknowledged write must be stored exactly once and right; nothing a
 * database retry is for (40001, 40P01) may reach a user.
 */
const { instances } = inject('reliability');
const instance = (i: number) => instances[i % instances.length]!;
const GENERIC_FAILURE = /Something went wrong/;

type Result = { ok: boolean; error?: string; data?: Record<string, unknown> };
const asResult = (value: unknown) => value as Result;

describe('concurrency across instances', () => {
  let scene: Awaited<ReturnType<typeof sellerScene>>;

  beforeAll(async () => {
    scene = await sellerScene('acme');
  });
  afterAll(() => closeClusterDb());

  it('50 customers of different organizations check out the same products at once, 3 rounds over both instances: each acknowledged order is stored once, right', async () => {
    const buyers = await addBuyers(scene.sellerId, 50, 'Stampede');
    const products = await rows<{ id: number; list_price: number }>(sql`
      select p.id, p.list_price from products p
      where p.seller_id = ${scene.sellerId} and p.list_price is not null order by p.id limit 3`);
    expect(products).toHaveLength(3);
    // Enough stock for most orders, not for all: the last ones must be refused cleanly.
    for (const product of products) await addSellableDevices(scene.sellerId, product.id, 180);
    const addToCart = actionIdByName('addToCartAction');
    const placeOrder = actionIdByName('placeOrderAction');
    const acknowledged: { number: number; buyer: number; lines: Map<number, number>; key: string }[] = [];
    const refusals: string[] = [];
    const logged = logsFromHere(instances.map((i) => i.name));
    let calls = 0;

    for (let round = 0; round < 3; round++) {
      await Promise.all(
        buyers.map(async (buyer, b) => {
          const cookie = await sessionCookie({ area: 'customer', portalAccountId: buyer.portalAccountId, sellerId: scene.sellerId });
          const lines = new Map<number, number>();
          for (const [p, product] of products.entries()) {
            const quantity = 1 + ((b + p + round) % 2);
            const added = await callAction(instance(b + p).origin, { action: addToCart, page: '/p/acme/cart', cookie, args: ['acme', { productId: product.id, quantity }] });
            calls++;
            expect(added.status, added.body.slice(0, 300)).toBe(200);
            if (asResult(added.result).ok) lines.set(product.id, (lines.get(product.id) ?? 0) + quantity);
            else refusals.push(asResult(added.result).error ?? '');
          }
          const key = randomUUID();
          const input = { paymentMethodId: scene.paymentMethodId, poNumber: `PO-${round}-${b}`, idempotencyKey: key };
          const placed = await callAction(instance(b + round).origin, { action: placeOrder, page: '/p/acme/checkout', cookie, args: ['acme', input] });
          calls++;
          expect(placed.status, placed.body.slice(0, 300)).toBe(200);
          const result = asResult(placed.result);
          if (!result.ok) {
            refusals.push(result.error ?? '');
            return;
          }
          const number = Number(result.data!.number);
          acknowledged.push({ number, buyer: b, lines, key });
          // The same form submitted again, to the other instance: the same order, not a second one.
          const again = await callAction(instance(b + round + 1).origin, { action: placeOrder, page: '/p/acme/checkout', cookie, args: ['acme', input] });
          calls++;
          expect(asResult(again.result)).toMatchObject({ ok: true, data: { number, alreadyPlaced: true } });
        }),
      );
    }

    if (refusals.some((r) => GENERIC_FAILURE.test(r))) {
      // Name the cause: what the instances logged (each logs the error behind the generic message).
      expect.fail(`a user saw the generic error (${refusals.filter((r) => GENERIC_FAILURE.test(r)).length}×); what the instances logged during this case:\n${logged()}`);
    }
    expect(acknowledged.length).toBeGreaterThan(100);
    const stored = await rows<{ number: number; idempotency_key: string; organization_id: number; lines: { product_id: number; quantity: number; unit_price: number }[] }>(sql`
      select o.number, o.idempotency_key, o.organization_id,
        (select json_agg(json_build_object('product_id', l.product_id, 'quantity', l.quantity, 'unit_price', l.unit_price) order by l.product_id)
         from sales_order_lines l where l.order_id = o.id) as lines
      from sales_orders o where o.seller_id = ${scene.sellerId} and o.idempotency_key is not null and o.po_number like 'PO-%'`);
    // Exactly the acknowledged orders, once each, with the cart's lines at the list price.
    expect(stored.map((o) => o.number).sort((a, b) => a - b)).toEqual(acknowledged.map((o) => o.number).sort((a, b) => a - b));
    const byNumber = new Map(stored.map((o) => [o.number, o]));
    const prices = new Map(products.map((p) => [p.id, Number(p.list_price)]));
    for (const order of acknowledged) {
      const row = byNumber.get(order.number)!;
      expect(row.idempotency_key).toBe(order.key);
      expect(row.organization_id).toBe(buyers[order.buyer]!.organizationId);
      expect(row.lines.map((l) => [l.product_id, l.quantity, Number(l.unit_price)])).toEqual(
        [...order.lines.entries()].sort((a, b) => a[0] - b[0]).map(([id, q]) => [id, q, prices.get(id)]),
      );
    }
    const duplicates = await rows(sql`
      select number from sales_orders where seller_id = ${scene.sellerId} group by number having count(*) > 1
      union all
      select number from invoices where seller_id = ${scene.sellerId} group by number having count(*) > 1`);
    expect(duplicates).toEqual([]);
    expect(await availabilityMismatches(scene.sellerId)).toEqual([]);
    recordFigure('checkout stampede', { customers: 50, rounds: 3, requests: calls, ordersAcknowledged: acknowledged.length, ordersStored: stored.length, refusals: refusals.length });
  });

  it('two staff commit the same device to two orders on two instances: exactly one wins, the other is told why', async () => {
    const [buyer] = await addBuyers(scene.sellerId, 1, 'Race');
    const cookie = await sessionCookie({ area: 'customer', portalAccountId: buyer!.portalAccountId, sellerId: scene.sellerId });
    const [product] = await rows<{ id: number }>(sql`
      select id from products p where seller_id = ${scene.sellerId} and list_price is not null
        -- one unit at a time, above the seller's minimum order value (the demo's quantity rules)
        and min_order_quantity = 1 and order_increment = 1
        and list_price >= 2 * coalesce((select ps.min_order_value from portal_settings ps where ps.seller_id = p.seller_id), 0)
      order by id desc limit 1`);
    const rounds = 8;
    const imeis = await addSellableDevices(scene.sellerId, product!.id, rounds * 3);
    // Two orders of one unit each per round, placed through the portal.
    const orderNumbers: number[] = [];
    for (let i = 0; i < rounds * 2; i++) {
      await callAction(instance(i).origin, { action: actionIdByName('addToCartAction'), page: '/p/acme/cart', cookie, args: ['acme', { productId: product!.id, quantity: 1 }] });
      const placed = await callAction(instance(i).origin, {
        action: actionIdByName('placeOrderAction'),
        page: '/p/acme/checkout',
        cookie,
        args: ['acme', { paymentMethodId: scene.paymentMethodId, idempotencyKey: randomUUID() }],
      });
      orderNumbers.push(Number(asResult(placed.result).data!.number));
    }
    const staff = await rows<{ id: number }>(sql`
      select id from staff_users where seller_id = ${scene.sellerId} and status = 'active' order by id limit 2`);
    const cookies = await Promise.all(staff.map((u) => sessionCookie({ area: 'staff', staffUserId: u.id })));
    const [confirmed] = await rows<{ id: number }>(sql`
      select id from order_statuses where seller_id = ${scene.sellerId} and allows_committing order by position limit 1`);
    for (const number of orderNumbers) {
      const changed = await callAction(instance(number).origin, {
        action: actionIdByName('changeOrderStatusAction'),
        page: `/admin/orders/${number}`,
        cookie: cookies[0]!,
        args: [{ orderNumber: number, statusId: confirmed!.id }],
      });
      expect(asResult(changed.result), changed.body.slice(0, 300)).toMatchObject({ ok: true });
    }
    const commit = actionIdByName('commitDevicesAction');
    let wins = 0;
    for (let round = 0; round < rounds; round++) {
      const imei = imeis[round]!;
      const answers = await Promise.all(
        [0, 1].map((i) =>
          callAction(instance(i).origin, {
            action: commit,
            page: `/admin/orders/${orderNumbers[round * 2 + i]}`,
            cookie: cookies[i]!,
            args: [{ orderNumber: orderNumbers[round * 2 + i], imeis: imei }],
          }),
        ),
      );
      const results = answers.map((a) => asResult(a.result));
      expect(results.filter((r) => r.ok), JSON.stringify(results)).toHaveLength(1);
      const loser = results.find((r) => !r.ok)!;
      expect(loser.error).not.toMatch(GENERIC_FAILURE);
      expect(JSON.stringify(loser)).toMatch(/already committed to order/);
      wins++;
      const committedTo = await rows<{ n: number }>(sql`select count(*)::int as n from devices where imei = ${imei} and order_line_id is not null`);
      expect(committedTo).toEqual([{ n: 1 }]);
    }
    expect(await availabilityMismatches(scene.sellerId)).toEqual([]);
    recordFigure('commit race', { rounds, winners: wins, losersToldWhy: rounds });
  });

  it('concurrent bulk moves of overlapping devices on two instances neither deadlock for a user nor leave a wrong count', async () => {
    const products = await rows<{ id: number }>(sql`select id from products where seller_id = ${scene.sellerId} order by id limit 30`);
    for (const product of products) await addSellableDevices(scene.sellerId, product.id, 10);
    const devices = await rows<{ id: number }>(sql`
      select d.id from devices d where d.seller_id = ${scene.sellerId} and d.product_id = any(string_to_array(${products.map((p) => p.id).join(',')}, ',')::int[])
        and d.order_line_id is null order by d.id`);
    const statuses = await rows<{ id: number; for_sale: boolean }>(sql`
      select s.id, exists (select 1 from portal_for_sale_statuses f where f.status_id = s.id) as for_sale
      from inventory_statuses s where s.seller_id = ${scene.sellerId} order by s.id`);
    const forSale = statuses.find((x) => x.for_sale)!.id;
    const notForSale = statuses.find((x) => !x.for_sale)!.id;
    const owner = await sessionCookie({ area: 'staff', staffUserId: scene.ownerId });
    const move = actionIdByName('moveDevicesAction');
    let moved = 0;
    await Promise.all(
      [0, 1, 2, 3].map(async (worker) => {
        for (let round = 0; round < 6; round++) {
          const deviceIds = devices.filter((_, i) => (i + worker + round) % 3 !== 0).map((d) => d.id);
          const answer = await callAction(instance(worker).origin, {
            action: move,
            page: '/admin/inventory',
            cookie: owner,
            args: [{ selection: 'selected', deviceIds, statusId: (worker + round) % 2 ? forSale : notForSale }],
          });
          const result = asResult(answer.result);
          expect(result, answer.body.slice(0, 300)).toMatchObject({ ok: true });
          moved += deviceIds.length;
        }
      }),
    );
    expect(await availabilityMismatches(scene.sellerId)).toEqual([]);
    recordFigure('bulk moves', { workers: 4, moves: 24, devicesMoved: moved });
  });

  it('the outbox, dispatched by both instances, sends each message exactly once', async () => {
    const { mailUrl } = inject('reliability');
    const deadline = Date.now() + 60_000;
    let pending: { n: number }[] = [];
    do {
      pending = await rows<{ n: number }>(sql`select count(*)::int as n from email_messages where status = 'queued'`);
      if (pending[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } while (Date.now() < deadline);
    expect(pending).toEqual([{ n: 0 }]);
    const sent = await rows<{ id: number }>(sql`select id from email_messages where status = 'sent'`);
    const { accepted, replays } = (await (await fetch(`${mailUrl}/__accepted`)).json()) as { accepted: { idempotencyKey?: string }[]; replays: number };
    const keys = accepted.map((a) => a.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(accepted.length).toBe(sent.length);
    expect(sent.length).toBeGreaterThan(0);
    recordFigure('outbox exactly once', { messagesSent: sent.length, providerAccepted: accepted.length, sentAgainWithTheSameKey: replays });
  });
});
