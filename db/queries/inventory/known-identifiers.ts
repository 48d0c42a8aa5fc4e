import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { textArray } from '@/db/sql-arrays';

/**
 * Which of these IMEIs and serial numbers this seller already has, as keys
 * (IMEI as is, serial lower-cased). One indexed lookup per list, whatever its length.
 */
export async function findKnownIdentifiers(
  db: DbOrTx,
  params: { sellerId: number; imeis: readonly string[]; serials: readonly string[] },
): Promise<{ imeis: Set<string>; serials: Set<string> }> {
  const imeis = new Set<string>();
  const serials = new Set<string>();
  if (params.imeis.length) {
    const rows = await queryRows<{ imei: string }>(db, sql`
      select imei from devices
      where seller_id = ${params.sellerId} and imei = any(${textArray(params.imeis)})`);
    for (const r of rows) imeis.add(r.imei);
  }
  if (params.serials.length) {
    const rows = await queryRows<{ serial: string }>(db, sql`
      select lower(serial) as serial from devices
      where seller_id = ${params.sellerId} and lower(serial) = any(${textArray(params.serials.map((s) => s.toLowerCase()))})`);
    for (const r of rows) serials.add(r.serial);
  }
  return { imeis, serials };
}
