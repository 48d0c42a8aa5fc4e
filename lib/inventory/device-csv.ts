import type { LineProblem } from '@/lib/refusal';

/** The columns of an inventory CSV, and the header spellings accepted for each. */
export const deviceCsvColumns = {
  imei: ['imei'],
  serial: ['serial', 'serialnumber', 'serialno', 'sn'],
  sku: ['sku'],
  warehouse: ['warehouse', 'warehousecode'],
  status: ['status', 'statusname', 'inventorystatus'],
  cost: ['cost', 'unitcost'],
  received: ['received', 'receiveddate', 'receivedon', 'datereceived'],
} as const;
export type DeviceCsvColumn = keyof typeof deviceCsvColumns;

export const deviceCsvTemplate =
  'imei,serial,sku,warehouse,status,cost,received\n' +
  '356938035643809,,APP-IPHONE13-128GB-MIDNIGHT-A-UNLOCKED,MAIN,Received,180.00,2025-01-31\n' +
  ',TAB-SN-000123,APP-IPHONE13-128GB-MIDNIGHT-A-UNLOCKED,MAIN,Received,,\n';

function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Maps a file's headers to our columns; names what is missing. */
export function mapDeviceCsvHeaders(headers: readonly string[]): { mapping: Partial<Record<DeviceCsvColumn, string>>; missing: string[] } {
  const mapping: Partial<Record<DeviceCsvColumn, string>> = {};
  for (const header of headers) {
    const n = normalizeHeader(header);
    for (const [column, names] of Object.entries(deviceCsvColumns) as [DeviceCsvColumn, readonly string[]][]) {
      if (!mapping[column] && names.includes(n)) mapping[column] = header;
    }
  }
  const missing: string[] = [];
  if (!mapping.imei && !mapping.serial) missing.push('imei or serial');
  for (const column of ['sku', 'warehouse', 'status'] as const) if (!mapping[column]) missing.push(column);
  return { mapping, missing };
}

export type DeviceCsvRow = { row: number; imei: string; serial: string; sku: string; warehouse: string; status: string; cost: string; received: string };

/** Records as papaparse reads them (header: true) -> rows numbered as in a spreadsheet (header = row 1). */
export function toDeviceCsvRows(
  records: readonly Record<string, string | undefined>[],
  mapping: Partial<Record<DeviceCsvColumn, string>>,
): DeviceCsvRow[] {
  const cell = (record: Record<string, string | undefined>, column: DeviceCsvColumn) => {
    const header = mapping[column];
    return header ? (record[header] ?? '').trim() : '';
  };
  return records.map((record, index) => ({
    row: index + 2,
    imei: cell(record, 'imei'),
    serial: cell(record, 'serial'),
    sku: cell(record, 'sku'),
    warehouse: cell(record, 'warehouse'),
    status: cell(record, 'status'),
    cost: cell(record, 'cost'),
    received: cell(record, 'received'),
  }));
}

/** Repeats across the whole file (chunks are checked one at a time on the server). */
export function repeatedIdentifiers(rows: readonly DeviceCsvRow[]): LineProblem[] {
  const problems: LineProblem[] = [];
  const first = new Map<string, number>();
  for (const r of rows) {
    for (const [label, key] of [
      ['IMEI', r.imei ? `i:${r.imei}` : ''],
      ['serial number', r.serial ? `s:${r.serial.toLowerCase()}` : ''],
    ] as const) {
      if (!key) continue;
      const seen = first.get(key);
      if (seen !== undefined) problems.push({ line: r.row, value: r.imei || r.serial, reason: `${label} repeats row ${seen}` });
      else first.set(key, r.row);
    }
  }
  return problems;
}
