import { asc, eq } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { orderStatuses } from '@/db/schema';
import { num, toDate, type CustomerScope } from '@/db/queries/portal/scope';
import { likeEscape } from '@/lib/like';
import { parseId } from '@/lib/url-params';

export type CustomerOrderFilters = {
  statusId?: number;
  /** Inclusive order dates, YYYY-MM-DD, read in UTC like the dates shown. */
  from?: string;
  to?: string;
  /** An order number, or part of a PO number. */
  search?: string;
  page: number;
  pageSize: number;
};

export type CustomerOrderRow = {
  number: number;
  orderedAt: Date;
  statusName: string;
  statusColor: string;
  channelName: string;
  poNumber: string | null;
  items: number;
  /** Minor units; lines "to be quoted" count as zero and set `hasUnpriced`. */
  total: number;
  hasUnpriced: boolean;
  invoice: CustomerInvoiceState;
  /** Tracking numbers recorded on the order. */
  tracking: number;
};

/** Where the order's invoices stand: none yet, all paid, or unpaid with the earliest due date. */
export type CustomerInvoiceState =
  | { state: 'not_invoiced' }
  | { state: 'paid'; count: number }
  | { state: 'unpaid'; count: number; dueOn: string };

/**
 * The Orders page: every order of the customer's organization, from any
 * channel, newest first. One page is read, then its totals in the same
 * statement, so the cost follows the page size and not the history.
 */
export async function listCustomerOrders(
  db: DbOrTx,
  params: CustomerScope & CustomerOrderFilters,
): Promise<{ rows: CustomerOrderRow[]; total: number }> {
  const { sellerId, organizationId, pageSize } = params;
  const conditions = [sql`o.seller_id = ${sellerId}`, sql`o.organization_id = ${organizationId}`];
  if (params.statusId) conditions.push(sql`o.status_id = ${params.statusId}`);
  if (params.from) conditions.push(sql`o.created_at >= (${params.from}::date)::timestamp at time zone 'UTC'`);
  if (params.to) conditions.push(sql`o.created_at < (${params.to}::date + 1)::timestamp at time zone 'UTC'`);
  const search = params.search?.trim();
  if (search) {
    const number = parseId(search);
    const po = sql`o.po_number ilike ${`%${likeEscape(search)}%`}`;
    conditions.push(number ? sql`(o.number = ${number} or ${po})` : po);
  }
  const where = sql.join(conditions, sql` and `);
  const offset = (Math.max(1, params.page) - 1) * pageSize;

  const [rows, counted] = await Promise.all([
    queryRows(db, sql`
      with page as (
        select o.id, o.number, o.created_at, o.po_number, o.status_id, o.channel_id
        from sales_orders o
        where ${where}
        order by o.created_at desc, o.id desc
        limit ${pageSize} offset ${offset}
      )
      select page.number, page.created_at, page.po_number,
             st.name as status_name, st.color as status_color, ch.name as channel_name,
             t.items, t.total, t.unpriced,
             inv.invoices, inv.unpaid, inv.due_on,
             (select count(*)::int from order_shipments sh where sh.order_id = page.id and sh.seller_id = ${sellerId}) as tracking
      from page
      join order_statuses st on st.id = page.status_id and st.seller_id = ${sellerId}
      join sales_channels ch on ch.id = page.channel_id and ch.seller_id = ${sellerId}
      left join lateral (
        select coalesce(sum(l.quantity), 0)::int as items,
               coalesce(sum(coalesce(l.unit_price, 0)::bigint * l.quantity), 0)::text as total,
               coalesce(bool_or(l.unit_price is null), false) as unpriced
        from sales_order_lines l
        where l.order_id = page.id and l.seller_id = ${sellerId}
      ) t on true
      left join lateral (
        select count(*)::int as invoices,
               count(*) filter (where i.paid_at is null)::int as unpaid,
               to_char(min(i.due_on) filter (where i.paid_at is null), 'YYYY-MM-DD') as due_on
        from invoices i
        where i.order_id = page.id and i.seller_id = ${sellerId} and i.voided_at is null
      ) inv on true
      order by page.created_at desc, page.id desc`),
    queryRows(db, sql`select count(*)::int as n from sales_orders o where ${where}`),
  ]);
  return {
    rows: rows.map((r) => ({
      number: num(r.number),
      orderedAt: toDate(r.created_at),
      statusName: String(r.status_name),
      statusColor: String(r.status_color),
      channelName: String(r.channel_name),
      poNumber: (r.po_number as string | null) ?? null,
      items: num(r.items),
      total: num(r.total),
      hasUnpriced: Boolean(r.unpriced),
      invoice: invoiceState(num(r.invoices), num(r.unpaid), (r.due_on as string | null) ?? null),
      tracking: num(r.tracking),
    })),
    total: num(counted[0]?.n),
  };
}

function invoiceState(invoices: number, unpaid: number, dueOn: string | null): CustomerInvoiceState {
  if (!invoices) return { state: 'not_invoiced' };
  if (unpaid && dueOn) return { state: 'unpaid', count: unpaid, dueOn };
  return { state: 'paid', count: invoices };
}

/** The seller's order statuses, for the status filter. */
export async function customerOrderStatusOptions(db: DbOrTx, params: { sellerId: number }) {
  return db
    .select({ id: orderStatuses.id, name: orderStatuses.name, color: orderStatuses.color })
    .from(orderStatuses)
    .where(eq(orderStatuses.sellerId, params.sellerId))
    .orderBy(asc(orderStatuses.position), asc(orderStatuses.id));
}
