import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { num, toDate, type CustomerScope } from '@/db/queries/portal/scope';

/** One thing that makes up the organization's credit with the seller. */
export type CreditBalanceEntry =
  | { kind: 'rma'; rmaNumber: number; amount: number; on: Date }
  | { kind: 'credit_note'; creditNoteNumber: number; invoiceNumber: number; orderNumber: number; amount: number; on: Date };

export type CreditBalance = {
  /** Minor units, in the seller's currency. */
  total: number;
  entries: CreditBalanceEntry[];
};

export type OrganizationCreditBalanceParams = CustomerScope;

/**
 * The credit an organization holds with the seller, and what makes it, in one
 * statement: the approved refunds of its RMAs resolved as credit (rejected
 * devices count nothing), and credit notes issued on an invoice after it was
 * paid (money owed back; a credit note before payment lowered what was paid,
 * so it is not credit). Nothing is applied automatically; staff apply credit.
 */
export async function organizationCreditBalance(db: DbOrTx, params: OrganizationCreditBalanceParams): Promise<CreditBalance> {
  const { sellerId, organizationId } = params;
  const rows = await queryRows(db, sql`
    select 'rma' as kind, r.number, null::int as invoice_number, null::int as order_number,
           r.updated_at as dated, sum(l.refund_amount)::text as amount
    from rmas r
    join rma_lines l on l.rma_id = r.id and l.seller_id = ${sellerId}
    where r.seller_id = ${sellerId} and r.organization_id = ${organizationId}
      and r.status = 'resolved' and r.resolution = 'credit' and l.rejection_reason is null
    group by r.id, r.number, r.updated_at
    having sum(l.refund_amount) > 0
    union all
    select 'credit_note' as kind, cn.number, i.number as invoice_number, o.number as order_number,
           cn.created_at as dated, cn.amount::text as amount
    from credit_notes cn
    join invoices i on i.id = cn.invoice_id and i.seller_id = ${sellerId}
    join sales_orders o on o.id = i.order_id and o.seller_id = ${sellerId}
    where cn.seller_id = ${sellerId} and o.organization_id = ${organizationId}
      and i.voided_at is null and i.paid_at is not null and cn.created_at >= i.paid_at
    order by dated desc, number desc`);

  const entries = rows.map((r): CreditBalanceEntry => {
    const amount = num(r.amount);
    const on = toDate(r.dated);
    return r.kind === 'rma'
      ? { kind: 'rma', rmaNumber: num(r.number), amount, on }
      : { kind: 'credit_note', creditNoteNumber: num(r.number), invoiceNumber: num(r.invoice_number), orderNumber: num(r.order_number), amount, on };
  });
  return { total: entries.reduce((sum, e) => sum + e.amount, 0), entries };
}
