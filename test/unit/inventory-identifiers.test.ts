import { describe, expect, it } from 'vitest';
import { sequentialImei } from '@/lib/imei';
import { likeEscape as escapeLike } from '@/lib/like';
import { parseIdentifierSearch, prefixUpperBound, reversed } from '@/lib/inventory/identifier-search';
import { checkIdentifierBatch } from '@/lib/inventory/identifiers';
import { formatDeviceKey, parseDeviceKey } from '@/lib/inventory/device-key';
import { mapDeviceCsvHeaders, repeatedIdentifiers, toDeviceCsvRows } from '@/lib/inventory/device-csv';

describe('inventory search box', () => {
  it('treats 15 digits as an exact IMEI and shorter text as a part of 3 or more characters', () => {
    expect(parseIdentifierSearch(' 356938035643809 ')).toEqual({ kind: 'exact', value: '356938035643809' });
    expect(parseIdentifierSearch('643809')).toEqual({ kind: 'part', value: '643809', digitsOnly: true });
    expect(parseIdentifierSearch('SN-AB')).toEqual({ kind: 'part', value: 'sn-ab', digitsOnly: false });
    expect(parseIdentifierSearch('12')).toEqual({ kind: 'too_short' });
    expect(parseIdentifierSearch('   ')).toBeNull();
  });

  it('bounds a prefix range so every string with the prefix is inside and the next prefix is not', () => {
    const upper = prefixUpperBound('3539');
    expect('3539' < upper && '353999999999999' < upper).toBe(true);
    expect('3540' >= upper).toBe(true);
    expect(reversed('12345')).toBe('54321');
    expect(escapeLike('a%b_c\\')).toBe('a\\%b\\_c\\\\');
  });
});

describe('paste checks without the database', () => {
  it('names the line of each bad entry and of each repeat', () => {
    const a = sequentialImei(1, '86');
    const entries = [
      { value: a, line: 1 },
      { value: a.slice(0, 14), line: 2 },
      { value: a, line: 3 },
    ];
    expect(checkIdentifierBatch('imei', entries)).toEqual([
      { line: 2, value: a.slice(0, 14), reason: 'it has 14 digits; an IMEI has exactly 15 digits' },
      { line: 3, value: a, reason: 'repeats line 1' },
    ]);
    expect(checkIdentifierBatch('serial', [{ value: 'AB-1', line: 1 }, { value: 'ab-1', line: 2 }])).toEqual([
      { line: 2, value: 'ab-1', reason: 'repeats line 1' },
    ]);
  });
});

describe('inventory CSV columns', () => {
  it('accepts common header spellings and names missing columns', () => {
    expect(mapDeviceCsvHeaders(['IMEI', 'SKU', 'Warehouse Code', 'Status Name', 'Cost', 'Received Date']).missing).toEqual([]);
    expect(mapDeviceCsvHeaders(['sku', 'status']).missing).toEqual(['imei or serial', 'warehouse']);
  });

  it('numbers rows as a spreadsheet does and finds repeats across the whole file', () => {
    const { mapping } = mapDeviceCsvHeaders(['imei', 'sku', 'warehouse', 'status']);
    const rows = toDeviceCsvRows(
      [
        { imei: ' 1 ', sku: 'A', warehouse: 'MAIN', status: 'Received' },
        { imei: '2', sku: 'A', warehouse: 'MAIN', status: 'Received' },
        { imei: '1', sku: 'A', warehouse: 'MAIN', status: 'Received' },
      ],
      mapping,
    );
    expect(rows.map((r) => [r.row, r.imei])).toEqual([[2, '1'], [3, '2'], [4, '1']]);
    expect(repeatedIdentifiers(rows)).toEqual([{ line: 4, value: '1', reason: 'IMEI repeats row 2' }]);
  });
});

describe('inventory list cursor', () => {
  it('travels in the URL as date.id and reads back the same; anything else is no cursor', () => {
    const key = { receivedOn: '2025-01-31', id: 12345 };
    expect(formatDeviceKey(key)).toBe('2025-01-31.12345');
    expect(parseDeviceKey(formatDeviceKey(key))).toEqual(key);
    for (const bad of ['', '2025-01-31', '2025-01-31.0', '2025-01-31.-1', '2025-13-45.1', 'x.1', '2025-01-31.12345678901', undefined, null]) {
      expect(parseDeviceKey(bad), String(bad)).toBeUndefined();
    }
  });
});
