import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalString, minorUnitDigits, parseMoney } from '@/lib/money';

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
});
