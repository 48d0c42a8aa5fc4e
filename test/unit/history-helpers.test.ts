import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvLines as csvRows } from '@/lib/csv';
import { likeEscape } from '@/lib/like';
import { toDate } from '@/db/queries/portal/scope';
import { returnWindow } from '@/lib/portal/format';
import { purchasedDeviceFiltersFrom } from '@/lib/portal/device-filters';
import { dateParam, pageParam } from '@/lib/url-params';
import { describeProduct } from '@/lib/products';
import { productLabel } from '@/lib/portal/product-label';
import { formatDate } from '@/lib/format/dates';

describe('history helpers', () => {
  it('names a product one way everywhere, the grade named so it never reads as a colour', () => {
    const phone = { manufacturer: 'Apple', model: 'iPhone 12', capacity: '64GB', color: 'Black', network: 'AT&T', grade: 'A+' };
    expect(describeProduct(phone)).toBe('Apple iPhone 12 · 64GB · Black · AT&T · Grade A+');
    expect(productLabel(phone)).toBe(describeProduct(phone));
    expect(describeProduct({ ...phone, color: 'Phantom Gray', network: 'Unlocked', grade: 'C' })).toBe('Apple iPhone 12 · 64GB · Phantom Gray · Unlocked · Grade C');
    expect(describeProduct({ manufacturer: 'Google', model: 'Pixel 8', capacity: '', color: null, network: 'Unlocked', grade: null })).toBe('Google Pixel 8 · Unlocked');
    // A calendar day reads as that day, never as an ISO string.
    expect(formatDate('2026-12-31')).toBe('Dec 31, 2026');
  });

  it('writes CSV that spreadsheets read as text, never as formulas', () => {
    const text = csvRows([
      ['IMEI', 'Product'],
      ['350000000000121', '=HYPERLINK("http://evil.example","click")'],
      ['+1', 'Galaxy, "S22"'],
    ]);
    const rows = Papa.parse<string[]>(text.trim()).data;
    expect(rows).toEqual([
      ['IMEI', 'Product'],
      ['350000000000121', `'=HYPERLINK("http://evil.example","click")`],
      [`'+1`, 'Galaxy, "S22"'],
    ]);
  });

  it('escapes LIKE wildcards and reads timestamps from either driver', () => {
    expect(likeEscape('12%_\\')).toBe('12\\%\\_\\\\');
    expect(toDate('2026-01-31 09:15:00.123+00').toISOString()).toBe('2026-01-31T09:15:00.123Z');
    expect(toDate('2026-01-31 09:15:00+05:30').toISOString()).toBe('2026-01-31T03:45:00.000Z');
    expect(toDate(new Date(0)).getTime()).toBe(0);
  });

  it('tells whether the return window of an order is still open', () => {
    const ordered = new Date('2026-01-01T12:00:00Z');
    expect(returnWindow(ordered, null)).toEqual({ closesOn: null, open: true });
    const w = returnWindow(ordered, 90, Date.parse('2026-03-31T12:00:00Z'));
    expect(w).toEqual({ closesOn: new Date('2026-04-01T12:00:00Z'), open: true });
    expect(returnWindow(ordered, 90, Date.parse('2026-04-01T12:00:01Z')).open).toBe(false);
  });

  it('reads filters from the URL and ignores what is not valid', () => {
    expect(pageParam({ page: '3' })).toBe(3);
    expect(pageParam({ page: '-1' })).toBe(1);
    expect(pageParam({ page: 'x' })).toBe(1);
    expect(dateParam({ from: '2026-02-30' }, 'from')).toBeUndefined();
    expect(dateParam({ from: '2026-02-28' }, 'from')).toBe('2026-02-28');
    expect(purchasedDeviceFiltersFrom({ imei: ' 1234 ', grade: 'A', color: '', other: 'x' })).toEqual({ search: '1234', grade: 'A' });
  });
});
