import { requestFormat } from './request-format';

const formatters = new Map<string, Intl.NumberFormat>();

/** A count or quantity as the seller's locale writes it: 1,234 (en-US), 1.234 (de-DE), 1 234 (fr-FR). */
export function formatNumber(value: number, locale: string = requestFormat().locale ?? 'en-US'): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    formatters.set(locale, f);
  }
  return f.format(value);
}
