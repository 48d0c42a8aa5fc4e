import { formatMoney } from '@/lib/money';

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** Dates in history lists read the same for every viewer: in UTC, like the filters. */
export function formatDate(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  return dateFormat.format(d);
}

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
