import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { queryRows } from '@/db/rows';
import { portalAccounts, salesOrders } from '@/db/schema';
import { describeProduct } from '@/lib/products';
import { num } from '@/db/queries/portal/scope';
import { addToCart } from '@/db/queries/cart';
import { isRefusal } from '@/lib/refusal';
import { orderAgainShortfall } from '@/lib/portal/quantity-display';

export type OrderAgainLine = {
  productId: number;
  description: string;
  sku: string;
  ordered: number;
  /** In the cart before, and what the portal sells now (0 when not for sale). */
  inCartBefore: number;
  /** For the data layer only: the action leaves it out, `message` says it as the seller's quantity display allows. */
  available: number;
  added: number;
  outcome: 'added' | 'short' | 'unavailable';
  /** What the buyer reads about a line not filled in full; null when it was. */
  message: string | null;
};

/**
 * "Order again": puts the products of one of the organization's orders in the
 * account's cart, each capped at what is available now and at the product's
 * quantity rules, counting what the cart already holds (the cart's own add, so
 * the rules and the quantity display are the cart's). Where the seller keeps
 * quantities back, a line that cannot be filled in full adds nothing, so the
 * cart never reveals the limit. The transaction holds the account row so two
 * clicks add once each in turn. Null when the order is not this organization's.
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

    const wanted = await queryRows(tx, sql`
      select l.product_id, sum(l.quantity)::int as ordered, coalesce(max(c.quantity), 0) as in_cart,
             p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade
      from sales_order_lines l
      join products p on p.id = l.product_id and p.seller_id = ${sellerId}
      left join cart_lines c on c.portal_account_id = ${portalAccountId} and c.product_id = l.product_id
      where l.order_id = ${order.id} and l.seller_id = ${sellerId}
      group by l.product_id, p.id
      order by min(l.position), l.product_id`);

    const lines: OrderAgainLine[] = [];
    for (const w of wanted) {
      const productId = num(w.product_id);
      const ordered = num(w.ordered);
      const inCartBefore = num(w.in_cart);
      const description = describeProduct({
        manufacturer: String(w.manufacturer),
        model: String(w.model),
        capacity: String(w.capacity),
        color: String(w.color),
        network: String(w.network),
        grade: String(w.grade),
      });
      let added = 0;
      let available = 0;
      let message: string | null = null;
      try {
        const change = await addToCart(tx, { sellerId, portalAccountId, productId, quantity: ordered, overLimit: 'cap' });
        added = change.added;
        available = change.available;
        if (added !== ordered) message = orderAgainShortfall({ description, ordered, added, inCartBefore, available, display: change.display });
      } catch (error) {
        // Not sellable now (gone, hidden while unpriced): nothing was written for it.
        if (!isRefusal(error)) throw error;
        message = orderAgainShortfall({ description, ordered, added: 0, inCartBefore, available: 0, display: { mode: 'exact', cap: 1 } });
      }
      const outcome = added === ordered ? 'added' : available === 0 ? 'unavailable' : 'short';
      lines.push({ productId, description, sku: String(w.sku), ordered, inCartBefore, available, added, outcome, message });
    }
    return lines;
  });
}
