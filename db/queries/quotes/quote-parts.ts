import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { organizations, portalAccounts, staffUsers } from '@/db/schema';
import { describeProduct } from '@/lib/products';
import { Refusal } from '@/lib/refusal';
import type { QuoteDisplayStatus } from '@/lib/validation/quotes';
import type { QuoteEmailLine } from '@/lib/email/templates/quotes';
import { findSellerBrand } from '../seller-brand';
import { sellerCurrency } from '../orders/lock-order';
import { num } from '../portal/scope';

/**
 * "Today" for validity dates: the calendar day in UTC, the zone every screen
 * shows dates in (lib/format/dates.ts), whatever the database server's zone.
 */
export const today = sql`(now() at time zone 'UTC')::date`;

/** The status people read, from a quote joined as `q`: an answered quote past its validity date is expired. */
export const displayStatus = sql<QuoteDisplayStatus>`(case when q.status = 'answered' and q.valid_until < ${today} then 'expired' else q.status::text end)`;

export const quoteNotFound = () => new Refusal('This quote was not found.', { code: 'not_found' });

export type LockedQuote = {
  id: number;
  number: number;
  organizationId: number;
  portalAccountId: number;
  status: QuoteDisplayStatus;
  validUntil: string | null;
  orderId: number | null;
  orderNumber: number | null;
};

/**
 * Locks one quote of the seller (of one organization, for a buyer) for the
 * rest of the transaction: two accepts, or an accept and a withdraw, run one
 * after the other, and the second sees what the first did.
 */
export async function lockQuote(tx: DbOrTx, params: { sellerId: number; number: number; organizationId?: number }): Promise<LockedQuote> {
  const org: SQL = params.organizationId === undefined ? sql`true` : sql`q.organization_id = ${params.organizationId}`;
  const [row] = await queryRows<LockedQuote>(tx, sql`
    select q.id, q.number, q.organization_id as "organizationId", q.portal_account_id as "portalAccountId",
      ${displayStatus} as status, q.valid_until::text as "validUntil", q.order_id as "orderId"
    from quotes q
    where q.seller_id = ${params.sellerId} and q.number = ${params.number} and ${org}
    for update of q`);
  if (!row) throw quoteNotFound();
  const orderId = row.orderId === null ? null : num(row.orderId);
  // A statement of its own: after waiting for the lock, the locked row is read as the other
  // transaction committed it, but the rest of that statement still sees the older snapshot
  // (where the order it placed does not exist yet).
  const [order] = orderId
    ? await queryRows<{ number: number }>(tx, sql`select number from sales_orders where id = ${orderId} and seller_id = ${params.sellerId}`)
    : [];
  return { ...row, id: num(row.id), orderId, orderNumber: order ? num(order.number) : null };
}

/** Why a quote in this status cannot be changed (answered, withdrawn, accepted, declined) any more. */
export function closedQuoteRefusal(quote: Pick<LockedQuote, 'number' | 'status' | 'validUntil' | 'orderNumber'>): Refusal {
  const n = quote.number;
  switch (quote.status) {
    case 'accepted':
      return new Refusal(`Quote ${n} was already accepted${quote.orderNumber ? `: it became order ${quote.orderNumber}` : ''}.`, { code: 'conflict' });
    case 'declined':
      return new Refusal(`Quote ${n} was declined; it can no longer be accepted or changed.`, { code: 'conflict' });
    case 'withdrawn':
      return new Refusal(`Quote ${n} was withdrawn; it can no longer be accepted or changed.`, { code: 'conflict' });
    case 'expired':
      return new Refusal(`Quote ${n} expired on ${quote.validUntil}; it can no longer be accepted. Ask for a new quote from your cart.`, { code: 'conflict' });
    case 'requested':
      return new Refusal(`Quote ${n} has not been answered yet.`, { code: 'conflict' });
    default:
      return new Refusal(`Quote ${n} cannot be changed now.`, { code: 'conflict' });
  }
}

/** The quote's lines with their products, in order, for emails and the order. */
export async function quoteLinesOf(tx: DbOrTx, params: { sellerId: number; quoteId: number }) {
  const rows = await queryRows<{
    id: number;
    productId: number;
    quantity: number;
    targetUnitPrice: number | null;
    quotedUnitPrice: number | null;
    sku: string;
    manufacturer: string;
    model: string;
    capacity: string;
    color: string;
    network: string;
    grade: string;
  }>(tx, sql`
    select l.id, l.product_id as "productId", l.quantity, l.target_unit_price as "targetUnitPrice", l.quoted_unit_price as "quotedUnitPrice",
      p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade
    from quote_lines l join products p on p.id = l.product_id and p.seller_id = l.seller_id
    where l.quote_id = ${params.quoteId} and l.seller_id = ${params.sellerId}
    order by l.position, l.id`);
  return rows.map((r) => ({
    ...r,
    id: num(r.id),
    productId: num(r.productId),
    quantity: num(r.quantity),
    targetUnitPrice: r.targetUnitPrice === null ? null : num(r.targetUnitPrice),
    quotedUnitPrice: r.quotedUnitPrice === null ? null : num(r.quotedUnitPrice),
  }));
}

export function emailLines(lines: Awaited<ReturnType<typeof quoteLinesOf>>): QuoteEmailLine[] {
  return lines.map((l) => ({
    description: describeProduct(l),
    sku: l.sku,
    quantity: l.quantity,
    targetUnitPrice: l.targetUnitPrice,
    quotedUnitPrice: l.quotedUnitPrice,
  }));
}

/** Who a quote's emails go to and how they are branded: the requesting buyer, the organization, the seller's active owners. */
export async function quoteAudience(tx: DbOrTx, params: { sellerId: number; portalAccountId: number }) {
  const { sellerId } = params;
  const [buyer] = await tx
    .select({ name: portalAccounts.name, email: portalAccounts.email, organizationName: organizations.name })
    .from(portalAccounts)
    .innerJoin(organizations, and(eq(organizations.id, portalAccounts.organizationId), eq(organizations.sellerId, sellerId)))
    .where(and(eq(portalAccounts.id, params.portalAccountId), eq(portalAccounts.sellerId, sellerId)))
    .limit(1);
  if (!buyer) throw new Error(`Portal account ${params.portalAccountId} not found for seller ${sellerId}`);
  const owners = await tx
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.sellerId, sellerId), eq(staffUsers.status, 'active'), eq(staffUsers.role, 'owner')))
    .orderBy(asc(staffUsers.id));
  return { buyer, owners, brand: await findSellerBrand(tx, sellerId), currency: await sellerCurrency(tx, sellerId) };
}
