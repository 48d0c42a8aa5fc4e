import { minorUnitDigits, moneyConventions } from '@/lib/money';

/** Days from opening an RMA within which the devices should be sent back, unless the seller sets another. */
export const DEFAULT_RETURN_SHIP_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last day to send the devices of an RMA opened at `openedAt`. */
export function returnDeadline(openedAt: Date, shipDays: number): Date {
  return new Date(openedAt.getTime() + shipDays * DAY_MS);
}

/** An amount as a staff member would type it back ("40.00", "40,00" for EUR), for a refund field. */
export function typedAmount(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const [whole, fraction] = (minor / 10 ** digits).toFixed(digits).split('.');
  return fraction ? `${whole}${moneyConventions(currency).decimal}${fraction}` : whole!;
}
