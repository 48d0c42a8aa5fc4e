import { describe, expect, it } from 'vitest';
import { fieldOfHeader, mapConditionHeaders, mappingProblems, readConditionRow, readTestDate } from '@/lib/inventory/diagnostics-csv';

describe('diagnostics CSV headers', () => {
  it('maps the headers of common diagnostics exports', () => {
    const cases: [string, string | null][] = [
      ['IMEI', 'imei'], ['IMEI/MEID', 'imei'], ['Serial', 'serial'], ['Serial Number', 'serial'],
      ['Battery Health', 'batteryHealth'], ['BatteryHealth %', 'batteryHealth'], ['Cycle Count', 'batteryCycles'],
      ['Carrier', 'carrier'], ['Carrier Lock', 'carrierLock'], ['SIM Lock', 'carrierLock'],
      ['Blacklist', 'blacklistStatus'], ['ESN Status', 'blacklistStatus'],
      ['iCloud', 'activationLock'], ['Find My iPhone', 'activationLock'], ['Activation Lock', 'activationLock'],
      ['MDM', 'mdmLock'], ['FRP', 'frpLock'], ['Functional Result', 'functionalTest'], ['Test Result', 'functionalTest'],
      ['Failed', 'failedChecks'], ['Failed Tests', 'failedChecks'], ['Cosmetic', 'cosmeticNotes'], ['Grade Notes', 'cosmeticNotes'],
      ['Test Date', 'testedAt'], ['Source', 'testSource'], ['Tool', 'testSource'], ['Color', null], ['', null],
    ];
    for (const [header, field] of cases) expect(fieldOfHeader(header), header).toBe(field);
  });

  it('maps a field once and names what a mapping lacks', () => {
    expect(mapConditionHeaders(['IMEI', 'Battery Health', 'BatteryHealth %'])).toEqual(['imei', 'batteryHealth', null]);
    expect(mappingProblems(['batteryHealth'])).toEqual(['Choose the column that holds the IMEI (or the serial number).']);
    expect(mappingProblems(['imei', null])).toEqual(['Choose at least one column of condition data to import.']);
    expect(mappingProblems(['imei', 'batteryHealth', 'batteryHealth'])).toEqual(['Battery health % is chosen for 2 columns; choose it once.']);
    expect(mappingProblems(['serial', 'mdmLock'])).toEqual([]);
  });
});

