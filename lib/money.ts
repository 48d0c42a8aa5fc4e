/** Money is integer minor units of the seller's currency; formatting happens at the edge. */
import { moneyConventions } from './money-conventions';
import { requestFormat } from './format/request-format';

export { moneyConventions };

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

const digitsByCurrency = new Map<string, number>();

/** Number of minor units in one major unit (2 for USD, 0 for JPY, 3 for KWD). Read once per currency: every price shown asks. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** An amount in the seller's locale (a server render's default, lib/format/request-format.ts) or the one given. */
export function formatMoney(minor: number, currency: string, locale: string = requestFormat().locale ?? 'en-US'): string {
  if (!Number.isInteger(minor)) throw new Error(`Money must be integer minor units, got ${minor}`);
  // A decimal string, not minor / 100: division rounds past 2^53 / 100 (a large total).
  return formatterFor(currency, locale).format(minorToDecimalString(minor, currency) as `${number}`);
}

/**
 * The largest amount anyone types (list price, unit price, cost, refund):
 * 99,999,999 and all the decimals of the currency (99,999,999.99 USD,
 * 99,999,999 JPY). Far above any phone, far below what a total may reach.
 */
export const MAX_MONEY_MAJOR_UNITS = 99_999_999;

export function maxMoneyMinor(currency: string): number {
  return (MAX_MONEY_MAJOR_UNITS + 1) * 10 ** minorUnitDigits(currency) - 1;
}

/**
 * The largest total (an order, an invoice, a sum of refunds): a JavaScript
 * number counts minor units exactly up to 2^53 - 1, and the bigint columns
 * hold far more. A total above it is refused, never rounded.
 */
export const MAX_TOTAL_MINOR = Number.MAX_SAFE_INTEGER;

/** Why a total cannot be taken, or null. */
export function totalProblem(total: number, currency: string): string | null {
  if (Number.isSafeInteger(total) && total <= MAX_TOTAL_MINOR) return null;
  return `The total would be above ${formatMoney(MAX_TOTAL_MINOR, currency)}, the most one order or invoice can hold. Split it into several orders.`;
}

/** Quantity × unit price of a line; lines "to be quoted" count as zero. */
export function lineAmount(line: { quantity: number; unitPrice: number | null }): number {
  return (line.unitPrice ?? 0) * line.quantity;
}

export type MoneyReading =
  | { ok: true; minor: number }
  | { ok: false; problem: 'format' | 'too_large'; message: string };

/** An amount as this currency writes it, for messages: "1299.00" (USD), "1299,00" (EUR), "1299" (JPY). */
export function moneyExample(currency: string): string {
  const digits = minorUnitDigits(currency);
  return digits ? `1299${moneyConventions(currency).decimal}${'0'.repeat(digits)}` : '1299';
}

const notAnAmount = (currency: string): MoneyReading => ({
  ok: false,
  problem: 'format',
  message: `Enter an amount such as ${moneyExample(currency)}.`,
});

/**
 * Reads a typed amount into minor units, by the conventions of the currency
 * (lib/money-conventions.ts): "12,50" is 12.50 for a EUR seller, "1.234,56"
 * and "1,234.56" are 1234.56 for anyone, "1,234" is 1234 for USD and refused
 * for EUR (three decimals). A currency symbol or code at either end is
 * dropped. Negative amounts, more decimals than the currency has, and
 * anything above MAX_MONEY_MAJOR_UNITS are refused with a message.
 */
export function readMoney(input: string, currency: string): MoneyReading {
  const c = moneyConventions(currency);
  const digits = minorUnitDigits(currency);
  const text = stripCurrencyMarks(input, c.marks);
  // Spaces (also no-break ones) and apostrophes only ever group digits.
  if (!/^\d[\d.,'’ ]*$/.test(text)) return notAnAmount(currency);

  const decimal = decimalSeparator(text, c.decimal);
  const [whole = '', fraction = '', ...rest] = decimal ? text.split(decimal) : [text];
  if (rest.length || !/^\d*$/.test(fraction) || fraction.length > digits) return notAnAmount(currency);
  const integer = ungroup(whole, c);
  if (integer === null) return notAnAmount(currency);

  if (integer.replace(/^0+/, '').length > String(MAX_MONEY_MAJOR_UNITS).length) return tooLarge(currency);
  const minor = Number(integer) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return minor > maxMoneyMinor(currency) ? tooLarge(currency) : { ok: true, minor };
}

/** "at most $99,999,999.99": the bound, for refusals that name it. */
export function moneyLimitText(currency: string): string {
  return `at most ${formatMoney(maxMoneyMinor(currency), currency)}`;
}

function tooLarge(currency: string): MoneyReading {
  return { ok: false, problem: 'too_large', message: `Amounts are ${moneyLimitText(currency)}.` };
}

/** Minor units of a typed amount, or null when it is not one (see readMoney for the message). */
export function parseMoney(input: string, currency: string): number | null {
  const reading = readMoney(input, currency);
  return reading.ok ? reading.minor : null;
}

function stripCurrencyMarks(input: string, marks: readonly string[]): string {
  let text = input.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  for (const mark of marks) {
    if (text.toLowerCase().startsWith(mark.toLowerCase())) {
      text = text.slice(mark.length).trim();
      break;
    }
  }
  for (const mark of marks) {
    if (text.toLowerCase().endsWith(mark.toLowerCase())) {
      text = text.slice(0, -mark.length).trim();
      break;
    }
  }
  return text;
}

/**
 * Which of "." and "," is the decimal separator, or null for none. With
 * both, the last one; a separator that appears twice groups digits; a single
 * one followed by anything but three digits is a decimal separator; only
 * "1,234" / "1.234" is ambiguous, and the currency's convention decides.
 */
function decimalSeparator(text: string, conventional: string): '.' | ',' | null {
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const sep = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (!sep) return null;
  if (text.indexOf(sep) !== text.lastIndexOf(sep)) return null;
  const after = text.slice(text.indexOf(sep) + 1);
  if (!/^\d{3}$/.test(after)) return sep;
  return sep === conventional || (conventional !== '.' && conventional !== ',') ? sep : null;
}

/** The integer part without its group separators, or null when they are misplaced. */
function ungroup(whole: string, c: { primaryGroup: number; secondaryGroup: number }): string | null {
  if (!whole) return null;
  const groups = whole.split(/[.,'’ ]/);
  if (groups.length === 1) return /^\d+$/.test(whole) ? whole : null;
  const marks = new Set(whole.replace(/\d/g, ''));
  if (marks.size > 1) return null; // "1,234 567" mixes two kinds of grouping
  const [first, ...others] = groups as [string, ...string[]];
  const fits = (primary: number, secondary: number) =>
    first.length >= 1 &&
    first.length <= (others.length > 1 ? secondary : primary) &&
    others.every((g, i) => g.length === (i === others.length - 1 ? primary : secondary));
  // Thousands (1,234,567), and the convention's own grouping (12,34,567 in India).
  return fits(3, 3) || fits(c.primaryGroup, c.secondaryGroup) ? groups.join('') : null;
}

/** Minor units as a plain decimal string for CSV and inputs: 129900 -> "1299.00". */
export function minorToDecimalString(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, '0')}`;
}
