import type { ReactNode } from 'react';
import type { PostalAddress } from '@/db/schema';
import { brandTextColor } from '@/lib/brand';
import { formatDate } from '@/lib/format/dates';
import { addressLines, invoiceStateLabel, shipToLines, type InvoiceDocument } from '@/lib/invoices/document';
import { formatMoney } from '@/lib/money';
import { companyAddressLines, taxIdLine } from '@/lib/company-profile';

function AddressBlock({ title, address, children }: { title: string; address: PostalAddress | null; children?: ReactNode }) {
  return (
    <div>
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {children}
      <address className="not-italic text-slate-700">
        {addressLines(address).map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
      </address>
    </div>
  );
}

/**
 * The one HTML view of an invoice: the customer's invoice page and the staff
 * print page, with the same content as its PDF. Staff also see the
 * organization's contact, order date and when it was paid.
 */
export function InvoiceView({ invoice, audience = 'customer' }: { invoice: InvoiceDocument; audience?: 'customer' | 'staff' }) {
  const staff = audience === 'staff';
  const style = invoice.format;
  const money = (minor: number) => formatMoney(minor, invoice.currency, style.locale);
  const date = (value: Date | string | null | undefined) => formatDate(value, style);
  const company = invoice.company;
  const anyToQuote = invoice.lines.some((l) => l.unitPrice === null);
  const credits = invoice.creditNotes ?? [];
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm print:rounded-none print:border-0 print:p-0 print:shadow-none" aria-label={`Invoice ${invoice.invoiceNumber}`}>
      <header className="flex flex-wrap items-start justify-between gap-4 border-b-4 pb-4" style={{ borderColor: invoice.brandColor }}>
        <div>
          {invoice.logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- the stored logo, already fitted to 600×200 and cached by its hash
            <img src={invoice.logo.path} width={invoice.logo.width} height={invoice.logo.height} alt="" className="mb-2 h-10 w-auto" />
          ) : null}
          <p className="text-2xl font-bold" style={{ color: brandTextColor(invoice.brandColor) }}>
            {invoice.sellerName}
          </p>
          <address className="mt-1 text-sm not-italic text-slate-700" role="group" aria-label="Issued by">
            {company.legalName !== invoice.sellerName ? <span className="block font-semibold">{company.legalName}</span> : null}
            {companyAddressLines(company).map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
            {company.taxId ? <span className="block">{taxIdLine(company.taxId)}</span> : null}
            {company.contactEmail ? <span className="block">{company.contactEmail}</span> : null}
            {company.contactPhone ? <span className="block">{company.contactPhone}</span> : null}
          </address>
        </div>
        <div className="text-right">
          <p className="text-2xl font-bold tracking-wide">{invoice.voided ? 'VOID INVOICE' : 'INVOICE'}</p>
          <p className="font-semibold">Invoice {invoice.invoiceNumber}</p>
        </div>
      </header>
      {invoice.voided ? (
        <div className="mt-4 rounded-md border-2 border-red-700 px-4 py-2 text-red-800" role="note">
          <p className="text-lg font-bold uppercase tracking-wide">Void</p>
          <p className="text-sm">
            This invoice was voided on {date(invoice.voided.at)} and is not payable{invoice.voided.reason ? `: ${invoice.voided.reason}` : '.'}
          </p>
        </div>
      ) : null}
      <div className="mt-6 grid gap-6 sm:grid-cols-2">
        <div className="space-y-4">
          <AddressBlock title="Bill to" address={invoice.billingAddress}>
            <p className="mt-1 font-semibold">{invoice.organizationName}</p>
            {staff && invoice.organizationEmail ? <p className="text-slate-700">{invoice.organizationEmail}</p> : null}
            {staff && invoice.organizationPhone ? <p className="text-slate-700">{invoice.organizationPhone}</p> : null}
          </AddressBlock>
          {invoice.shipTo ? (
            <div>
              <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Ship to</h2>
              <p className="mt-1 font-semibold">{invoice.shipTo.label}</p>
              <address className="not-italic text-slate-700">
                {shipToLines(invoice.shipTo).map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
              </address>
            </div>
          ) : null}
        </div>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:justify-self-end">
          <dt className="text-slate-500">Invoice number</dt>
          <dd className="text-right">{invoice.invoiceNumber}</dd>
          <dt className="text-slate-500">Order number</dt>
          <dd className="text-right">
            {invoice.orderNumber}
            {staff && invoice.orderedAt ? ` (${date(invoice.orderedAt)})` : null}
          </dd>
          {invoice.poNumber ? (
            <>
              <dt className="text-slate-500">PO number</dt>
              <dd className="text-right">{invoice.poNumber}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">Issued</dt>
          <dd className="text-right">{date(invoice.issuedOn)}</dd>
          <dt className="text-slate-500">Due date</dt>
          <dd className="text-right font-semibold">{date(invoice.dueOn)}</dd>
          <dt className="text-slate-500">Status</dt>
          <dd className="text-right">{!invoice.voided && invoice.paid && staff && invoice.paidAt ? `Paid ${date(invoice.paidAt)}` : invoiceStateLabel(invoice)}</dd>
        </dl>
      </div>
      <table className="mt-8 w-full text-sm">
        <caption className="sr-only">Lines of invoice {invoice.invoiceNumber}</caption>
        <thead>
          <tr className="border-b-2 border-slate-800 text-left text-xs uppercase tracking-wide text-slate-500">
            <th scope="col" className="py-2">Product</th>
            <th scope="col" className="py-2 text-right">Qty</th>
            <th scope="col" className="py-2 text-right">Unit price</th>
            <th scope="col" className="py-2 text-right">Amount</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {invoice.lines.map((line, i) => (
            <tr key={i}>
              <td className="py-2">
                {line.description}
                {line.sku ? <span className="ml-1 font-mono text-xs text-slate-500">({line.sku})</span> : null}
              </td>
              <td className="py-2 text-right tabular-nums">{line.quantity}</td>
              <td className="py-2 text-right tabular-nums">{line.unitPrice === null ? 'to be quoted' : money(line.unitPrice)}</td>
              <td className="py-2 text-right tabular-nums">{line.unitPrice === null ? 'to be quoted' : money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <td colSpan={3} className="pr-4 pt-3 text-right">
              Total
            </td>
            <td className="pt-3 text-right tabular-nums">{money(invoice.total)}</td>
          </tr>
          {credits.map((note) => (
            <tr key={note.number}>
              <td colSpan={3} className="pr-4 pt-1 text-right">
                Credit note {note.number} ({date(note.issuedOn)}): {note.reason}
              </td>
              <td className="pt-1 text-right tabular-nums">−{money(note.amount)}</td>
            </tr>
          ))}
          {credits.length ? (
            <tr className="font-semibold">
              <td colSpan={3} className="pr-4 pt-1 text-right">
                Balance after credit notes
              </td>
              <td className="pt-1 text-right tabular-nums">{money(invoice.balance ?? invoice.total)}</td>
            </tr>
          ) : null}
        </tfoot>
      </table>
      {anyToQuote ? <p className="mt-2 text-xs text-slate-500">Lines marked “to be quoted” are not in the total; their price will be confirmed.</p> : null}
      <section className="mt-8">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Payment</h2>
        <p className="mt-1 font-semibold">
          {invoice.paymentMethodName ?? 'To be agreed with your sales representative'}, due {date(invoice.dueOn)}
        </p>
        {invoice.paymentInstructions ? <p className="mt-1 whitespace-pre-line text-slate-700">{invoice.paymentInstructions}</p> : null}
      </section>
    </article>
  );
}
