import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { secretsIn } from '@/lib/logging/secrets';
import { instanceLogPath } from './support/cluster';
import { actionIdByName, callAction, sessionCookie } from './support/client';
import { addBuyers, closeClusterDb, rows, sellerScene } from './support/database';
import { recordFigure } from './support/report';

/**
 * The production server's own output: JSON lines from pino (lib/logging/),
 * one `request` line per request whose id is the X-Request-Id answered, the
 * refused action with its code, and never the password just typed or a
 * session token.
 */
const { instances } = inject('reliability');
const instance = instances[0]!;
const origin = instance.origin;

type Line = Record<string, unknown> & { level: string; msg: string };

/** What the instance printed, without the `--- <time>` stamp the suite writes before each chunk (a chunk may end mid-line). */
function printed(text: string): string[] {
  return text
    .replace(/--- \d{4}-\d\d-\d\dT[\d:.]+Z\n/g, '')
    .split('\n')
    .filter(Boolean);
}

function jsonLines(text: string): Line[] {
  return printed(text)
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Line);
}

/** Marks where the instance's log file stands; the function returned reads all it wrote since. */
function logFromHere(): () => string {
  const file = instanceLogPath(instance.name);
  const from = fs.statSync(file).size;
  return () => fs.readFileSync(file).subarray(from).toString('utf8');
}

async function until<T>(find: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${what} in the log within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('structured logs of a production instance', () => {
  let cookie: string;
  let productId: number;
  let available: number;

  beforeAll(async () => {
    const scene = await sellerScene('acme');
    const [buyer] = await addBuyers(scene.sellerId, 1, 'Logs');
    cookie = await sessionCookie({ area: 'customer', portalAccountId: buyer!.portalAccountId, sellerId: scene.sellerId });
    const [product] = await rows<{ id: number; quantity: number }>(sql`
      select p.id, a.quantity from products p join product_availability a on a.product_id = p.id
      where p.seller_id = ${scene.sellerId} and a.quantity > 0 order by p.id limit 1`);
    productId = product!.id;
    available = Number(product!.quantity);
  });
  afterAll(() => closeClusterDb());

  it('writes every line as JSON, and one `request` line per request with the id answered in X-Request-Id', async () => {
    const read = logFromHere();
    const started = performance.now();
    const response = await fetch(`${origin}/p/acme/cart?utm=secret-query`, { headers: { cookie, 'x-request-id': 'client-chosen' } });
    await response.text();
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/); // TRUSTED_PROXY_HOPS is 0 here: the client's id is replaced
    const line = await until(() => jsonLines(read()).find((l) => l.msg === 'request' && l.requestId === id), 'request line');
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/p/acme/cart', status: 200, seller: 'acme' });
    expect(typeof line.durationMs).toBe('number');
    expect(line.durationMs as number).toBeGreaterThan(0);
    expect(line.durationMs as number).toBeLessThanOrEqual(elapsed + 5);
    expect(JSON.stringify(line)).not.toContain('secret-query');
    expect(jsonLines(read()).filter((l) => l.requestId === id && l.msg === 'request')).toHaveLength(1);
    // Nothing but JSON lines and the suite's own stamps.
    expect(printed(read()).filter((l) => !l.startsWith('{'))).toEqual([]);
    recordFigure('logs: request line', { durationMs: line.durationMs as number, elapsedMs: Math.round(elapsed) });
  });

  it('logs a refused action with its name and code, in the request that ran it (bad input is `invalid`)', async () => {
    const read = logFromHere();
    const answer = await callAction(origin, {
      action: actionIdByName('addToCartAction'),
      page: '/p/acme/cart',
      cookie,
      args: ['acme', { productId, quantity: available + 1 }],
    });
    expect(answer.result).toMatchObject({ ok: false });
    const refused = await until(() => jsonLines(read()).find((l) => l.msg === 'action refused'), 'action refused line');
    expect(refused).toMatchObject({ level: 'warn', action: 'addToCartAction', code: 'refused', seller: 'acme' });
    const bad = await callAction(origin, { action: actionIdByName('addToCartAction'), page: '/p/acme/cart', cookie, args: ['acme', { productId, quantity: 0 }] });
    expect(bad.result).toMatchObject({ ok: false });
    const invalid = await until(() => jsonLines(read()).find((l) => l.msg === 'action refused' && l.code === 'invalid'), 'invalid line');
    expect(invalid).toMatchObject({ action: 'addToCartAction', seller: 'acme' });
    const request = await until(() => jsonLines(read()).find((l) => l.msg === 'request' && l.requestId === refused.requestId), 'its request line');
    expect(request).toMatchObject({ method: 'POST', path: '/p/acme/cart', status: 200 });
    expect(Object.keys(refused).sort()).toEqual(['action', 'code', 'level', 'msg', 'pid', 'requestId', 'seller', 'time']);
  });

  it('never logs the password of a sign-in, right or wrong, nor the session it makes', async () => {
    const read = logFromHere();
    for (const password of [DEMO_PASSWORD, `${DEMO_PASSWORD}-wrong`]) {
      const csrf = await fetch(`${origin}/api/auth/customer/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const response = await fetch(`${origin}/api/auth/customer/callback/password`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
        body: new URLSearchParams({ csrfToken, slug: 'acme', email: 'buyer@northwind.example', password, callbackUrl: `${origin}/p/acme` }),
      });
      await response.text();
      const session = response.headers.getSetCookie().find((c) => /tp-customer-session=/.test(c));
      expect(Boolean(session), password).toBe(password === DEMO_PASSWORD);
      if (session) await (await fetch(`${origin}/p/acme`, { headers: { cookie: session.split(';')[0]! } })).text();
    }
    await until(() => (jsonLines(read()).filter((l) => l.msg === 'request' && l.path === '/api/auth/customer/callback/password').length === 2 ? true : undefined), 'sign-in requests');
    const text = read();
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(secretsIn(text)).toEqual([]);
  });
});
