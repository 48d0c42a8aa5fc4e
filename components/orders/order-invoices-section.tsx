import Link from 'next/link';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { ActionForm, ActionResultScope } from '@/components/ui/action-form';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import type { OrderDetail } from '@/db/queries/orders/order-detail';
import { createInvoiceAction } from '@/lib/actions/orders/create-invoice';
import { emailInvoiceAction } from '@/lib/actions/orders/email-invoice';
import { setInvoicePaidAction } from '@/lib/actions/orders/set-invoice-paid';
import { formatMoney } from '@/lib/money';
import { CreateAnotherInvoiceButton, CreditNoteButton, VoidInvoiceButton } from './invoice-actions';

/**
 * Invoices of the order: create (and email), email again, mark paid or
 * unpaid, void, credit notes, open the printable page. Once the order is
 * fully invoiced, a new invoice is "Create another invoice…" with a
 * confirmation naming what exists.
 */
export function OrderInvoicesSection({ detail }: { detail: OrderDetail }) {
  const { order, invoices, creditNotes } = detail;
  const active = invoices.filter((i) => i.voidedAt === null);
  const existing = active.map((i) => `${i.number}, ${formatMoney(i.total, i.currency)}`).join('; ');
  return (
    <section aria-labelledby="invoices-heading" className="space-y-3">
      <h2 id="invoices-heading" className="text-lg font-semibold">
        Invoices
      </h2>
      <ActionResultScope className="space-y-3">
        <Table caption={`Invoices of order ${order.number}`}>
          <thead>
            <tr>
              <Th>Invoice</Th>
              <Th>Issued</Th>
              <Th>Due</Th>
              <Th className="text-right">Total</Th>
              <Th>Status</Th>
              <Th className="text-right">Credited</Th>
              <Th>Emailed</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {invoices.length === 0 ? <EmptyRow colSpan={8}>No invoice yet.</EmptyRow> : null}
            {invoices.map((inv) => (
              <tr key={inv.id}>
                <Td>
                  <Link href={`/admin/orders/${order.number}/invoices/${inv.number}`} className="font-medium text-[var(--brand-text)] underline">
                    {inv.number}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{formatDate(inv.issuedOn)}</Td>
                <Td className="whitespace-nowrap">{formatDate(inv.dueOn)}</Td>
                <Td className="text-right tabular-nums">{formatMoney(inv.total, inv.currency)}</Td>
                <Td>
                  {inv.voidedAt ? (
                    <span>
                      <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold uppercase text-slate-800">Void</span>{' '}
                      <span className="text-xs text-slate-600">{inv.voidReason}</span>
                    </span>
                  ) : inv.paidAt ? (
                    <span className="text-green-700">Paid {formatDate(inv.paidAt)}</span>
                  ) : (
                    <span className="text-amber-700">Unpaid</span>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{inv.credited ? formatMoney(inv.credited, inv.currency) : '—'}</Td>
                <Td className="whitespace-nowrap">{inv.emailedAt ? formatDateTime(inv.emailedAt) : 'Not emailed'}</Td>
                <Td>
                  {inv.voidedAt ? null : (
                    <div className="flex flex-wrap justify-end gap-2">
                      <ActionForm
                        action={emailInvoiceAction}
                        submitLabel={inv.emailedAt ? 'Email again' : 'Email'}
                        submitName={inv.emailedAt ? `Email again, invoice ${inv.number}` : `Email, invoice ${inv.number}`}
                        variant="secondary"
                        size="sm"
                      >
                        <input type="hidden" name="orderNumber" value={order.number} />
                        <input type="hidden" name="invoiceNumber" value={inv.number} />
                      </ActionForm>
                      <ActionForm
                        action={setInvoicePaidAction}
                        submitLabel={inv.paidAt ? 'Mark unpaid' : 'Mark paid'}
                        submitName={inv.paidAt ? `Mark unpaid, invoice ${inv.number}` : `Mark paid, invoice ${inv.number}`}
                        variant={inv.paidAt ? 'ghost' : 'secondary'}
                        size="sm"
                      >
                        <input type="hidden" name="orderNumber" value={order.number} />
                        <input type="hidden" name="invoiceNumber" value={inv.number} />
                        <input type="hidden" name="paid" value={inv.paidAt ? 'false' : 'true'} />
                      </ActionForm>
                      <CreditNoteButton
                        orderNumber={order.number}
                        invoiceNumber={inv.number}
                        leftToCredit={formatMoney(inv.total - inv.credited, inv.currency)}
                      />
                      {inv.paidAt ? null : (
                        <VoidInvoiceButton orderNumber={order.number} invoiceNumber={inv.number} total={formatMoney(inv.total, inv.currency)} />
                      )}
                    </div>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {creditNotes.length ? (
          <Table caption={`Credit notes of order ${order.number}`}>
            <thead>
              <tr>
                <Th>Credit note</Th>
                <Th>Invoice</Th>
                <Th>Issued</Th>
                <Th className="text-right">Amount</Th>
                <Th>Reason</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {creditNotes.map((note) => (
                <tr key={note.id}>
                  <Td className="font-medium">{note.number}</Td>
                  <Td>{note.invoiceNumber}</Td>
                  <Td className="whitespace-nowrap">{note.issuedOn}</Td>
                  <Td className="text-right tabular-nums">−{formatMoney(note.amount, note.currency)}</Td>
                  <Td>{note.reason}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
        <div className="flex flex-wrap gap-3">
          {detail.fullyInvoiced ? (
            <CreateAnotherInvoiceButton orderNumber={order.number} existing={existing} />
          ) : (
            <>
              <ActionForm action={createInvoiceAction} submitLabel="Create and email invoice" variant={active.length ? 'secondary' : 'primary'}>
                <input type="hidden" name="orderNumber" value={order.number} />
                <input type="hidden" name="email" value="true" />
              </ActionForm>
              <ActionForm action={createInvoiceAction} submitLabel="Create invoice without emailing" variant="secondary">
                <input type="hidden" name="orderNumber" value={order.number} />
                <input type="hidden" name="email" value="false" />
              </ActionForm>
            </>
          )}
        </div>
      </ActionResultScope>
      <p className="text-xs text-slate-600">
        An invoice is made from the lines as they are now; the email goes to the account that placed the order, else the organization&apos;s
        email{order.organizationEmail ? ` (${order.organizationEmail})` : ''}.
      </p>
    </section>
  );
}
