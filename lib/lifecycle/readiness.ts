import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb, migrationsFolder, type Db } from '@/db';
import { queryRows } from '@/db/rows';
import { isShuttingDown } from './shutdown';

export type Readiness = { ready: true } | { ready: false; reason: 'shutting down' | 'database' | 'migrations' };

/** The newest migration this build ships (its journal's last entry). */
function latestMigration(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Whether this instance should be sent requests: not shutting down, the
 * database answers within `timeoutMs`, and it holds every migration this build
 * ships (drizzle's own record of applied migrations).
 */
export async function readiness(params: { timeoutMs: number; db?: () => Promise<Db> }): Promise<Readiness> {
  const { timeoutMs } = params;
  if (isShuttingDown()) return { ready: false, reason: 'shutting down' };
  let applied: number;
  try {
    const rows = await Promise.race([
      (async () => {
        const db = await (params.db ?? getDb)();
        return queryRows<{ latest: string | number | null }>(db, sql`select max(created_at) as latest from drizzle.__drizzle_migrations`);
      })(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    applied = Number(rows[0]?.latest ?? 0);
  } catch {
    return { ready: false, reason: 'database' };
  }
  if (applied < latestMigration()) return { ready: false, reason: 'migrations' };
  if (isShuttingDown()) return { ready: false, reason: 'shutting down' };
  return { ready: true };
}
