import { requestFormat, type FormatStyle } from './request-format';

/**
 * Dates and times as every screen, email and document shows them. The
 * seller's locale and time zone decide how they read; until a seller sets
 * them, every viewer reads the same: US English in UTC (as the date filters
 * are), so server and browser agree. Without a style, a server render uses
 * the seller's (lib/format/request-format.ts).
 */
export type DateStyle = FormatStyle;

const DEFAULT_LOCALE = 'en-US';
const DEFAULT_TIME_ZONE = 'UTC';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'date' | 'dateTime', style: DateStyle): Intl.DateTimeFormat {
  const locale = style.locale ?? DEFAULT_LOCALE;
  const timeZone = style.timeZone ?? DEFAULT_TIME_ZONE;
  const key = `${kind}:${locale}:${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      kind === 'date'
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })
        : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** A date-only string (YYYY-MM-DD) is a calendar day, not an instant: it reads as that day everywhere. */
function toDate(value: Date | string, style: DateStyle): { date: Date; style: DateStyle } {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { date: new Date(`${value}T00:00:00Z`), style: { ...style, timeZone: 'UTC' } };
  }
  return { date: typeof value === 'string' ? new Date(value) : value, style };
}

/** "Mar 14, 2026"; an absent date reads as an em dash. */
export function formatDate(value: Date | string | null | undefined, style: DateStyle = requestFormat()): string {
  if (!value) return '—';
  const { date, style: s } = toDate(value, style);
  return Number.isNaN(date.getTime()) ? '—' : formatter('date', s).format(date);
}

/** "Mar 14, 2026, 9:30 AM" in the seller's time zone. */
export function formatDateTime(value: Date | string | null | undefined, style: DateStyle = requestFormat()): string {
  if (!value) return '—';
  const { date, style: s } = toDate(value, style);
  return Number.isNaN(date.getTime()) ? '—' : formatter('dateTime', s).format(date);
}

/** The calendar day of an instant in the seller's time zone, as YYYY-MM-DD (for file names and inputs). */
export function isoDay(value: Date, style: DateStyle = requestFormat()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: style.timeZone ?? DEFAULT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(value);
  return parts;
}
