import postgres from 'postgres';
import { actionIdByName, callAction, type ActionAnswer } from '../test/reliability/support/client';
import { BENCH_BUYERS } from './seed';
import { buyerCookie } from './sessions';

/**
 * The write cases, driven as the React client sends server actions (POST to
 * the page with `Next-Action`), one loop per buyer: each of the 16 buyers is
 * its own organization, so their carts and orders do not share rows.
 * Every answer is checked; a 200 whose result is not the expected one is an
 * error.
 */

export type Latencies = { p50: number; p99: number };
export type ActionCase = { requests: number; rps: number; errors: number; latency: Latencies; sampleErrors: string[] };
export type CheckoutCase = ActionCase & {
  orders: number;
  ordersPerSecond: number;
  replay: Latencies;
  /** Orders placed a second time with the same key (every REPLAY_EVERY-th), each answered `alreadyPlaced`. */
  replays: number;
  /** Orders in the database with this run's keys, and acknowledged keys without exactly one order. */
  storedOrders: number;
  keysNotStoredOnce: number;
  unacknowledgedOrders: number;
};

type Buyer = { email: string; cookie: string };
type Fixture = { buyers: Buyer[]; productIds: number[]; paymentMethodId: number };

export function percentiles(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!) : 0);
  return { p50: at(0.5), p99: at(0.99) };
}

type Result = { ok: boolean; data?: Record<string, unknown>; error?: string };

function resultOf(answer: ActionAnswer): Result | null {
  const r = answer.result as Result | undefined;
  return answer.status === 200 && r && typeof r === 'object' && 'ok' in r ? r : null;
}

const brief = (answer: ActionAnswer) => `${answer.status} ${JSON.stringify(answer.result ?? answer.body.slice(0, 200))}`;

/** The bench buyers, the products they add (in stock, priced) and the payment method they check out with. */
export async function actionFixture(url: string): Promise<Fixture> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const emails = await db<{ email: string }[]>`
      select a.email from portal_accounts a join sellers s on s.id = a.seller_id
      where s.slug = 'acme' and a.email like 'buyer@bench-buyer-%' order by a.email`;
    if (emails.length !== BENCH_BUYERS) throw new Error(`expected ${BENCH_BUYERS} bench buyers, found ${emails.length}`);
    const products = await db<{ id: number }[]>`
      select p.id from products p join product_availability a on a.product_id = p.id join sellers s on s.id = p.seller_id
      where s.slug = 'acme' and a.quantity > 0 and p.list_price is not null
        -- One unit at a time: products sold from a minimum or in packs (the demo's quantity rules) are left out.
        and p.min_order_quantity = 1 and p.order_increment = 1
        -- and one unit clears the seller's minimum order value, whatever the buyer's discount.
        and p.list_price >= 2 * coalesce((select ps.min_order_value from portal_settings ps where ps.seller_id = s.id), 0)
      order by a.quantity desc, p.id limit 200`;
    const [method] = await db<{ id: number }[]>`
      select pm.payment_method_id as id from portal_payment_methods pm join sellers s on s.id = pm.seller_id
      where s.slug = 'acme' order by pm.payment_method_id limit 1`;
    const buyers = await Promise.all(emails.map(async ({ email }) => ({ email, cookie: await buyerCookie(url, email) })));
    return { buyers, productIds: products.map((p) => p.id), paymentMethodId: method!.id };
  } finally {
    await db.end();
  }
}

async function emptyCarts(url: string) {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await db`
      delete from cart_lines c using portal_accounts a
      where a.id = c.portal_account_id and a.email like 'buyer@bench-buyer-%'`;
  } finally {
    await db.end();
  }
}

/**
 * Adding to cart: each buyer adds one of each product in turn (never above
 * what is available: a product is added once per cart), and its cart is
 * emptied, untimed, when it has taken every product.
 */
