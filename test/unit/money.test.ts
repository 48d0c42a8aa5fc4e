import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatMoney,
  MAX_TOTAL_MINOR,
  maxMoneyMinor,
  minorToDecimalString,
  minorUnitDigits,
  moneyConventions,
  parseMoney,
  readMoney,
  totalProblem,
} from '@/lib/money';

describe('money', () => {
  it('formats minor units in the seller currency', () => {
    expect(formatMoney(129999, 'USD')).toBe('$1,299.99');
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatMoney(4500, 'EUR', 'de-DE')).toBe('45,00\u00a0€');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
  });

  it('refuses fractional minor units', () => {
    expect(() => formatMoney(10.5, 'USD')).toThrow();
  });

  it('knows the minor unit of each currency', () => {
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('parses typed amounts', () => {
    expect(parseMoney('1,234.5', 'USD')).toBe(123450);
    expect(parseMoney('$99', 'USD')).toBe(9900);
    expect(parseMoney('0.07', 'USD')).toBe(7);
    expect(parseMoney('1500', 'JPY')).toBe(1500);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '1.2.3', '12e3']) expect(parseMoney(bad, 'USD')).toBeNull();
    expect(parseMoney('15.5', 'JPY')).toBeNull();
  });

  it('writes decimals for CSV', () => {
    expect(minorToDecimalString(129900, 'USD')).toBe('1299.00');
    expect(minorToDecimalString(5, 'USD')).toBe('0.05');
    expect(minorToDecimalString(-250, 'USD')).toBe('-2.50');
    expect(minorToDecimalString(1500, 'JPY')).toBe('1500');
  });

  it('reads comma decimals where the currency writes them (EUR), dot decimals where it does (USD)', () => {
    expect(parseMoney('12,50', 'EUR')).toBe(1250);
    expect(parseMoney('1.234,56', 'EUR')).toBe(123456);
    expect(parseMoney('1.234.567,89', 'EUR')).toBe(123456789);
    expect(parseMoney('12,50 €', 'EUR')).toBe(1250);
    expect(parseMoney('€12.50', 'EUR')).toBe(1250);
    expect(parseMoney('1,234.56', 'USD')).toBe(123456);
    expect(parseMoney('1.234,56', 'USD')).toBe(123456); // both separators: the last one is the decimal
    expect(parseMoney('12,50', 'USD')).toBe(1250); // cannot be grouping
    expect(parseMoney('1 234,56', 'SEK')).toBe(123456);
    expect(parseMoney("1'234.50", 'CHF')).toBe(123450);
    expect(parseMoney('12,34,567.50', 'INR')).toBe(123456750);
    expect(parseMoney('KWD 1.234', 'KWD')).toBe(1234);
  });

  it('settles "1,234" and "1.234" by the currency: thousands, or three decimals refused', () => {
    expect(parseMoney('1,234', 'USD')).toBe(123400);
    expect(parseMoney('1.234', 'USD')).toBeNull();
    expect(parseMoney('1.234', 'EUR')).toBe(123400);
    expect(parseMoney('1,234', 'EUR')).toBeNull();
    expect(parseMoney('1,234', 'JPY')).toBe(1234);
    expect(parseMoney('1.234', 'JPY')).toBeNull();
    expect(readMoney('1,234', 'EUR')).toEqual({ ok: false, problem: 'format', message: 'Enter an amount such as 1299,00.' });
  });

  it('refuses misplaced grouping instead of guessing', () => {
    for (const bad of ['12 50', '1,23,4', '1,2345', '1.234 567,00', '1,,234', '12,50,']) expect(parseMoney(bad, 'USD'), bad).toBeNull();
    expect(parseMoney('1.23.456,00', 'EUR')).toBeNull();
  });

  it('learns the separators from Intl rather than a hand list', () => {
    expect(moneyConventions('EUR')).toMatchObject({ decimal: ',', group: '.' });
    expect(moneyConventions('USD')).toMatchObject({ decimal: '.', group: ',' });
    expect(moneyConventions('INR')).toMatchObject({ decimal: '.', primaryGroup: 3, secondaryGroup: 2 });
    expect(moneyConventions('SEK').decimal).toBe(',');
  });

  it('bounds typed amounts at 99,999,999 and the currency decimals, with a message', () => {
    expect(maxMoneyMinor('USD')).toBe(9_999_999_999);
    expect(maxMoneyMinor('JPY')).toBe(99_999_999);
    expect(parseMoney('99,999,999.99', 'USD')).toBe(9_999_999_999);
    expect(readMoney('100000000', 'USD')).toEqual({ ok: false, problem: 'too_large', message: 'Amounts are at most $99,999,999.99.' });
    expect(readMoney('99.999.999,991', 'EUR').ok).toBe(false);
    expect(readMoney('123456789012345678901234', 'EUR')).toMatchObject({ ok: false, problem: 'too_large' });
    expect(readMoney('100000000', 'JPY')).toMatchObject({ ok: false, message: 'Amounts are at most ¥99,999,999.' });
  });

  it('refuses totals a JavaScript number cannot count exactly', () => {
    expect(totalProblem(10_738 * 200_000, 'USD')).toBeNull();
    expect(totalProblem(MAX_TOTAL_MINOR, 'USD')).toBeNull();
    expect(totalProblem(MAX_TOTAL_MINOR + 1, 'USD')).toMatch(/above \$90,071,992,547,409\.91.*Split it/);
  });

  // Currencies of every shape: two decimals with a dot (USD) or a comma (EUR,
  // SEK with space groups), an apostrophe (CHF), none (JPY), three (KWD), and
  // Indian grouping (INR).
  const currencies = ['USD', 'EUR', 'GBP', 'SEK', 'CHF', 'JPY', 'KWD', 'INR', 'BRL', 'PLN'];
  const amount = fc.constantFrom(...currencies).chain((currency) =>
    fc.record({ currency: fc.constant(currency), minor: fc.integer({ min: 0, max: maxMoneyMinor(currency) }) }),
  );

  it('reads back any amount as the currency writes it, and as en-US writes it', () => {
    fc.assert(
      fc.property(amount, fc.boolean(), ({ currency, minor }, grouped) => {
        const major = minor / 10 ** minorUnitDigits(currency);
        for (const locale of [moneyConventions(currency).locale, 'en-US']) {
          for (const style of ['currency', 'decimal'] as const) {
            const text = new Intl.NumberFormat(locale, {
              style,
              currency,
              numberingSystem: 'latn',
              useGrouping: grouped,
              minimumFractionDigits: minorUnitDigits(currency),
            }).format(major);
            expect(parseMoney(text, currency), `${locale} ${text}`).toBe(minor);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back what minorToDecimalString writes into inputs and CSV files', () => {
    fc.assert(
      fc.property(amount, ({ currency, minor }) => {
        expect(parseMoney(minorToDecimalString(minor, currency), currency)).toBe(minor);
      }),
      { numRuns: 500 },
    );
  });

  it('never answers a negative, fractional or over-limit number, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,- \'€$'.split('')), maxLength: 20 }), fc.constantFrom(...currencies), (text, currency) => {
        const minor = parseMoney(text, currency);
        if (minor !== null) {
          expect(Number.isSafeInteger(minor)).toBe(true);
          expect(minor).toBeGreaterThanOrEqual(0);
          expect(minor).toBeLessThanOrEqual(maxMoneyMinor(currency));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
