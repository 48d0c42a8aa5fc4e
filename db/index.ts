import path from 'node:path';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { env } from '@/lib/env';
import { postgresTypes } from './int8';
import { retryingConnects, retryingTransactions } from './transaction-retry';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type the app codes against; PGlite's drizzle instance has the same API. */
export type Db = PostgresJsDatabase<Schema>;
/** A transaction handle, accepted wherever a query function may run inside a larger write. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
};

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

export function embeddedDataDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ env().PGLITE_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite'),
  );
}

/**
 * Opens the database named by the environment: postgres.js with DATABASE_URL,
 * else PGlite in `.data/pglite` (locked to this process). Applies pending
 * migrations before returning.
 */
export async function openDatabase(options: {
  url?: string;
  dataDir?: string;
  migrate?: boolean;
} = {}): Promise<Database> {
  const url = options.url ?? env().DATABASE_URL;
  const migrate = options.migrate !== false;
  // DATABASE_MIGRATION_URL goes with DATABASE_URL; a URL given here migrates through itself.
  const migrationUrl = options.url ? options.url : (env().DATABASE_MIGRATION_URL ?? url);
  return url ? openPostgres(url, migrate ? migrationUrl! : null) : openPglite(options.dataDir ?? embeddedDataDir(), migrate);
}

async function openPostgres(url: string, migrationUrl: string | null): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const client = postgres(url, {
    max: env().DATABASE_POOL_SIZE,
    onnotice: () => {},
    types: postgresTypes,
    // Behind a transaction pooler (PgBouncer) a named statement prepared on one server connection is unknown on the next.
    prepare: env().DATABASE_PREPARE === '1',
  });
  const db = retryingTransactions(drizzlePostgres({ client: retryingConnects(client), schema }));
  if (migrationUrl) await migratePostgres(migrationUrl);
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

/**
 * Applies pending migrations. Several app instances may start at once: one
 * migrates, the others wait for it, on a session advisory lock. That lock
 * belongs to one server connection, so it needs a session connection
 * (DATABASE_MIGRATION_URL when DATABASE_URL is a transaction pooler, which
 * could take the lock on one server connection and try to free it on another).
 */
async function migratePostgres(url: string): Promise<void> {
  const { default: postgres } = await import('postgres');
  const client = postgres(url, { max: 2, onnotice: () => {}, types: postgresTypes, prepare: env().DATABASE_PREPARE === '1' });
  try {
    const db = drizzlePostgres({ client: retryingConnects(client), schema });
    const lock = await client.reserve();
    try {
      await lock`select pg_advisory_lock(7099)`;
      const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
      await run(db, { migrationsFolder });
    } finally {
      await lock`select pg_advisory_unlock(7099)`.catch(() => {});
      lock.release();
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function openPglite(dataDir: string, migrate: boolean): Promise<Database> {
  const { acquireEmbeddedLock, releaseEmbeddedLock } = await import('./embedded-lock');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) acquireEmbeddedLock(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
    const client = new PGlite(inMemory ? undefined : dataDir);
    await client.waitReady;
    const pgliteDb = drizzlePglite({ client, schema });
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/pglite/migrator');
      await run(pgliteDb, { migrationsFolder });
    }
    return {
      db: pgliteDb as unknown as Db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        if (!inMemory) releaseEmbeddedLock(dataDir);
      },
    };
  } catch (error) {
    if (!inMemory) releaseEmbeddedLock(dataDir);
    throw error;
  }
}

type Shared = { database?: Promise<Database> };
const shared = globalThis as typeof globalThis & { __tradepost?: Shared };

/**
 * The process-wide database, opened once (PGlite must never be opened twice in
 * one process either). In development, the first open of an empty embedded
 * database seeds the demo, so `npm run dev` shows a working product. A
 * production server never seeds: its sellers come from `npm run seller:create`.
 */
export function getDatabase(): Promise<Database> {
  shared.__tradepost ??= {};
  shared.__tradepost.database ??= (async () => {
    const database = await openDatabase();
    const e = env();
    if (database.kind === 'pglite' && e.NODE_ENV !== 'production' && e.TRADEPOST_AUTO_SEED === '1') {
      const { seedDemoIfEmpty } = await import('./seed/demo');
      await seedDemoIfEmpty(database.db);
    }
    return database;
  })();
  shared.__tradepost.database.catch(() => {
    if (shared.__tradepost) shared.__tradepost.database = undefined;
  });
  return shared.__tradepost.database;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Closes the process-wide database (graceful shutdown); a later getDatabase() opens it again. */
export async function closeDatabase(): Promise<void> {
  const opening = shared.__tradepost?.database;
  if (!opening) return;
  shared.__tradepost!.database = undefined;
  const database = await opening.catch(() => null);
  await database?.close();
}
