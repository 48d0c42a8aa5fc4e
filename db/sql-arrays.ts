import { sql, type SQL } from 'drizzle-orm';

/**
 * Whole lists travel as ONE array parameter (`unnest`, `= any`), so a paste of
 * 5,000 IMEIs is one statement. Drivers differ in how they bind JS arrays, so
 * the array goes as its PostgreSQL text literal, which both read the same way.
 */
function literal(values: readonly (string | number | null)[]): string {
  const items = values.map((v) => {
    if (v === null) return 'NULL';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`Not a finite number: ${v}`);
      return String(v);
    }
    return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

export function textArray(values: readonly (string | null)[]): SQL {
  return sql`${literal(values)}::text[]`;
}

export function intArray(values: readonly (number | null)[]): SQL {
  return sql`${literal(values)}::int[]`;
}

/** Money (minor units) passes 2^31 (lib/money.ts); every money array is bigint. */
export function bigintArray(values: readonly (number | null)[]): SQL {
  return sql`${literal(values)}::bigint[]`;
}

export function dateArray(values: readonly (string | null)[]): SQL {
  return sql`${literal(values)}::date[]`;
}
