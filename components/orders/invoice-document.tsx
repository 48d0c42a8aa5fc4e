import type { PostalAddress } from '@/db/schema';
import type { InvoiceForPrint } from '@/db/queries/orders/invoice-for-print';
import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';

function Address({ title, address }: { title: string; address: PostalAddress | null }) {
  if (!address) return null;
  return (
    <div>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</p>
      <address className="not-italic">
        {address.line1}
        {address.line2 ? <br /> : null}
        {address.line2}
        <br />
        {[address.postalCode, address.city].filter(Boolean).join(' ')}
        {address.region ? `, ${address.region}` : ''}
        <br />
        {address.country}
      </address>
    </div>
  );
}

/** The invoice as the customer reads it: seller, customer, order, lines, total, due date, how to pay. */
export function InvoiceDocument({ invoice }: { invoice: InvoiceForPrint }) {
  const money = (n: number) => formatMoney(n, invoice.invoice.currency);
  const anyToQuote = invoice.lines.some((l) => l.unitPrice === null);
  return (
    <article className="mx-auto max-w-3xl space-y-8 bg-white p-10 shadow print:max-w-none print:p-0 print:shadow-none" aria-label={`Invoice ${invoice.invoice.number}`}>
      <header className="flex items-start justify-between gap-6 border-b-4 pb-6" style={{ borderColor: invoice.brandColor }}>
        <div>
          {invoice.logoPath ? (
            // eslint-disable-next-line @next/next/no-img-element -- the stored logo, already fitted to 600×200 and cached by its hash
            <img src={invoice.logoPath} alt="" className="mb-2 h-10 w-auto" />
          ) : null}
          <p className="text-xl font-bold" style={{ color: invoice.brandColor }}>
            {invoice.sellerDisplayName}
          </p>
        </div>
        <div className="text-right">
          <h1 className="text-2xl font-bold">Invoice {invoice.invoice.number}</h1>
          <dl className="mt-2 grid grid-cols-[auto_auto] gap-x-3 text-sm">
            <dt className="text-slate-500">Issued</dt>
            <dd>{invoice.invoice.issuedOn}</dd>
            <dt className="text-slate-500">Due</dt>
            <dd className="font-semibold">{invoice.invoice.dueOn}</dd>
            <dt className="text-slate-500">Order</dt>
            <dd>
              {invoice.orderNumber} ({formatDate(invoice.orderDate)})
            </dd>
            {invoice.poNumber ? (
              <>
                <dt className="text-slate-500">PO number</dt>
                <dd>{invoice.poNumber}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">Status</dt>
            <dd>{invoice.invoice.paidAt ? `Paid ${formatDate(invoice.invoice.paidAt)}` : 'Unpaid'}</dd>
          </dl>
        </div>
      </header>

      <section className="grid gap-6 text-sm sm:grid-cols-3">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Bill to</p>
          <p className="font-semibold">{invoice.organizationName}</p>
          {invoice.organizationEmail ? <p>{invoice.organizationEmail}</p> : null}
          {invoice.organizationPhone ? <p>{invoice.organizationPhone}</p> : null}
        </div>
        <Address title="Billing address" address={invoice.billingAddress} />
        <Address title="Shipping address" address={invoice.shippingAddress} />
      </section>

      <table className="w-full text-sm">
        <caption className="sr-only">Lines of invoice {invoice.invoice.number}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-2">Product</th>
            <th scope="col" className="py-2 text-right">Quantity</th>
            <th scope="col" className="py-2 text-right">Unit price</th>
            <th scope="col" className="py-2 text-right">Amount</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invoice.lines.map((l) => (
            <tr key={l.id}>
              <td className="py-2">
                {l.description}
                {l.sku ? <span className="block font-mono text-xs text-slate-500">{l.sku}</span> : null}
              </td>
              <td className="py-2 text-right tabular-nums">{l.quantity}</td>
              <td className="py-2 text-right tabular-nums">{l.unitPrice === null ? 'to be quoted' : money(l.unitPrice)}</td>
              <td className="py-2 text-right tabular-nums">{l.unitPrice === null ? 'to be quoted' : money(l.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-300 font-bold">
            <td className="py-2" colSpan={3}>
              Total
            </td>
            <td className="py-2 text-right tabular-nums">{money(invoice.invoice.total)}</td>
          </tr>
        </tfoot>
      </table>
      {anyToQuote ? <p className="text-sm text-slate-600">Lines marked “to be quoted” count as zero until their price is confirmed.</p> : null}

      <section className="space-y-1 text-sm">
        <h2 className="font-semibold">Payment</h2>
        <p>{invoice.invoice.paymentMethodName ?? 'To be agreed with your sales representative.'}</p>
        {invoice.invoice.paymentInstructions ? <p className="whitespace-pre-line text-slate-700">{invoice.invoice.paymentInstructions}</p> : null}
      </section>
    </article>
  );
}
