import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import * as schema from '@/db/schema';
import { openDatabase, type Database, type Db } from '@/db';
import { postgresTypes } from '@/db/int8';
import { retryingConnects, retryingTransactions } from '@/db/transaction-retry';

/**
 * Every test file gets its own freshly migrated database: on PostgreSQL a copy
 * of a migrated template database, on PGlite an in-memory instance loaded from
 * a migrated data-folder dump.
 */
export type TemplateInfo =
  | { kind: 'postgres'; adminUrl: string; name: string }
  | { kind: 'pglite'; dumpPath: string };

export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function prepareTemplate(kind: 'postgres' | 'pglite'): Promise<TemplateInfo> {
  if (kind === 'postgres') {
    const name = `tradepost_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database ${name}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ url: withDatabase(postgresAdminUrl, name) });
    await database.close();
    return { kind, adminUrl: postgresAdminUrl, name };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite();
  await client.waitReady;
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(drizzlePglite({ client, schema }), {
    migrationsFolder: path.join(process.cwd(), 'db', 'migrations'),
  });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dumpPath = path.join(os.tmpdir(), `tradepost-pglite-${process.pid}-${randomBytes(3).toString('hex')}.tar`);
  await fs.writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  return { kind, dumpPath };
}

export async function dropTemplate(template: TemplateInfo): Promise<void> {
  if (template.kind === 'pglite') {
    await fs.rm(template.dumpPath, { force: true });
    return;
  }
  const admin = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
  try {
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`tradepost_t_${template.name.slice(14)}%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.unsafe(`drop database if exists ${template.name} with (force)`);
  } finally {
    await admin.end();
  }
}

export type TestDatabase = Database & { db: Db };

/** A fresh, migrated, empty database for one test file. Close it in afterAll. */
export async function createTestDatabase(template: TemplateInfo): Promise<TestDatabase> {
  if (template.kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const data = await fs.readFile(template.dumpPath);
    const client = new PGlite({ loadDataDir: new Blob([data]) });
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return { db, readReplica: () => db, kind: 'pglite', close: () => client.close() };
  }
  const name = `tradepost_t_${template.name.slice(14)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${template.name}`);
  } finally {
    await admin.end();
  }
  const client = postgres(withDatabase(template.adminUrl, name), { max: 4, onnotice: () => {}, types: postgresTypes });
  const db = retryingTransactions(drizzlePostgres({ client: retryingConnects(client), schema }));
  return {
    db,
    readReplica: () => db,
    kind: 'postgres',
    close: async () => {
      await client.end({ timeout: 5 });
      const cleanup = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
