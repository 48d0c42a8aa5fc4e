import { formatMoney } from '@/lib/money';

/** An order or invoice total with lines still to be quoted. */
export function formatTotal(total: number, currency: string, hasUnpriced: boolean, allUnpriced = false): string {
  if (allUnpriced) return 'To be quoted';
  return hasUnpriced ? `${formatMoney(total, currency)} + to be quoted` : formatMoney(total, currency);
}

/** When returns of an order close (null: the seller sets no limit), and whether they are still open. */
export function returnWindow(orderedAt: Date, windowDays: number | null, now = Date.now()) {
  if (windowDays === null) return { closesOn: null, open: true };
  const closesOn = new Date(orderedAt.getTime() + windowDays * 86_400_000);
  return { closesOn, open: closesOn.getTime() >= now };
}
