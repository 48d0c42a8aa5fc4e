import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { queryRows } from '@/db/rows';
import { postgresAdminUrl } from '../support/test-db';

/**
 * What a transaction pooler (PgBouncer, test/cluster/pgbouncer.test.ts) needs
 * of the app's connections: no named prepared statements with
 * DATABASE_PREPARE=0, and migrations (with their session advisory lock)
 * through DATABASE_MIGRATION_URL, not through DATABASE_URL.
 */
const onPostgres = inject('testDbTemplate').kind === 'postgres';
const saved = { ...process.env };
const created: string[] = [];

function urlOf(name: string): string {
  const u = new URL(postgresAdminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function emptyDatabase(): Promise<string> {
  const name = `tradepost_cluster_pool_${randomBytes(4).toString('hex')}`;
  const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  created.push(name);
  return name;
}

afterEach(async () => {
  process.env = { ...saved };
  const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
  for (const name of created.splice(0)) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

/** Named statements this connection holds after the same query ran twice in one transaction. */
async function preparedAfterTwoQueries(prepare: '0' | '1'): Promise<number> {
  process.env.DATABASE_PREPARE = prepare;
  const database = await openDatabase({ url: postgresAdminUrl, migrate: false });
  try {
    return await database.db.transaction(async (tx) => {
      for (let i = 0; i < 2; i++) await queryRows(tx, sql`select ${i}::int as n where ${i}::int >= 0`);
      const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from pg_prepared_statements`);
      return Number(row!.n);
    });
  } finally {
    await database.close();
  }
}

describe.skipIf(!onPostgres)('connections a transaction pooler can carry', () => {
  it('DATABASE_PREPARE=0 prepares no named statement; the default does', async () => {
    expect(await preparedAfterTwoQueries('1')).toBeGreaterThan(0);
    expect(await preparedAfterTwoQueries('0')).toBe(0);
  });

  it('migrations run through DATABASE_MIGRATION_URL, the app through DATABASE_URL', async () => {
    const [pooled, direct] = [await emptyDatabase(), await emptyDatabase()];
    process.env.DATABASE_URL = urlOf(pooled);
    process.env.DATABASE_MIGRATION_URL = urlOf(direct);
    const database = await openDatabase();
    await database.close();
    const migrations = async (name: string) => {
      const client = postgres(urlOf(name), { max: 1, onnotice: () => {} });
      const [row] = await client<{ n: number }[]>`select count(*)::int as n from information_schema.tables where table_name = 'sellers'`;
      await client.end();
      return row!.n;
    };
    expect(await migrations(direct)).toBe(1);
    expect(await migrations(pooled)).toBe(0);
  });
});
