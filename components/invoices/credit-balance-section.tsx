import Link from 'next/link';
import type { CreditBalance } from '@/db/queries/invoices/credit-balance';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';

export type CreditBalanceLinks = {
  rma: (rmaNumber: number) => string;
  invoice: (orderNumber: number, invoiceNumber: number) => string;
};

/**
 * An organization's credit with the seller and what makes it: RMAs resolved
 * as credit and credit notes on paid invoices. The buyer's Invoices page and
 * the staff organization page show the same, each with its own links.
 */
export function CreditBalanceSection({
  balance,
  currency,
  heading,
  intro,
  links,
}: {
  balance: CreditBalance;
  currency: string;
  heading: string;
  intro: string;
  links: CreditBalanceLinks;
}) {
  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <section aria-labelledby="credit-heading" className="space-y-3">
      <h2 id="credit-heading" className="text-lg font-semibold">
        {heading}: <span className="tabular-nums">{money(balance.total)}</span>
      </h2>
      {balance.entries.length === 0 ? (
        <p className="text-sm text-slate-600">No credit: no RMA was resolved as credit and no paid invoice was credited.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{intro}</p>
          <Table caption={heading}>
            <thead>
              <tr>
                <Th>From</Th>
                <Th>Date</Th>
                <Th className="text-right">Amount</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {balance.entries.map((entry) =>
                entry.kind === 'rma' ? (
                  <tr key={`rma-${entry.rmaNumber}`}>
                    <Td>
                      <Link href={links.rma(entry.rmaNumber)} className="font-medium text-[var(--brand-text)] hover:underline">
                        RMA {entry.rmaNumber}
                      </Link>{' '}
                      <span className="text-slate-600">resolved as credit</span>
                    </Td>
                    <Td>{formatDate(entry.on)}</Td>
                    <Td className="text-right tabular-nums">{money(entry.amount)}</Td>
                  </tr>
                ) : (
                  <tr key={`note-${entry.creditNoteNumber}`}>
                    <Td>
                      Credit note {entry.creditNoteNumber} on{' '}
                      <Link href={links.invoice(entry.orderNumber, entry.invoiceNumber)} className="font-medium text-[var(--brand-text)] hover:underline">
                        invoice {entry.invoiceNumber}
                      </Link>{' '}
                      <span className="text-slate-600">(paid)</span>
                    </Td>
                    <Td>{formatDate(entry.on)}</Td>
                    <Td className="text-right tabular-nums">{money(entry.amount)}</Td>
                  </tr>
                ),
              )}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <Td colSpan={2} className="text-right">
                  Credit balance
                </Td>
                <Td className="text-right tabular-nums">{money(balance.total)}</Td>
              </tr>
            </tfoot>
          </Table>
        </>
      )}
    </section>
  );
}
