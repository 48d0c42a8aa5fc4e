import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { actionIdByName, callAction, sessionCookie } from './support/client';
import { startInstance, type Instance } from './support/cluster';
import { addBuyers, addSellableDevices, closeClusterDb, rows, sellerScene } from './support/database';
import { recordFigure } from './support/report';

/**
 * Graceful shutdown of one instance (lib/lifecycle/shutdown.ts), as `npm start`
 * runs it: SIGTERM in the middle of a checkout. Readiness answers 503 at once
 * while the instance still serves; the checkout in flight completes and is
 * stored once; then the instance stops taking connections and exits within
 * its bound.
 */
const context = inject('reliability');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Result = { ok: boolean; error?: string; data?: Record<string, unknown> };
const DRAIN_MS = 1500;
const TIMEOUT_MS = 8000;

describe('graceful shutdown', () => {
  let scene: Awaited<ReturnType<typeof sellerScene>>;
  let productId: number;
  let instance: Instance;

  beforeAll(async () => {
    scene = await sellerScene('acme');
    const [product] = await rows<{ id: number }>(sql`
      select id from products where seller_id = ${scene.sellerId} and list_price is not null order by id limit 1 offset 7`);
    productId = product!.id;
    await addSellableDevices(scene.sellerId, productId, 20);
    instance = await startInstance({
      name: 'shutdown',
      databaseUrl: context.databaseUrl,
      appUrl: context.instances[0]!.origin,
      mailUrl: context.mailUrl,
      env: { SHUTDOWN_DRAIN_MS: String(DRAIN_MS), SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
  });
  afterAll(async () => {
    await instance?.stop();
    await closeClusterDb();
  });

  it('SIGTERM during a checkout: readiness turns 503, the checkout completes once, the process exits within its bound', async () => {
    const ready = await fetch(`${instance.origin}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const [b] = await addBuyers(scene.sellerId, 1, 'Shutdown');
    const cookie = await sessionCookie({ area: 'customer', portalAccountId: b!.portalAccountId, sellerId: scene.sellerId });
    const added = await callAction(instance.origin, { action: actionIdByName('addToCartAction'), page: '/p/acme/cart', cookie, args: ['acme', { productId, quantity: 1 }] });
    expect((added.result as Result).ok, added.body.slice(0, 300)).toBe(true);

    // Hold the order-number counter so the checkout waits inside its transaction while the signal arrives.
    const key = randomUUID();
    const holder = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holding = holder.begin(async (tx) => {
      await tx`select 1 from document_counters where seller_id = ${scene.sellerId} and kind = 'sales_order' for update`;
      await released;
    });
    await sleep(200);
    const pending = callAction(instance.origin, {
      action: actionIdByName('placeOrderAction'),
      page: '/p/acme/checkout',
      cookie,
      args: ['acme', { paymentMethodId: scene.paymentMethodId, idempotencyKey: key, poNumber: 'SIGTERM' }],
    });
    for (let i = 0; i < 100; i++) {
      const waiting = await rows<{ n: number }>(sql`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query ilike '%tp_next_document_number%'`);
      if (waiting[0]!.n > 0) break;
      await sleep(100);
    }

    const signalled = Date.now();
    instance.signal('SIGTERM');
    await sleep(300);
    // Draining: not ready, but still answering.
    const draining = await fetch(`${instance.origin}/api/ready`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ status: 'not ready', reason: 'shutting down' });
    expect(draining.headers.get('connection')).toBe('close');
    expect((await fetch(`${instance.origin}/api/health`)).status).toBe(200);

    // The checkout is still in flight past the drain; it completes when the counter frees.
    await sleep(DRAIN_MS + 500);
    release();
    await holding;
    await holder.end();
    const answer = await pending;
    expect(answer.result as Result, answer.body.slice(0, 300)).toMatchObject({ ok: true, data: { alreadyPlaced: false } });

    const code = await Promise.race([instance.exited, sleep(TIMEOUT_MS + 5000).then(() => 'still running' as const)]);
    const stoppedAfterMs = Date.now() - signalled;
    expect(code).toBe(0);
    expect(stoppedAfterMs).toBeLessThan(DRAIN_MS + TIMEOUT_MS + 5000);
    expect(instance.output()).toContain('shutdown: no request in flight');
    expect(instance.output()).toContain('shutdown: stopped');
    // New connections are refused once it stopped.
    await expect(fetch(`${instance.origin}/api/health`)).rejects.toThrow();

    const [stored] = await rows<{ orders: number; lines: number }>(sql`
      select count(distinct o.id)::int as orders, count(l.id)::int as lines
      from sales_orders o join sales_order_lines l on l.order_id = o.id where o.idempotency_key = ${key}`);
    expect(stored).toEqual({ orders: 1, lines: 1 });
    recordFigure('SIGTERM during a checkout', { drainMs: DRAIN_MS, stoppedAfterMs, ordersStored: stored!.orders });
  });
});