export async function addToCartCase(origin: string, url: string, fixture: Fixture, seconds: number): Promise<ActionCase> {
  await emptyCarts(url);
  const action = actionIdByName('addToCartAction');
  const latencies: number[] = [];
  const sampleErrors: string[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const cleaner = postgres(url, { max: 1, onnotice: () => {} });
  await Promise.all(
    fixture.buyers.map(async (buyer, b) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const k = (i + b * 7) % fixture.productIds.length;
        if (i > 0 && k === (b * 7) % fixture.productIds.length) {
          await cleaner`delete from cart_lines c using portal_accounts a where a.id = c.portal_account_id and a.email = ${buyer.email}`;
        }
        const t = performance.now();
        const answer = await callAction(origin, {
          action,
          page: '/p/acme/cart',
          cookie: buyer.cookie,
          args: ['acme', { productId: fixture.productIds[k]!, quantity: 1 }],
        }).catch((error: unknown) => ({ status: 0, result: undefined, body: String(error) }));
        latencies.push(performance.now() - t);
        const r = resultOf(answer);
        if (!r?.ok || r.data?.added !== 1) {
          errors++;
          if (sampleErrors.length < 5) sampleErrors.push(brief(answer));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await cleaner.end();
  await emptyCarts(url);
  return { requests: latencies.length, rps: Math.round((latencies.length / elapsed) * 10) / 10, errors, latency: percentiles(latencies), sampleErrors };
}

export const REPLAY_EVERY = 4;

/**
 * Checkout: 16 buyers at once, each in a loop of add to cart, place the order
 * with a fresh idempotency key (a new order), and every fourth time place the
 * same again (the same order, `alreadyPlaced`). At the end the orders with this run's keys
 * are counted in the database: exactly one per acknowledged key, none else.
 */
export async function checkoutCase(origin: string, url: string, fixture: Fixture, seconds: number): Promise<CheckoutCase> {
  await emptyCarts(url);
  const add = actionIdByName('addToCartAction');
  const place = actionIdByName('placeOrderAction');
  const run = `bench-${Date.now().toString(36)}`;
  const placeLatencies: number[] = [];
  const replayLatencies: number[] = [];
  const acknowledged = new Set<string>();
  const sampleErrors: string[] = [];
  let errors = 0;
  let requests = 0;
  let replays = 0;
  const failed = (answer: ActionAnswer, step: string) => {
    errors++;
    if (sampleErrors.length < 5) sampleErrors.push(`${step}: ${brief(answer)}`);
  };
  const call = (buyer: Buyer, action: string, page: string, args: unknown[]) => {
    requests++;
    return callAction(origin, { action, page, cookie: buyer.cookie, args }).catch(
      (error: unknown): ActionAnswer => ({ status: 0, result: undefined, body: String(error) }),
    );
  };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    fixture.buyers.map(async (buyer, b) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const productId = fixture.productIds[(b * 13 + i) % fixture.productIds.length]!;
        const added = await call(buyer, add, '/p/acme/cart', ['acme', { productId, quantity: 1 }]);
        if (!resultOf(added)?.ok) {
          failed(added, 'add to cart');
          continue;
        }
        const idempotencyKey = `${run}-${b}-${i}`;
        const args = ['acme', { paymentMethodId: fixture.paymentMethodId, poNumber: `BENCH-${b}-${i}`, idempotencyKey }];
        let t = performance.now();
        const first = await call(buyer, place, '/p/acme/checkout', args);
        placeLatencies.push(performance.now() - t);
        const placed = resultOf(first);
        if (!placed?.ok || placed.data?.alreadyPlaced !== false || typeof placed.data?.number !== 'number') {
          failed(first, 'place order');
          continue;
        }
        acknowledged.add(idempotencyKey);
        // Every fourth order is placed again: idempotency is checked under the same load without the
        // replays taking a third of the requests (each replay is a full server action).
        if (i % REPLAY_EVERY !== 0) continue;
        replays++;
        t = performance.now();
        const again = await call(buyer, place, '/p/acme/checkout', args);
        replayLatencies.push(performance.now() - t);
        const replayed = resultOf(again);
        if (!replayed?.ok || replayed.data?.alreadyPlaced !== true || replayed.data?.number !== placed.data.number) failed(again, 'place the same order again');
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const db = postgres(url, { max: 1, onnotice: () => {} });
  let stored: { key: string; n: number }[];
  try {
    stored = await db<{ key: string; n: number }[]>`
      select idempotency_key as key, count(*)::int as n from sales_orders where idempotency_key like ${run + '-%'} group by idempotency_key`;
  } finally {
    await db.end();
  }
  await emptyCarts(url);
  const byKey = new Map(stored.map((s) => [s.key, s.n]));
  const keysNotStoredOnce = [...acknowledged].filter((k) => byKey.get(k) !== 1).length;
  const unacknowledgedOrders = stored.filter((s) => !acknowledged.has(s.key)).length;
  errors += keysNotStoredOnce + unacknowledgedOrders;
  if (keysNotStoredOnce) sampleErrors.push(`${keysNotStoredOnce} acknowledged keys without exactly one order`);
  if (unacknowledgedOrders) sampleErrors.push(`${unacknowledgedOrders} orders stored for keys never acknowledged`);
  return {
    requests,
    rps: Math.round((requests / elapsed) * 10) / 10,
    errors,
    latency: percentiles(placeLatencies),
    replay: percentiles(replayLatencies),
    replays,
    sampleErrors,
    orders: acknowledged.size,
    ordersPerSecond: Math.round((acknowledged.size / elapsed) * 10) / 10,
    storedOrders: stored.reduce((sum, s) => sum + s.n, 0),
    keysNotStoredOnce,
    unacknowledgedOrders,
  };
}
