import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isoDay } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { formatMoney } from '@/lib/money';
import { isSupportedTimeZone, supportedTimeZones } from '@/lib/format/locales';
import { fromWithName } from '@/lib/email/transport';

const berlin = { locale: 'de-DE', timeZone: 'Europe/Berlin' };
const nbsp = '\u00a0';

describe('dates, money and numbers in the seller locale and time zone', () => {
  it('writes money as de-DE does: dot groups, comma decimals, the sign after', () => {
    expect(formatMoney(135_000, 'EUR', 'de-DE')).toBe(`1.350,00${nbsp}€`);
    expect(formatMoney(99, 'EUR', 'de-DE')).toBe(`0,99${nbsp}€`);
    expect(formatMoney(123_456_789, 'USD', 'de-DE')).toBe(`1.234.567,89${nbsp}$`);
    expect(formatMoney(135_000, 'EUR')).toBe('€1,350.00'); // no seller style: US English
  });

  it('writes counts as de-DE does', () => {
    expect(formatNumber(1_234_567, 'de-DE')).toBe('1.234.567');
    expect(formatNumber(1_234_567, 'en-US')).toBe('1,234,567');
    expect(formatNumber(1_234_567)).toBe('1,234,567');
  });

  it('shows an instant in Berlin time, across midnight and the DST change', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin (UTC+2 after the change on 29 March 2026).
    const lateUtc = new Date('2026-03-31T23:30:00Z');
    expect(formatDate(lateUtc, berlin)).toBe('01.04.2026');
    expect(formatDateTime(lateUtc, berlin)).toBe('01.04.2026, 01:30');
    expect(formatDate(lateUtc, { locale: 'en-US', timeZone: 'UTC' })).toBe('Mar 31, 2026');
    // In winter Berlin is UTC+1.
    expect(formatDateTime(new Date('2026-01-15T08:05:00Z'), berlin)).toBe('15.01.2026, 09:05');
    expect(isoDay(lateUtc, berlin)).toBe('2026-04-01');
    expect(isoDay(lateUtc, { timeZone: 'UTC' })).toBe('2026-03-31');
  });

  it('keeps a calendar day (a due date) the same day in every time zone', () => {
    expect(formatDate('2026-04-01', berlin)).toBe('01.04.2026');
    expect(formatDate('2026-04-01', { locale: 'de-DE', timeZone: 'America/Los_Angeles' })).toBe('01.04.2026');
  });

  it('knows IANA zones and UTC, and refuses abbreviations and made-up names', () => {
    expect(isSupportedTimeZone('Europe/Berlin')).toBe(true);
    expect(isSupportedTimeZone('UTC')).toBe(true);
    expect(supportedTimeZones()[0]).toBe('UTC');
    for (const bad of ['CET', 'GMT+2', 'Mars/Olympus_Mons', '', 'europe/berlin']) expect(isSupportedTimeZone(bad)).toBe(false);
  });
});

describe('From under the seller name', () => {
  it("keeps EMAIL_FROM's address and quotes the name, dropping line breaks", () => {
    expect(fromWithName('Tradepost <mail@tradepost.example>', 'Acme Wireless')).toBe('"Acme Wireless" <mail@tradepost.example>');
    expect(fromWithName('mail@tradepost.example', 'Zoë "Ø" Handel')).toBe('"Zoë \\"Ø\\" Handel" <mail@tradepost.example>');
    expect(fromWithName('mail@tradepost.example', 'Evil\r\nBcc: x@y.z')).toBe('"Evil Bcc: x@y.z" <mail@tradepost.example>');
    expect(fromWithName('Tradepost <mail@tradepost.example>', null)).toBe('Tradepost <mail@tradepost.example>');
  });
});
