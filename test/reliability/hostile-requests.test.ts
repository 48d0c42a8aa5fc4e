import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { actionIdByName, callAction, sessionCookie } from './support/client';
import { addBuyers, closeClusterDb, rows, sellerScene } from './support/database';
import { recordFigure } from './support/report';

/**
 * Requests no browser of ours sends: a server action posted from another
 * site's page, and bodies far larger than any form. Each is refused, and
 * nothing is written.
 */
const { instances } = inject('reliability');
const origin = instances[0]!.origin;

describe('hostile requests', () => {
  let cookie: string;
  let portalAccountId: number;
  let productId: number;

  beforeAll(async () => {
    const scene = await sellerScene('acme');
    const [buyer] = await addBuyers(scene.sellerId, 1, 'Hostile');
    portalAccountId = buyer!.portalAccountId;
    cookie = await sessionCookie({ area: 'customer', portalAccountId, sellerId: scene.sellerId });
    const [product] = await rows<{ id: number }>(sql`
      select p.id from products p join product_availability a on a.product_id = p.id
      where p.seller_id = ${scene.sellerId} and a.quantity > 0 order by p.id limit 1`);
    productId = product!.id;
  });
  afterAll(() => closeClusterDb());

  const cartLines = async () => rows<{ n: number }>(sql`select count(*)::int as n from cart_lines where portal_account_id = ${portalAccountId}`);

  it('a server action sent from another site (a foreign Origin) is refused and writes nothing', async () => {
    const answer = await callAction(origin, {
      action: actionIdByName('addToCartAction'),
      page: '/p/acme/cart',
      cookie,
      args: ['acme', { productId, quantity: 1 }],
      headers: { Origin: 'https://evil.example' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/another site/);
    expect((answer.result as { ok?: boolean } | undefined)?.ok).not.toBe(true);
    expect(await cartLines()).toEqual([{ n: 0 }]);
    // The same request from the portal's own origin works: the refusal was the Origin.
    const own = await callAction(origin, { action: actionIdByName('addToCartAction'), page: '/p/acme/cart', cookie, args: ['acme', { productId, quantity: 1 }] });
    expect(own.result).toMatchObject({ ok: true });
    recordFigure('foreign origin', { status: answer.status });
  });

  it('a server action with a body far above any form is refused with a status, not an error page, and writes nothing', async () => {
    const before = await cartLines();
    const answer = await callAction(origin, {
      action: actionIdByName('addToCartAction'),
      page: '/p/acme/cart',
      cookie,
      args: ['acme', { productId, quantity: 1, padding: 'x'.repeat(16 * 1024 * 1024) }],
    });
    expect(answer.status).toBe(413);
    expect(await cartLines()).toEqual(before);
    recordFigure('oversized body', { bytes: 16 * 1024 * 1024, status: answer.status });
  });
});
