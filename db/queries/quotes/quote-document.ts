import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import type { QuoteDisplayStatus } from '@/lib/validation/quotes';
import { joinPriceList, unitPriceAt } from '../pricing';
import { num, toDate } from '../portal/scope';
import { displayStatus } from './quote-parts';

export type QuoteDocumentLine = {
  id: number;
  productId: number;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
  quantity: number;
  targetUnitPrice: number | null;
  quotedUnitPrice: number | null;
  /** What the organization pays for this quantity today (its price list, else list price); null: price on request. */
  currentUnitPrice: number | null;
  /** Available now, for staff pricing the line. */
  available: number;
};

export type QuoteDocument = {
  id: number;
  number: number;
  status: QuoteDisplayStatus;
  organizationId: number;
  organizationName: string;
  requestedBy: { name: string; email: string };
  buyerMessage: string | null;
  staffNote: string | null;
  validUntil: string | null;
  createdAt: Date;
  answeredAt: Date | null;
  answeredByName: string | null;
  acceptedAt: Date | null;
  closedAt: Date | null;
  orderNumber: number | null;
  lines: QuoteDocumentLine[];
  /** Minor units at the quoted prices; null until answered. */
  total: number | null;
};

/** One quote as staff see it: lines, target and quoted prices, and the buyer's current price for comparison. */
export function findQuote(db: DbOrTx, params: { sellerId: number; number: number }) {
  return quoteDocument(db, params, sql`true`);
}

/** One quote of the organization as its buyers see it; another organization's or seller's answers null (404). */
export function findCustomerQuote(db: DbOrTx, params: { sellerId: number; organizationId: number; number: number }) {
  return quoteDocument(db, params, sql`q.organization_id = ${params.organizationId}`);
}

async function quoteDocument(db: DbOrTx, params: { sellerId: number; number: number }, scope: SQL): Promise<QuoteDocument | null> {
  const [quote] = await queryRows<Record<string, unknown>>(db, sql`
    select q.id, q.number, ${displayStatus} as status, q.organization_id as "organizationId", o.name as "organizationName",
      a.name as "requesterName", a.email as "requesterEmail", q.buyer_message as "buyerMessage", q.staff_note as "staffNote",
      q.valid_until::text as "validUntil", q.created_at as "createdAt", q.answered_at as "answeredAt", s.name as "answeredByName",
      q.accepted_at as "acceptedAt", q.closed_at as "closedAt",
      (select so.number from sales_orders so where so.id = q.order_id and so.seller_id = q.seller_id) as "orderNumber"
    from quotes q
    join organizations o on o.id = q.organization_id and o.seller_id = q.seller_id
    join portal_accounts a on a.id = q.portal_account_id and a.seller_id = q.seller_id
    left join staff_users s on s.id = q.answered_by_staff_id and s.seller_id = q.seller_id
    where q.seller_id = ${params.sellerId} and q.number = ${params.number} and ${scope}`);
  if (!quote) return null;
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select l.id, l.product_id as "productId", p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      l.quantity, l.target_unit_price as "targetUnitPrice", l.quoted_unit_price as "quotedUnitPrice",
      ${unitPriceAt(sql`l.quantity`)} as "currentUnitPrice", coalesce(av.quantity, 0) as available
    from quote_lines l
    join products p on p.id = l.product_id and p.seller_id = l.seller_id
    left join product_availability av on av.product_id = p.id
    ${joinPriceList({ sellerId: params.sellerId, organizationId: num(quote.organizationId) })}
    where l.quote_id = ${num(quote.id)} and l.seller_id = ${params.sellerId}
    order by l.position, l.id`);
  const money = (v: unknown) => (v === null || v === undefined ? null : num(v));
  const lines: QuoteDocumentLine[] = rows.map((r) => ({
    id: num(r.id),
    productId: num(r.productId),
    sku: String(r.sku),
    manufacturer: String(r.manufacturer),
    model: String(r.model),
    capacity: String(r.capacity),
    color: String(r.color),
    network: String(r.network),
    grade: String(r.grade),
    quantity: num(r.quantity),
    targetUnitPrice: money(r.targetUnitPrice),
    quotedUnitPrice: money(r.quotedUnitPrice),
    currentUnitPrice: money(r.currentUnitPrice),
    available: num(r.available),
  }));
  const status = quote.status as QuoteDisplayStatus;
  const date = (v: unknown) => (v === null || v === undefined ? null : toDate(v));
  return {
    id: num(quote.id),
    number: num(quote.number),
    status,
    organizationId: num(quote.organizationId),
    organizationName: String(quote.organizationName),
    requestedBy: { name: String(quote.requesterName), email: String(quote.requesterEmail) },
    buyerMessage: (quote.buyerMessage as string | null) ?? null,
    staffNote: (quote.staffNote as string | null) ?? null,
    validUntil: (quote.validUntil as string | null) ?? null,
    createdAt: toDate(quote.createdAt),
    answeredAt: date(quote.answeredAt),
    answeredByName: (quote.answeredByName as string | null) ?? null,
    acceptedAt: date(quote.acceptedAt),
    closedAt: date(quote.closedAt),
    orderNumber: money(quote.orderNumber),
    lines,
    total: lines.some((l) => l.quotedUnitPrice === null) ? null : lines.reduce((sum, l) => sum + (l.quotedUnitPrice ?? 0) * l.quantity, 0),
  };
}
