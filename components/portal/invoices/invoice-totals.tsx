import type { CustomerInvoiceTotals } from '@/db/queries/portal/invoices/list-invoices';
import { formatMoney } from '@/lib/money';

function count(n: number) {
  return n === 1 ? '1 invoice' : `${n} invoices`;
}

/** What the organization owes now: outstanding balances, and the overdue part of them. */
export function InvoiceTotals({ totals, currency }: { totals: CustomerInvoiceTotals; currency: string }) {
  return (
    <dl className="mb-6 grid gap-4 sm:grid-cols-2">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <dt className="text-sm font-medium text-slate-600">Outstanding</dt>
        <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatMoney(totals.outstanding, currency)}</dd>
        <dd className="text-sm text-slate-600">{totals.outstandingCount ? `${count(totals.outstandingCount)} unpaid, after credit notes` : 'Nothing to pay'}</dd>
      </div>
      <div className={`rounded-lg border p-4 ${totals.overdueCount ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'}`}>
        <dt className="text-sm font-medium text-slate-600">Overdue</dt>
        <dd className={`mt-1 text-2xl font-semibold tabular-nums ${totals.overdueCount ? 'text-red-800' : ''}`}>{formatMoney(totals.overdue, currency)}</dd>
        <dd className="text-sm text-slate-600">{totals.overdueCount ? `${count(totals.overdueCount)} past the due date` : 'Nothing overdue'}</dd>
      </div>
    </dl>
  );
}
