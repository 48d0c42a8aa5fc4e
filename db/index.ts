import path from 'node:path';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { env } from '@/lib/env';
import { postgresTypes } from './int8';
import type { ReplicaSet } from './replicas';
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
  /** The primary: every write, transaction and read-your-own-write. */
  db: Db;
  /**
   * A handle for reads that tolerate a little lag: a read replica when
   * DATABASE_REPLICA_URLS names one that answers, else the primary (db/replicas.ts).
   */
  readReplica: () => Db;
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
  /** Read replicas (PostgreSQL only); DATABASE_REPLICA_URLS when not given. */
  replicaUrls?: string[];
  dataDir?: string;
  migrate?: boolean;
} = {}): Promise<Database> {
  const url = options.url ?? env().DATABASE_URL;
  const replicaUrls = options.replicaUrls ?? (options.url ? [] : env().DATABASE_REPLICA_URLS);
  const migrate = options.migrate !== false;
  if (!url && replicaUrls.length) throw new Error('DATABASE_REPLICA_URLS needs DATABASE_URL: the embedded database has no replicas');
  // DATABASE_MIGRATION_URL goes with DATABASE_URL; a URL given here migrates through itself.
  const migrationUrl = options.url ? options.url : (env().DATABASE_MIGRATION_URL ?? url);
  return url ? openPostgres(url, replicaUrls, migrate ? migrationUrl! : null) : openPglite(options.dataDir ?? embeddedDataDir(), migrate);
}

/** Replicas fail fast, so a read falls back to the primary within this bound when one does not answer. */
const REPLICA_CONNECT_TIMEOUT_S = 2;

async function openPostgres(url: string, replicaUrls: string[], migrationUrl: string | null): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const options = {
    max: env().DATABASE_POOL_SIZE,
    onnotice: () => {},
    types: postgresTypes,
    // Behind a transaction pooler (PgBouncer) a named statement prepared on one server connection is unknown on the next.
    prepare: env().DATABASE_PREPARE === '1',
  };
  const client = postgres(url, options);
  const primaryClient = retryingConnects(client);
  const db = retryingTransactions(drizzlePostgres({ client: primaryClient, schema }));
  let replicas: ReplicaSet | undefined;
  if (replicaUrls.length) {
    const { replicaSet } = await import('./replicas');
    replicas = replicaSet(
      db,
      primaryClient,
      replicaUrls.map((replicaUrl) => ({ url: replicaUrl, client: postgres(replicaUrl, { ...options, connect_timeout: REPLICA_CONNECT_TIMEOUT_S }) })),
    );
  }
  if (migrationUrl) await migratePostgres(migrationUrl);
  return {
    db,
    readReplica: replicas ? () => replicas.readHandle() : () => db,
    kind: 'postgres',
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), replicas?.close()]);
    },
  };
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
      readReplica: () => pgliteDb as unknown as Db,
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

/**
 * The database for one view's reads that tolerate a little lag (For Sale, history
 * and back-office lists): a read replica when DATABASE_REPLICA_URLS is set,
 * else the primary. Use one handle per view (its reads stay on one server) and
 * never for writes, transactions, sessions, the cart or anything just written.
 */
export async function readReplica(): Promise<Db> {
  return (await getDatabase()).readReplica();
}

/** Closes the process-wide database (graceful shutdown); a later getDatabase() opens it again. */
export async function closeDatabase(): Promise<void> {
  const opening = shared.__tradepost?.database;
  if (!opening) return;
  shared.__tradepost!.database = undefined;
  const database = await opening.catch(() => null);
  await database?.close();
}
