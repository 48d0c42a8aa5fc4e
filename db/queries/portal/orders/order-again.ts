import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { portalAccounts, salesOrders } from '@/db/schema';
import { describeProduct } from '@/lib/products';
import { num } from '@/db/queries/portal/scope';
import { buyerPricing, sellableQuantity } from '@/db/queries/cart';

export type OrderAgainLine = {
  productId: number;
  description: string;
  sku: string;
  ordered: number;
  /** In the cart before, and what the portal sells now (0 when not for sale). */
  inCartBefore: number;
  available: number;
  added: number;
  outcome: 'added' | 'short' | 'unavailable';
};

/**
 * "Order again": puts the products of one of the organization's orders in the
 * account's cart, each capped at what is available now, counting what the cart
 * already holds. The cap is computed in SQL and the cart written in the same
 * statement, in a transaction that holds the account row so two clicks add once
 * each in turn. Null when the order is not this organization's.
 */
export async function orderAgain(
  db: Db,
  params: { sellerId: number; organizationId: number; portalAccountId: number; orderNumber: number },
): Promise<OrderAgainLine[] | null> {
  const { sellerId, organizationId, portalAccountId } = params;
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: salesOrders.id })
      .from(salesOrders)
      .where(
        and(
          eq(salesOrders.sellerId, sellerId),
          eq(salesOrders.organizationId, organizationId),
          eq(salesOrders.number, params.orderNumber),
        ),
      );
    if (!order) return null;
    const [account] = await tx
      .select({ id: portalAccounts.id })
      .from(portalAccounts)
      .where(
        and(
          eq(portalAccounts.id, portalAccountId),
          eq(portalAccounts.sellerId, sellerId),
          eq(portalAccounts.organizationId, organizationId),
        ),
      )
      .for('update');
    if (!account) return null;

    const rows = await addOrderLinesToCart(tx, { sellerId, portalAccountId, orderId: order.id });
    return rows.map(toOrderAgainLine);
  });
}

/** Caps each product of the order at what is available now less what the cart holds, and writes the cart in the same statement. */
function addOrderLinesToCart(tx: DbOrTx, params: { sellerId: number; portalAccountId: number; orderId: number }) {
  const { sellerId, portalAccountId } = params;
  return queryRows(tx, sql`
    with wanted as (
      select l.product_id, sum(l.quantity)::int as ordered, min(l.position) as position
      from sales_order_lines l
      where l.order_id = ${params.orderId} and l.seller_id = ${sellerId}
      group by l.product_id
    ),
    plan as (
      select w.product_id, w.ordered, w.position,
             coalesce(c.quantity, 0) as in_cart,
             ${sellableQuantity} as available
      from wanted w
      join products p on p.id = w.product_id and p.seller_id = ${sellerId}
      left join product_availability a on a.product_id = w.product_id and a.seller_id = ${sellerId}
      left join cart_lines c on c.portal_account_id = ${portalAccountId} and c.product_id = w.product_id
      left join portal_settings ps on ps.seller_id = ${sellerId}
      ${buyerPricing({ sellerId, portalAccountId })}
    ),
    capped as (
      select plan.*, greatest(0, least(plan.ordered, plan.available - plan.in_cart)) as added from plan
    ),
    written as (
      insert into cart_lines (seller_id, portal_account_id, product_id, quantity)
      select ${sellerId}::int, ${portalAccountId}::int, product_id, in_cart + added from capped where added > 0
      on conflict (portal_account_id, product_id)
      do update set quantity = excluded.quantity, updated_at = now()
      returning product_id
    )
    select capped.product_id, capped.ordered, capped.in_cart, capped.available, capped.added,
           p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade
    from capped join products p on p.id = capped.product_id
    order by capped.position, capped.product_id`);
}

function toOrderAgainLine(r: Record<string, unknown>): OrderAgainLine {
  const ordered = num(r.ordered);
  const available = num(r.available);
  const added = num(r.added);
  return {
    productId: num(r.product_id),
    description: describeProduct({
      manufacturer: String(r.manufacturer),
      model: String(r.model),
      capacity: String(r.capacity),
      color: String(r.color),
      network: String(r.network),
      grade: String(r.grade),
    }),
    sku: String(r.sku),
    ordered,
    inCartBefore: num(r.in_cart),
    available,
    added,
    outcome: added === ordered ? 'added' : available === 0 ? 'unavailable' : 'short',
  };
}
