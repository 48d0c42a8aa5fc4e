import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { num, type CustomerScope } from '@/db/queries/portal/scope';

/**
 * Where an invoice stands for the buyer. Overdue is unpaid with its due date
 * past (due today is not overdue yet); "credited" is unpaid with nothing left
 * to pay after its credit notes.
 */
export type CustomerInvoiceStatus = 'paid' | 'unpaid' | 'overdue' | 'credited' | 'void';

export const customerInvoiceShows = ['unpaid', 'overdue'] as const;
/** Unpaid: unpaid and overdue invoices with a balance left; overdue: only those past their due date. */
export type CustomerInvoiceShow = (typeof customerInvoiceShows)[number];

export type ListCustomerInvoicesParams = CustomerScope & {
  show?: CustomerInvoiceShow;
  /** The calendar day (YYYY-MM-DD) that decides what is overdue. */
  today: string;
  page: number;
  pageSize: number;
};

export type CustomerInvoiceRow = {
  number: number;
  orderNumber: number;
  issuedOn: string;
  dueOn: string;
  /** Minor units. */
  total: number;
  /** What credit notes took off it. */
  credited: number;
  /** Total minus credit notes: what is left to pay while it is unpaid. */
  balance: number;
  currency: string;
  status: CustomerInvoiceStatus;
};

/** What the organization owes, over all its invoices whatever the filter. */
export type CustomerInvoiceTotals = {
  /** Balances of unpaid (and overdue) invoices, void ones never count. */
  outstanding: number;
  outstandingCount: number;
  overdue: number;
  overdueCount: number;
};

/**
 * The Invoices page: every invoice of the organization's orders (any channel),
 * newest first, one page of them, with the organization's outstanding and
 * overdue totals and the filtered count, in one statement.
 */
export async function listCustomerInvoices(
  db: DbOrTx,
  params: ListCustomerInvoicesParams,
): Promise<{ rows: CustomerInvoiceRow[]; total: number; totals: CustomerInvoiceTotals }> {
  const { sellerId, organizationId, pageSize } = params;
  const offset = (Math.max(1, params.page) - 1) * pageSize;
  const shown =
    params.show === 'overdue' ? sql`inv.status = 'overdue'` : params.show === 'unpaid' ? sql`inv.status in ('unpaid', 'overdue')` : sql`true`;

  const rows = await queryRows(db, sql`
    with inv as (
      select i.id, i.number, o.number as order_number,
             to_char(i.issued_on, 'YYYY-MM-DD') as issued_on, to_char(i.due_on, 'YYYY-MM-DD') as due_on,
             i.total, i.currency, coalesce(c.credited, 0) as credited,
             case when i.voided_at is not null then 'void'
                  when i.paid_at is not null then 'paid'
                  when i.total - coalesce(c.credited, 0) <= 0 then 'credited'
                  when i.due_on < ${params.today}::date then 'overdue'
                  else 'unpaid' end as status
      from invoices i
      join sales_orders o on o.id = i.order_id and o.seller_id = ${sellerId}
      left join lateral (
        select sum(cn.amount) as credited from credit_notes cn where cn.invoice_id = i.id and cn.seller_id = ${sellerId}
      ) c on true
      where i.seller_id = ${sellerId} and o.organization_id = ${organizationId}
    ),
    summary as (
      select count(*) filter (where ${shown})::int as matching,
             coalesce(sum(inv.total - inv.credited) filter (where inv.status in ('unpaid', 'overdue')), 0)::text as outstanding,
             count(*) filter (where inv.status in ('unpaid', 'overdue'))::int as outstanding_count,
             coalesce(sum(inv.total - inv.credited) filter (where inv.status = 'overdue'), 0)::text as overdue,
             count(*) filter (where inv.status = 'overdue')::int as overdue_count
      from inv
    ),
    page as (
      select inv.* from inv where ${shown}
      order by inv.issued_on desc, inv.number desc
      limit ${pageSize} offset ${offset}
    )
    select summary.*, page.number, page.order_number, page.issued_on, page.due_on,
           page.total::text as total, page.credited::text as credited, page.currency, page.status
    from summary left join page on true
    order by page.issued_on desc, page.number desc`);

  const head = rows[0];
  return {
    rows: rows
      .filter((r) => r.number !== null && r.number !== undefined)
      .map((r) => {
        const total = num(r.total);
        const credited = num(r.credited);
        return {
          number: num(r.number),
          orderNumber: num(r.order_number),
          issuedOn: String(r.issued_on),
          dueOn: String(r.due_on),
          total,
          credited,
          balance: total - credited,
          currency: String(r.currency),
          status: r.status as CustomerInvoiceStatus,
        };
      }),
    total: num(head?.matching),
    totals: {
      outstanding: num(head?.outstanding),
      outstandingCount: num(head?.outstanding_count),
      overdue: num(head?.overdue),
      overdueCount: num(head?.overdue_count),
    },
  };
}
