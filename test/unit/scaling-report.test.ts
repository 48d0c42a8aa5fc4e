import { describe, expect, it } from 'vitest';
import {
  CHILD_TABLES_WITHOUT_SELLER_ID,
  LOCAL_TABLES,
  REFERENCE_TABLES,
  documentedReport,
  renderReport,
  tableReports,
} from '@/scripts/scaling-report';

describe('docs/SCALING.md and the schema (scripts/scaling-report.ts)', () => {
  const reports = tableReports();

  it('every table has seller_id, or is named as a reference, local or child table with a reason', () => {
    const unaccounted = reports.filter((r) => r.role === 'unaccounted').map((r) => r.name);
    expect(unaccounted, 'a new seller-owned table needs a seller_id column (the Citus distribution key)').toEqual([]);
  });

  it('the named exceptions exist and really lack seller_id (no stale entries)', () => {
    const byName = new Map(reports.map((r) => [r.name, r]));
    for (const name of Object.keys({ ...REFERENCE_TABLES, ...LOCAL_TABLES, ...CHILD_TABLES_WITHOUT_SELLER_ID })) {
      expect(byName.get(name), `${name} is not a table of db/schema`).toBeDefined();
      expect(byName.get(name)!.hasSellerId, `${name} has seller_id now: drop it from the exceptions`).toBe(false);
    }
  });

  it('reads the schema as it is: sellers is referenced, devices is distributed with composite foreign keys', () => {
    const devices = reports.find((r) => r.name === 'devices')!;
    expect(devices.role).toBe('distributed');
    expect(devices.foreignKeys).toContainEqual({ columns: ['product_id', 'seller_id'], table: 'products', foreignColumns: ['id', 'seller_id'] });
    expect(reports.find((r) => r.name === 'sellers')!.role).toBe('reference');
  });

  it('the generated section of docs/SCALING.md is current (regenerate: npm run scaling:report -- --write)', () => {
    expect(documentedReport()).toBe(renderReport());
  });
});
