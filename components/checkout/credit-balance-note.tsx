import Link from 'next/link';
import { formatMoney } from '@/lib/money';

/** Information only: the buyer's credit is applied by the seller, never taken off at checkout. */
export function CreditBalanceNote({ total, currency, sellerName, invoicesHref }: { total: number; currency: string; sellerName: string; invoicesHref: string }) {
  if (total <= 0) return null;
  return (
    <p role="note" className="mb-4 rounded-md border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900">
      You have <strong className="tabular-nums">{formatMoney(total, currency)}</strong> of credit with {sellerName}. It is not taken off this
      order: {sellerName} applies it to one of your invoices. <Link href={invoicesHref} className="underline">See your credit</Link>
    </p>
  );
}
