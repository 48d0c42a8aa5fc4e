import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { actionIdByName, callAction, sessionCookie } from './support/client';
import { startInstance } from './support/cluster';
import { addBuyers, addSellableDevices, closeClusterDb, rows, sellerScene } from './support/database';
import { mailProvider } from './support/mail-provider';
import { restartPostgresServer } from './support/postgres-server';
import { recordFigure } from './support/report';

/**
 * The real world's faults, injected into the running cluster: a connection
 * killed inside a checkout's transaction, PostgreSQL restarting under load,
 * an email provider that fails and hangs, a second process at the embedded
 * database. Nothing acknowledged may be lost, nothing may be half-written.
 */
const context = inject('reliability');
const { instances } = context;
const instance = (i: number) => instances[i % instances.length]!;
type Result = { ok: boolean; error?: string; data?: Record<string, unknown> };
const asResult = (value: unknown) => (value ?? { ok: false, error: 'no answer' }) as Result;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe('faults', () => {
  let scene: Awaited<ReturnType<typeof sellerScene>>;
  let productId: number;

  beforeAll(async () => {
    scene = await sellerScene('acme');
    const [product] = await rows<{ id: number }>(sql`
      select id from products where seller_id = ${scene.sellerId} and list_price is not null order by id limit 1 offset 5`);
    productId = product!.id;
    await addSellableDevices(scene.sellerId, productId, 400);
  });
  afterAll(() => closeClusterDb());

  async function buyer(label: string) {
    const [b] = await addBuyers(scene.sellerId, 1, label);
    const cookie = await sessionCookie({ area: 'customer', portalAccountId: b!.portalAccountId, sellerId: scene.sellerId });
    return { ...b!, cookie };
  }

  async function fillCart(origin: string, cookie: string, quantity = 1) {
    const added = await callAction(origin, { action: actionIdByName('addToCartAction'), page: '/p/acme/cart', cookie, args: ['acme', { productId, quantity }] });
    expect(asResult(added.result), added.body.slice(0, 300)).toMatchObject({ ok: true });
  }

  function checkout(origin: string, cookie: string, key: string) {
    return callAction(origin, {
      action: actionIdByName('placeOrderAction'),
      page: '/p/acme/checkout',
      cookie,
      args: ['acme', { paymentMethodId: scene.paymentMethodId, idempotencyKey: key, poNumber: `FAULT-${key.slice(0, 8)}` }],
    });
  }

  it("a connection killed inside a checkout's transaction leaves no partial order, and the retry places it once", async () => {
    const customer = await buyer('Killed');
    await fillCart(instance(0).origin, customer.cookie, 2);
    const key = randomUUID();
    // Hold the order-number counter, so the checkout's transaction waits inside itself, after locking the cart.
    const holder = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
    let killed = 0;
    const answer = await holder.begin(async (tx) => {
      await tx`select 1 from document_counters where seller_id = ${scene.sellerId} and kind = 'sales_order' for update`;
      const pending = checkout(instance(0).origin, customer.cookie, key);
      let early: string | undefined;
      void pending.then((a) => (early = a.body.slice(0, 400)), (e: unknown) => (early = `failed: ${String(e)}`));
      const [waiting] = await until('the checkout to wait on the counter', async () => {
        if (early) throw new Error(`the checkout answered before waiting: ${early}`);
        // Asked on another connection: inside a transaction, pg_stat_activity answers from one snapshot. The order's
        // INSERT takes its number (tp_next_document_number) and waits there.
        const found = await rows<{ pid: number }>(sql`
          select pid from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike '%tp_next_document_number%'`);
        return found.length ? found : undefined;
      });
      await tx`select pg_terminate_backend(${waiting!.pid})`;
      killed++;
      return pending;
    });
    await holder.end();
    expect(killed).toBe(1);
    expect(asResult(answer.result).ok).toBe(false);
    const [afterKill] = await rows<{ orders: number; cart: number }>(sql`
      select (select count(*)::int from sales_orders where idempotency_key = ${key}) as orders,
             (select count(*)::int from cart_lines where portal_account_id = ${customer.portalAccountId}) as cart`);
    expect(afterKill).toEqual({ orders: 0, cart: 1 });
    // The buyer presses "Place order" again: the pool has a fresh connection, the order is placed once.
    const retried = await checkout(instance(1).origin, customer.cookie, key);
    expect(asResult(retried.result)).toMatchObject({ ok: true, data: { alreadyPlaced: false } });
    const again = await checkout(instance(0).origin, customer.cookie, key);
    expect(asResult(again.result)).toMatchObject({ ok: true, data: { alreadyPlaced: true } });
    const [stored] = await rows<{ orders: number; lines: number }>(sql`
      select count(distinct o.id)::int as orders, count(l.id)::int as lines
      from sales_orders o join sales_order_lines l on l.order_id = o.id where o.idempotency_key = ${key}`);
    expect(stored).toEqual({ orders: 1, lines: 1 });
    recordFigure('connection killed in checkout', { connectionsKilled: killed, partialOrders: 0, ordersAfterRetry: 1 });
  });

  it('PostgreSQL restarts under load: both instances report the outage, recover by themselves, and lose no acknowledged order', async () => {
    const customers = await Promise.all(Array.from({ length: 8 }, (_, i) => buyer(`Restart ${i}`)));
    const acknowledged: string[] = [];
    let failedDuringOutage = 0;
    let stop = false;
    const load = customers.map(async (customer, c) => {
      while (!stop) {
        const origin = instance(c).origin;
        try {
          const added = await callAction(origin, { action: actionIdByName('addToCartAction'), page: '/p/acme/cart', cookie: customer.cookie, args: ['acme', { productId, quantity: 1 }] });
          if (!asResult(added.result).ok) {
            failedDuringOutage++;
            await sleep(100);
            continue;
          }
          const key = randomUUID();
          const placed = await checkout(origin, customer.cookie, key);
          if (asResult(placed.result).ok) acknowledged.push(key);
          else failedDuringOutage++;
        } catch {
          failedDuringOutage++;
          await sleep(100);
        }
      }
    });
    await sleep(3000);
    const outageSeen = new Set<string>();
    // Each instance watched on its own, so a slow answer of one never hides the other's.
    const watching = Promise.all(
      instances.map(async (i) => {
        while (!stop) {
          const status = await fetch(`${i.origin}/api/health`).then((r) => r.status, () => 0);
          if (status === 503) outageSeen.add(i.name);
          await sleep(200);
        }
      }),
    );
    const before = acknowledged.length;
    await restartPostgresServer(context.postgres, 4000);
    // Both come back by themselves: health answers 200 again, and orders are placed again.
    for (const i of instances) await until(`${i.name} to be healthy`, async () => (await fetch(`${i.origin}/api/health`)).ok);
    const afterRestart = acknowledged.length;
    await until('orders to be placed again', async () => acknowledged.length > afterRestart + 4, 30_000);
    stop = true;
    await Promise.all([...load, watching]);
    expect([...outageSeen].sort()).toEqual(instances.map((i) => i.name).sort());
    const stored = await rows<{ key: string }>(sql`
      select idempotency_key as key from sales_orders where idempotency_key = any(string_to_array(${acknowledged.join(',')}, ','))`);
    expect(stored.map((r) => r.key).sort()).toEqual([...acknowledged].sort());
    recordFigure('postgres restart under load', {
      ordersAcknowledged: acknowledged.length,
      acknowledgedBeforeRestart: before,
      ordersLost: acknowledged.length - stored.length,
      requestsRefusedDuringOutage: failedDuringOutage,
      instancesReportingOutage: outageSeen.size,
    });
  });

  it('the email provider answers 500, then hangs past the timeout, then recovers: orders and invitations are kept and each email is sent once', async () => {
    const provider = mailProvider(context.mailUrl);
    const { accepted: before } = await provider.accepted();
    const [startId] = await rows<{ id: number }>(sql`select coalesce(max(id), 0)::int as id from email_messages`);
    const owner = await sessionCookie({ area: 'staff', staffUserId: scene.ownerId });
    const [org] = await addBuyers(scene.sellerId, 1, 'Mailfault');
    const placed: string[] = [];
    const invite = async (n: number) => {
      const answer = await callAction(instance(n).origin, {
        action: actionIdByName('invitePortalAccountAction'),
        page: `/admin/organizations/${org!.organizationId}/portal`,
        cookie: owner,
        args: [{ organizationId: org!.organizationId, name: `Invited ${n}`, email: `invited-${n}-${randomUUID().slice(0, 6)}@mailfault.example` }],
      });
      expect(asResult(answer.result), answer.body.slice(0, 300)).toMatchObject({ ok: true });
    };
    const order = async (label: string) => {
      const customer = await buyer(label);
      await fillCart(instance(0).origin, customer.cookie);
      const key = randomUUID();
      expect(asResult((await checkout(instance(1).origin, customer.cookie, key)).result)).toMatchObject({ ok: true });
      placed.push(key);
    };
    await provider.setMode('error');
    await invite(0);
    await order('Mail 500');
    await sleep(3000);
    await provider.setMode('hang');
    await invite(1);
    await order('Mail hang');
    await sleep(5000);
    const { refused } = await provider.accepted();
    await provider.setMode('up');
    const queued = await rows<{ id: number; status: string }>(sql`select id, status from email_messages where id > ${startId!.id}`);
    expect(queued.length).toBeGreaterThanOrEqual(4);
    await until('every message to be sent', async () => {
      const left = await rows<{ n: number }>(sql`select count(*)::int as n from email_messages where id > ${startId!.id} and status <> 'sent'`);
      return left[0]!.n === 0;
    }, 90_000);
    const { accepted } = await provider.accepted();
    // This case's messages (an earlier case's may still be leaving meanwhile), each delivered once.
    const ours = new Set(queued.map((m) => `tradepost-email-${m.id}`));
    const fresh = accepted.slice(before.length).filter((m) => m.idempotencyKey && ours.has(m.idempotencyKey));
    const keys = fresh.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(fresh.length).toBe(queued.length);
    const kept = await rows<{ n: number }>(sql`select count(*)::int as n from sales_orders where idempotency_key = any(string_to_array(${placed.join(',')}, ','))`);
    expect(kept).toEqual([{ n: placed.length }]);
    recordFigure('email provider down, hanging, back', { messages: queued.length, providerRefusedOrTimedOut: refused, sentAfterRecovery: fresh.length, duplicates: 0 });
  });

  it('the embedded database opened by a second process is refused, and the running server loses nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradepost-reliability-embedded-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' };
    const runScript = (args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn('npx', ['tsx', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout!.on('data', (c) => (output += c));
        child.stderr!.on('data', (c) => (output += c));
        child.on('exit', (code) => resolve({ code, output }));
      });
    expect((await runScript(['scripts/seed.ts', '--devices', '0'])).code).toBe(0);
    const server = await startInstance({ name: 'embedded', databaseUrl: '', appUrl: 'http://127.0.0.1:1', mailUrl: context.mailUrl, env: { PGLITE_DATA_DIR: dataDir } });
    try {
      const forSale = await fetch(`${server.origin}/api/health`);
      expect(forSale.status).toBe(200);
      const second = await runScript(['scripts/migrate.ts']);
      expect(second.code).not.toBe(0);
      expect(second.output).toMatch(/already open|in use|another process|locked/i);
      expect((await fetch(`${server.origin}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    // After the server stops, the data is whole: a new process opens it and finds the demo sellers.
    const reopened = await runScript(['-e', "import('./db/index.ts').then(async (m) => { const d = await m.openDatabase(); const r = await d.db.execute('select count(*)::int as n from sellers'); console.log('sellers', JSON.stringify(r.rows ?? r)); await d.close(); })"]);
    expect(reopened.output).toMatch(/sellers .*"n":2/);
    fs.rmSync(dataDir, { recursive: true, force: true });
    recordFigure('embedded database opened twice', { secondProcessRefused: 1, sellersAfter: 2 });
  });
});
