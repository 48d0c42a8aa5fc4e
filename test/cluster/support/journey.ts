import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { expect } from 'vitest';
import { actionIdByName, callAction } from '../../reliability/support/client';
import { addSellableDevices, closeClusterDb, setHelperDatabaseUrl } from '../../reliability/support/database';

/**
 * The shopping journey of a buyer through the load balancer, over HTTP as a
 * browser sends it: sign in through Auth.js's endpoint, For Sale, add to
 * cart, checkout, the order in the order list. Every request carries a
 * forged X-Forwarded-For (and the pages a forged Host): nginx must drop the
 * first, and no link or limit may follow either.
 */
export const FORGED_ADDRESS = '203.0.113.77';
export const FORGED_HOST = 'evil.example';
const EMAIL = 'buyer@contoso.example';
const PASSWORD = 'tradepost-demo';
type Result = { ok: boolean; error?: string; data?: Record<string, unknown> };

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

export async function shoppingJourney(origin: string, databaseUrl: string) {
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const forged = { 'X-Forwarded-For': FORGED_ADDRESS, 'X-Real-IP': FORGED_ADDRESS };
    const [seller] = await db<{ id: number }[]>`select id from sellers where slug = 'acme'`;
    const [product] = await db<{ id: number }[]>`
      select id from products where seller_id = ${seller!.id} and list_price is not null order by id limit 1 offset 10`;
    setHelperDatabaseUrl(databaseUrl);
    await addSellableDevices(seller!.id, product!.id, 3);
    await closeClusterDb();
    const [payment] = await db<{ id: number }[]>`
      select payment_method_id as id from portal_payment_methods where seller_id = ${seller!.id} order by payment_method_id limit 1`;

    // Sign in through Auth.js's REST endpoint: one wrong password first (counted), then the right one.
    const csrf = await fetch(`${origin}/api/auth/customer/csrf`, { headers: { ...forged, Host: FORGED_HOST } });
    expect(csrf.status).toBe(200);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = cookiesOf(csrf).join('; ');
    const signIn = (password: string) =>
      fetch(`${origin}/api/auth/customer/callback/password`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...forged, cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded', Origin: origin },
        body: new URLSearchParams({ slug: 'acme', email: EMAIL, password, csrfToken }),
      });
    await db`delete from rate_limits where key like ${`%${EMAIL}%`}`;
    const wrong = await signIn('not-the-password');
    expect(wrong.status).toBe(302);
    const keys = (await db<{ key: string }[]>`select key from rate_limits where key like 'sign-in:%'`).map((r) => r.key);
    // The address the limits count is the one nginx saw (loopback), never the client's words.
    expect(keys.some((k) => k.endsWith('127.0.0.1')), keys.join('\n')).toBe(true);
    expect(keys.filter((k) => k.includes(FORGED_ADDRESS))).toEqual([]);
    const right = await signIn(PASSWORD);
    expect(right.status).toBe(302);
    const session = cookiesOf(right).find((c) => /^(__Host-)?tp-customer-session=./.test(c));
    expect(session, `no session cookie; Location ${right.headers.get('location')}`).toBeDefined();
    expect(right.headers.get('location') ?? '').not.toContain(FORGED_HOST);
    const cookie = session!;

    // For Sale, with a forged Host: served, and no link in it names the forged host.
    const forSale = await fetch(`${origin}/p/acme`, { headers: { ...forged, Host: FORGED_HOST, cookie, 'Accept-Encoding': 'gzip' } });
    const html = await forSale.text();
    expect(forSale.status, html.slice(0, 300)).toBe(200);
    expect(forSale.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(forSale.headers.get('content-encoding')).toBe('gzip');
    expect(html).not.toContain(FORGED_HOST);

    // Actions are POSTs from the portal's own origin (the forged address still on them).
    const added = await callAction(origin, { action: actionIdByName('addToCartAction'), page: '/p/acme/cart', cookie, headers: forged, args: ['acme', { productId: product!.id, quantity: 1 }] });
    expect(added.result as Result, added.body.slice(0, 300)).toMatchObject({ ok: true });
    const key = randomUUID();
    const placed = await callAction(origin, {
      action: actionIdByName('placeOrderAction'),
      page: '/p/acme/checkout',
      cookie,
      headers: forged,
      args: ['acme', { paymentMethodId: payment!.id, idempotencyKey: key, poNumber: 'CLUSTER-JOURNEY' }],
    });
    const order = placed.result as Result;
    expect(order, placed.body.slice(0, 300)).toMatchObject({ ok: true, data: { alreadyPlaced: false } });
    const number = String(order.data!.number);

    const orders = await fetch(`${origin}/p/acme/orders`, { headers: { ...forged, Host: FORGED_HOST, cookie } });
    const list = await orders.text();
    expect(orders.status).toBe(200);
    expect(list).toContain(number);
    expect(list).not.toContain(FORGED_HOST);
    const stored = await db<{ n: number }[]>`select count(*)::int as n from sales_orders where idempotency_key = ${key}`;
    expect(stored[0]!.n).toBe(1);
    return { orderNumber: number, rateLimitKeys: keys.length };
  } finally {
    await db.end();
  }
}
