/** Money is integer minor units of the seller's currency; formatting happens at the edge. */

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Number of minor units in one major unit (2 for USD, 0 for JPY, 3 for KWD). */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
}

export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  if (!Number.isInteger(minor)) throw new Error(`Money must be integer minor units, got ${minor}`);
  return formatterFor(currency, locale).format(minor / 10 ** minorUnitDigits(currency));
}

/**
 * Parses a typed amount such as "1,234.50" or "$99" into minor units.
 * Returns null for anything that is not a non-negative amount with at most the
 * currency's number of decimals.
 */
export function parseMoney(input: string, currency: string): number | null {
  const cleaned = input.trim().replace(/[\s,]/g, '').replace(/^[^\d.-]+/, '');
  const digits = minorUnitDigits(currency);
  const pattern = digits > 0 ? new RegExp(`^\\d+(\\.\\d{0,${digits}})?$`) : /^\d+$/;
  if (!pattern.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as a plain decimal string for CSV and inputs: 129900 -> "1299.00". */
export function minorToDecimalString(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, '0')}`;
}
