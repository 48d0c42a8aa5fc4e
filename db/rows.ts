import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';

/**
 * Runs raw SQL and returns its rows. `execute` answers an array on postgres.js
 * and `{ rows }` on PGlite; this hides the difference.
 */
export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
