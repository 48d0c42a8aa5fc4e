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
