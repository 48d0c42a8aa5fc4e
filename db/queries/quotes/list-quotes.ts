import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import type { QuoteDisplayStatus } from '@/lib/validation/quotes';
import { num, toDate } from '../portal/scope';
import { displayStatus } from './quote-parts';

export type QuoteListRow = {
  number: number;
  createdAt: Date;
  status: QuoteDisplayStatus;
  validUntil: string | null;
  organizationId: number;
  organizationName: string;
  requestedByName: string;
  lines: number;
  units: number;
  /** Minor units at the quoted prices; null until answered. */
  total: number | null;
  orderNumber: number | null;
};

type ListParams = { sellerId: number; status?: QuoteDisplayStatus; page: number; pageSize: number };

/** One page of a seller's quotes: requests waiting for an answer first, then newest first. */
export async function listQuotes(db: DbOrTx, params: ListParams & { organizationId?: number }) {
  return quotePage(db, params, params.organizationId === undefined ? sql`true` : sql`q.organization_id = ${params.organizationId}`);
}

/** One page of an organization's quotes for its buyers, newest first. */
export async function listCustomerQuotes(db: DbOrTx, params: ListParams & { organizationId: number }) {
  return quotePage(db, params, sql`q.organization_id = ${params.organizationId}`);
}

async function quotePage(db: DbOrTx, params: ListParams, scope: SQL) {
  const page = Math.max(1, Math.floor(params.page));
  const where = sql`q.seller_id = ${params.sellerId} and ${scope} and ${params.status ? sql`${displayStatus} = ${params.status}` : sql`true`}`;
  const rows = await queryRows<QuoteListRow & { fullCount: number }>(db, sql`
    select q.number, q.created_at as "createdAt", ${displayStatus} as status, q.valid_until::text as "validUntil",
      q.organization_id as "organizationId", o.name as "organizationName", a.name as "requestedByName",
      (select o2.number from sales_orders o2 where o2.id = q.order_id and o2.seller_id = q.seller_id) as "orderNumber",
      s.lines, s.units, s.total,
      count(*) over () as "fullCount"
    from quotes q
    join organizations o on o.id = q.organization_id and o.seller_id = q.seller_id
    join portal_accounts a on a.id = q.portal_account_id and a.seller_id = q.seller_id
    cross join lateral (
      select count(*) as lines, coalesce(sum(l.quantity), 0) as units, case when bool_or(l.quoted_unit_price is null) then null else sum(l.quantity * l.quoted_unit_price) end as total
      from quote_lines l where l.quote_id = q.id and l.seller_id = q.seller_id
    ) s
    where ${where}
    order by (q.status = 'requested') desc, q.created_at desc, q.id desc
    limit ${params.pageSize} offset ${(page - 1) * params.pageSize}`);
  return {
    page,
    total: rows.length ? num(rows[0]!.fullCount) : 0,
    rows: rows.map(
      (r): QuoteListRow => ({
        number: num(r.number),
        createdAt: toDate(r.createdAt),
        status: r.status,
        validUntil: r.validUntil,
        organizationId: num(r.organizationId),
        organizationName: r.organizationName,
        requestedByName: r.requestedByName,
        lines: num(r.lines),
        units: num(r.units),
        total: r.total === null ? null : num(r.total),
        orderNumber: r.orderNumber === null ? null : num(r.orderNumber),
      }),
    ),
  };
}
