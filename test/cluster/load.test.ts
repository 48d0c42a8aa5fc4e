import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionIdByName, callAction, sessionCookie } from '../reliability/support/client';
import { addBuyers, addSellableDevices, closeClusterDb, rows, sellerScene, setHelperDatabaseUrl } from '../reliability/support/database';
import { recordFigure } from '../reliability/support/report';
import { startCluster, type Cluster } from './support/cluster';
import { PORTS } from './support/ports';

/**
 * A short mixed load through nginx (buyers browsing For Sale, adding to the
 * cart and checking out) during which one instance gets SIGTERM: it drains
 * and exits, nginx sends everything after to the other one. No request fails
 * beyond those in flight on the stopped instance, and every acknowledged
 * order is stored exactly once.
 */
const context = inject('cluster');
const LOAD_MS = 20_000;
const SIGTERM_AT_MS = 7_000;
const BUYERS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Result = { ok: boolean; error?: string; data?: Record<string, unknown> };
type Call = { kind: string; method: string; started: number; ended: number; failed: string | null; refused?: string };

describe('SIGTERM to one instance behind nginx under load', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    setHelperDatabaseUrl(context.databaseUrl);
    cluster = await startCluster({ name: 'load', databaseUrl: context.databaseUrl, mailUrl: context.mailUrl, nginxPort: PORTS.load.nginx, instancePorts: PORTS.load.instances });
  });
  afterAll(async () => {
    await cluster?.stop();
    await closeClusterDb();
  });

  it('no failed request beyond the stopped instance\'s in-flight ones, every acknowledged order stored once', async () => {
    const origin = cluster.nginx.origin;
    const scene = await sellerScene('acme');
    const products = await rows<{ id: number }>(sql`
      select id from products where seller_id = ${scene.sellerId} and list_price is not null order by id limit 3 offset 3`);
    for (const p of products) await addSellableDevices(scene.sellerId, p.id, 150);
    const buyers = await addBuyers(scene.sellerId, BUYERS, 'ClusterLoad');
    const addToCart = actionIdByName('addToCartAction');
    const placeOrder = actionIdByName('placeOrderAction');
    const calls: Call[] = [];
    const acknowledged = new Map<string, string>(); // idempotency key → order number
    const unanswered: { key: string; cookie: string }[] = [];
    const start = Date.now();

    async function timed(kind: string, method: string, run: () => Promise<string | null>): Promise<string | null> {
      const call: Call = { kind, method, started: Date.now(), ended: 0, failed: null };
      calls.push(call);
      try {
        call.failed = await run();
      } catch (error) {
        call.failed = `network: ${(error as Error).message}`;
      }
      call.ended = Date.now();
      return call.failed;
    }
    const actionFailure = (answer: { status: number; result: unknown; body: string }) =>
      answer.status >= 500 || answer.result === undefined ? `${answer.status} ${answer.body.slice(0, 200)}` : null;

    async function buyer(index: number) {
      const b = buyers[index]!;
      const cookie = await sessionCookie({ area: 'customer', portalAccountId: b.portalAccountId, sellerId: scene.sellerId });
      let round = 0;
      while (Date.now() - start < LOAD_MS) {
        round++;
        await timed('for sale', 'GET', async () => {
          const page = await fetch(`${origin}/p/acme?page=${1 + (round % 3)}`, { headers: { cookie } });
          await page.text();
          return page.status === 200 ? null : `${page.status}`;
        });
        const productId = products[(index + round) % products.length]!.id;
        const failedAdd = await timed('add to cart', 'POST', async () =>
          actionFailure(await callAction(origin, { action: addToCart, page: '/p/acme/cart', cookie, args: ['acme', { productId, quantity: 1 }] })),
        );
        if (failedAdd) continue;
        await timed('cart', 'GET', async () => {
          const page = await fetch(`${origin}/p/acme/cart`, { headers: { cookie } });
          await page.text();
          return page.status === 200 ? null : `${page.status}`;
        });
        const key = randomUUID();
        const failedOrder = await timed('checkout', 'POST', async () => {
          const answer = await callAction(origin, { action: placeOrder, page: '/p/acme/checkout', cookie, args: ['acme', { paymentMethodId: scene.paymentMethodId, idempotencyKey: key }] });
          const failure = actionFailure(answer);
          const result = answer.result as Result;
          if (!failure && result.ok) acknowledged.set(key, String(result.data!.number));
          if (!failure && !result.ok) calls.at(-1)!.refused = result.error;
          return failure;
        });
        if (failedOrder) unanswered.push({ key, cookie });
      }
    }

    const stopped = cluster.instances[1]!;
    let signalledAt = 0;
    let inFlightAtSignal = 0;
    let exitedAt = 0;
    const signal = (async () => {
      await sleep(SIGTERM_AT_MS);
      signalledAt = Date.now();
      inFlightAtSignal = calls.filter((c) => c.ended === 0).length;
      stopped.signal('SIGTERM');
      const code = await stopped.exited;
      exitedAt = Date.now();
      return code;
    })();
    await Promise.all(Array.from({ length: BUYERS }, (_, i) => buyer(i)));
    const exitCode = await signal;
    expect(exitCode).toBe(0);

    const failed = calls.filter((c) => c.failed);
    // Only requests already in flight when the signal came may fail, and only POSTs (a GET is sent to the other instance).
    for (const f of failed) expect(f.started, `a request started after the signal failed: ${JSON.stringify(f)}`).toBeLessThan(signalledAt);
    expect(failed.length, JSON.stringify(failed)).toBeLessThanOrEqual(inFlightAtSignal);
    expect(failed.filter((f) => f.method === 'GET'), 'failed GETs').toEqual([]);
    const refusals = calls.filter((c) => c.refused);
    expect(refusals, 'refused checkouts').toEqual([]);

    // A checkout whose answer was lost is sent again with its key: placed once, or found.
    for (const u of unanswered) {
      const again = await callAction(origin, { action: placeOrder, page: '/p/acme/checkout', cookie: u.cookie, args: ['acme', { paymentMethodId: scene.paymentMethodId, idempotencyKey: u.key }] });
      const result = again.result as Result;
      if (result?.ok) acknowledged.set(u.key, String(result.data!.number));
    }
    const keys = [...acknowledged.keys()];
    const stored = await rows<{ idempotency_key: string; number: string; n: number }>(sql`
      select idempotency_key, number, count(*) over (partition by idempotency_key)::int as n
      from sales_orders where idempotency_key = any(string_to_array(${keys.join(',')}, ','))`);
    expect(stored.length).toBe(keys.length);
    for (const row of stored) {
      expect(row.n).toBe(1);
      expect(acknowledged.get(row.idempotency_key)).toBe(String(row.number));
    }
    const [ordersOfBuyers] = await rows<{ n: number }>(sql`
      select count(*)::int as n from sales_orders where organization_id = any(string_to_array(${buyers.map((b) => b.organizationId).join(',')}, ',')::int[])`);
    expect(ordersOfBuyers!.n).toBe(keys.length);

    const log = cluster.nginx.accessLog();
    // Both instances took a share before the signal; after it, the other one took everything.
    const before = new Set(log.filter((l) => l.at < signalledAt).map((l) => l.upstream));
    expect([...before].sort()).toEqual(PORTS.load.instances.map((p) => `127.0.0.1:${p}`).sort());
    const stoppedAt = Date.now();
    const afterExit = log.filter((l) => l.at > exitedAt + 50);
    expect(afterExit.length, 'requests after the instance exited').toBeGreaterThan(0);
    expect(afterExit.filter((l) => l.upstream === `127.0.0.1:${PORTS.load.instances[1]}`), 'answered by the stopped instance after it exited').toEqual([]);
    const byUpstream = (lines: typeof log) => Object.fromEntries([...new Set(lines.map((l) => l.upstream))].map((u) => [u, lines.filter((l) => l.upstream === u).length]));
    recordFigure('cluster SIGTERM under load', {
      buyers: BUYERS,
      seconds: LOAD_MS / 1000,
      requests: calls.length,
      checkouts: calls.filter((c) => c.kind === 'checkout').length,
      ordersAcknowledged: keys.length,
      ordersStored: stored.length,
      inFlightAtSignal,
      failedRequests: failed.length,
      answersLostThenFound: unanswered.length,
      requestsPassedToNextUpstream: log.filter((l) => l.upstream.includes(',')).length,
      upstreamsAfterExit: JSON.stringify(byUpstream(afterExit)),
      exitedAfterSignalMs: exitedAt - signalledAt,
      loadEndedAfterSignalMs: stoppedAt - signalledAt,
      p95Ms: calls.map((c) => c.ended - c.started).sort((a, b) => a - b)[Math.floor(calls.length * 0.95)]!,
    });
  });
});