describe('diagnostics values', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const read = (cells: Record<string, string>) => readConditionRow({ row: 2, ...cells }, now);

  it('normalizes yes/no, on/off, clean/lost/stolen/blocked, pass/fail and percentages', () => {
    expect(read({ batteryHealth: '87%', batteryCycles: '1,204' }).update).toEqual({ batteryHealth: 87, batteryCycles: 1204 });
    expect(read({ batteryHealth: '86.6 %' }).update.batteryHealth).toBe(87);
    for (const [v, want] of [['Clean', 'clean'], ['Lost', 'blacklisted'], ['Stolen', 'blacklisted'], ['Blocked', 'blacklisted'], ['No', 'clean'], ['Unknown', 'unknown']] as const) {
      expect(read({ blacklistStatus: v }).update.blacklistStatus, v).toBe(want);
    }
    for (const [v, want] of [['Yes', 'on'], ['On', 'on'], ['No', 'off'], ['Off', 'off'], ['Unknown', 'unknown']] as const) {
      expect(read({ activationLock: v, mdmLock: v, frpLock: v }).update).toMatchObject({ activationLock: want, mdmLock: want, frpLock: want });
    }
    expect(read({ functionalTest: 'Passed' }).update).toEqual({ functionalTest: 'pass', failedChecks: [] });
    expect(read({ functionalTest: 'Fail', failedChecks: 'Face ID, Rear camera' }).update).toEqual({ functionalTest: 'fail', failedChecks: ['Face ID', 'Rear camera'] });
    // Failed checks alone mean a failed test.
    expect(read({ failedChecks: 'Microphone' }).update).toEqual({ functionalTest: 'fail', failedChecks: ['Microphone'] });
  });

  it('reads carrier locks with their carrier', () => {
    expect(read({ carrierLock: 'Unlocked', carrier: 'AT&T' }).update).toEqual({ carrierLock: 'unlocked', carrier: null });
    expect(read({ carrierLock: 'Locked to AT&T' }).update).toEqual({ carrierLock: 'locked', carrier: 'AT&T' });
    expect(read({ carrierLock: 'Verizon Locked' }).update).toEqual({ carrierLock: 'locked', carrier: 'Verizon' });
    expect(read({ carrierLock: 'Locked (T-Mobile)' }).update).toEqual({ carrierLock: 'locked', carrier: 'T-Mobile' });
    expect(read({ carrierLock: 'Yes', carrier: 'Sprint' }).update).toEqual({ carrierLock: 'locked', carrier: 'Sprint' });
  });

  it('refuses out-of-range and unreadable values, naming them', () => {
    expect(read({ batteryHealth: '101%' }).reasons).toEqual(['battery health "101%" is not a percentage from 0 to 100']);
    expect(read({ batteryCycles: '-3' }).reasons[0]).toMatch(/cycle count "-3"/);
    expect(read({ blacklistStatus: 'perhaps' }).reasons[0]).toMatch(/blacklist "perhaps"/);
    expect(read({ carrierLock: 'sort of' }).reasons[0]).toMatch(/carrier lock "sort of"/);
    expect(read({ functionalTest: 'Pass', failedChecks: 'Face ID' }).reasons).toEqual(['the functional test passed but failed checks are listed']);
    expect(read({ testedAt: '2027-01-05' }).reasons[0]).toMatch(/in the future/);
  });

  it('reads the date formats diagnostics tools write', () => {
    expect(readTestDate('2026-11-03')?.toISOString()).toBe('2026-11-03T00:00:00.000Z');
    expect(readTestDate('2026-11-03 14:05:09')?.toISOString()).toBe('2026-11-03T14:05:09.000Z');
    expect(readTestDate('2026-11-03T14:05:09+02:00')?.toISOString()).toBe('2026-11-03T12:05:09.000Z');
    expect(readTestDate('11/3/2026 9:30')?.toISOString()).toBe('2026-11-03T09:30:00.000Z');
    expect(readTestDate('2026-02-30')).toBeNull();
    expect(readTestDate('13/13/2026')).toBeNull();
    expect(readTestDate('yesterday')).toBeNull();
  });
});

describe('condition in the buyer CSVs', () => {
  it('writes the sold snapshot as readable cells, and blanks when none was kept', async () => {
    const { conditionCsvCells, conditionCsvHeaders, readSoldCondition } = await import('@/lib/device-condition');
    const snapshot = readSoldCondition({
      batteryHealth: 88, batteryCycles: 301, carrierLock: 'locked', carrier: 'Verizon', blacklistStatus: 'clean',
      activationLock: 'off', mdmLock: 'off', frpLock: 'unknown', functionalTest: 'fail', failedChecks: ['Face ID', 'Rear camera'],
      cosmeticNotes: null, testedAt: '2026-11-03T10:00:00+00:00', testSource: 'Phonecheck',
    });
    const cells = conditionCsvCells(snapshot);
    expect(cells).toHaveLength(conditionCsvHeaders.length);
    expect(Object.fromEntries(conditionCsvHeaders.map((h, i) => [h, cells[i]]))).toEqual({
      'Battery health %': 88, 'Battery cycles': 301, 'Carrier lock': 'Carrier locked', Carrier: 'Verizon', Blacklist: 'Clean',
      'Activation lock': 'Off', MDM: 'Off', FRP: 'Unknown', 'Functional test': 'Fail', 'Failed checks': 'Face ID; Rear camera',
      'Cosmetic notes': null, 'Tested on': '2026-11-03', 'Test source': 'Phonecheck',
    });
    expect(conditionCsvCells(null).every((c) => c === null)).toBe(true);
    // A snapshot with values outside the scale reads as unknown rather than passing them through.
    expect(readSoldCondition({ carrierLock: 'sideways', failedChecks: 'x' })).toMatchObject({ carrierLock: 'unknown', failedChecks: [] });
  });
});
