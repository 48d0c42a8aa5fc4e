/**
 * How amounts of a currency are written where it is used: the decimal
 * separator, the group separator and sizes, and the marks (symbol, code)
 * that may stand around a typed amount. Learned from Intl (CLDR) rather than
 * kept in a hand list: an ISO 4217 code starts with its country's region
 * code (USD: US, CHF: CH, INR: IN), and `Intl.Locale#maximize` names that
 * region's likely language, whose `formatToParts` shows the separators.
 */

export type MoneyConventions = {
  /** The locale whose writing is the convention, e.g. de-DE for EUR. */
  locale: string;
  decimal: string;
  group: string;
  /** Digits in the group next to the decimal separator (3), and in the groups before it (3; 2 in India). */
  primaryGroup: number;
  secondaryGroup: number;
  /** Symbols and codes of the currency, longest first. */
  marks: readonly string[];
};

/**
 * The euro has no country of its own; nearly all of its countries (de, fr,
 * es, it, nl, pt, …) write a decimal comma, so its convention is German.
 */
const NO_COUNTRY: Record<string, string> = { EUR: 'de-DE' };

function conventionLocale(currency: string): string {
  const known = NO_COUNTRY[currency];
  if (known) return known;
  const region = currency.slice(0, 2).toUpperCase();
  try {
    const likely = new Intl.Locale(`und-${region}`).maximize();
    // Language and region only: a script subtag (de-Latn-CH) loses the region's own separators.
    if (likely.region === region) return `${likely.language}-${region}`;
  } catch {
    // not a region code (a test currency, XAU…): fall through
  }
  return 'en-US';
}

const cache = new Map<string, MoneyConventions>();

export function moneyConventions(currency: string): MoneyConventions {
  const cached = cache.get(currency);
  if (cached) return cached;
  const locale = conventionLocale(currency);
  const parts = new Intl.NumberFormat(locale, { numberingSystem: 'latn', useGrouping: true }).formatToParts(1234567.5);
  const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  const marks = new Set<string>([currency]);
  for (const where of [locale, 'en-US']) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol', 'code'] as const) {
      const symbol = new Intl.NumberFormat(where, { style: 'currency', currency, currencyDisplay })
        .formatToParts(1)
        .find((p) => p.type === 'currency')?.value;
      if (symbol) marks.add(symbol.replace(/[\u200e\u200f\u061c]/g, '').trim());
    }
  }
  const conventions: MoneyConventions = {
    locale,
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    primaryGroup: integers.at(-1) ?? 3,
    secondaryGroup: integers.length > 2 ? integers.at(-2)! : 3,
    marks: [...marks].filter(Boolean).sort((a, b) => b.length - a.length),
  };
  cache.set(currency, conventions);
  return conventions;
}
