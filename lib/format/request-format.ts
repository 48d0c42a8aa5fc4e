import { cache } from 'react';

/** The locale and time zone dates, money and numbers are shown in. */
export type FormatStyle = { locale?: string; timeZone?: string };

/**
 * The seller's formats for the server render of one request. The session
 * helpers that every page calls first to learn its seller (`getStaff`,
 * `requirePortal` in lib/auth/session.ts) set it from the row they already
 * read, so no page needs another query and no component needs a prop: the
 * formatters default to it. React's `cache` scopes it to the request; outside
 * a server render (route handlers, actions, scripts, client components) it
 * is empty and every caller passes the seller's style itself (CSV, PDF,
 * email) or reads `useSellerFormat()` (components/ui/seller-format.tsx).
 */
const current = cache((): { style: FormatStyle } => ({ style: {} }));

export function setRequestFormat(style: FormatStyle): void {
  current().style = { locale: style.locale, timeZone: style.timeZone };
}

export function requestFormat(): FormatStyle {
  return current().style;
}
