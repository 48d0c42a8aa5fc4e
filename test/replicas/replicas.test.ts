import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/db';
import { checkoutReadiness } from '@/db/queries/checkout';
import { createForSaleCache } from '@/db/queries/for-sale-cache';
import { forSalePage } from '@/db/queries/for-sale';
import { REPLICA_RETRY_AFTER_MS, replicaStats } from '@/db/replicas';
import { queryRows } from '@/db/rows';
import { parseForSaleView } from '@/lib/validation/for-sale';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { freePort } from '../support/processes';
import {
  startPostgresServer,
  startPostgresServerAgain,
  startStreamingReplica,
  stopPostgresServerNow,
  type PostgresServer,
  type PostgresServerInfo,
} from '../reliability/support/postgres-server';

/**
 * Read replicas (db/replicas.ts) against a real streaming replica: a primary
 * cluster of the suite's own, a `pg_basebackup -R` copy of it following on
 * another port, both logging every statement, so the test reads in each
 * server's log which statements it ran. TEST_REPLICA_PORTS="primary,replica"
 * picks the ports (free ones otherwise).
 */
type Server = PostgresServer & { info: PostgresServerInfo };

const logged = { log_statement: 'all' };
const DB = 'tradepost_replicas';

let primary: Server;
let replica: Server;
let database: Database;
let seller: SellerFixture;
let organizationId: number;
let productId: number;

/** Where each server's log ends now; `since()` answers what each logged after. */
function logMark() {
  const file = (s: Server) => path.join(s.info.dir, 'server.log');
  const size = (s: Server) => fs.statSync(file(s)).size;
  const at = { primary: size(primary), replica: size(replica) };
  const read = (s: Server, from: number) => fs.readFileSync(file(s)).subarray(from).toString('utf8');
  return { since: () => ({ primary: read(primary, at.primary), replica: read(replica, at.replica) }) };
}

async function onServer<T extends Record<string, unknown>>(server: Server, query: string): Promise<T[]> {
  const client = postgres(server.url(DB), { max: 1, onnotice: () => {} });
  try {
    return (await client.unsafe(query)) as unknown as T[];
  } finally {
    await client.end();
  }
}

/** Waits until the replica has replayed everything the primary wrote so far. */
async function caughtUp(): Promise<void> {
  const [{ lsn }] = (await onServer<{ lsn: string }>(primary, 'select pg_current_wal_lsn()::text as lsn')) as [{ lsn: string }];
  for (const started = Date.now(); ; ) {
    const [row] = await onServer<{ behind: boolean }>(replica, `select pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn as behind`);
    if (row && !row.behind) return;
    if (Date.now() - started > 20_000) throw new Error(`the replica did not replay up to ${lsn} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const params = () => ({ sellerId: seller.sellerId, organizationId, view: parseForSaleView({}) });
const availability = (page: Awaited<ReturnType<typeof forSalePage>>) => page.rows.find((r) => r.id === productId)?.available;

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  beforeAll(async () => {
    const ports = process.env.TEST_REPLICA_PORTS?.split(',').map(Number) ?? [await freePort(), await freePort()];
    primary = await startPostgresServer({ port: ports[0], replication: true, settings: logged });
    replica = await startStreamingReplica(primary.info, { port: ports[1]!, settings: logged });
    const admin = postgres(primary.url('postgres'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${DB}`);
    await admin.end();
    // Migrated and given a seller on the primary; the replica receives all of it by streaming.
    const migrating = await openDatabase({ url: primary.url(DB) });
    seller = await buildSeller(migrating.db, { slug: 'replicas' });
    productId = (await addProduct(migrating.db, seller, { model: 'Replica Phone', listPrice: 30_000 })).id;
    await addDevices(migrating.db, seller, productId, 4);
    organizationId = (await addOrganization(migrating.db, seller, 'Replica Buyers')).id;
    await migrating.close();
    await caughtUp();
    database = await openDatabase({ url: primary.url(DB), replicaUrls: [replica.url(DB)], migrate: false });
  });

  afterAll(async () => {
    await database?.close();
    await replica?.stop();
    await primary?.stop();
  });

  it('streams: the replica is a hot standby that already holds the seeded catalogue', async () => {
    expect(await onServer(replica, 'select pg_is_in_recovery() as standby')).toEqual([{ standby: true }]);
    expect(await onServer(primary, `select state from pg_stat_replication`)).toEqual([{ state: 'streaming' }]);
    expect(await onServer(replica, `select count(*)::int as n from devices where seller_id = ${seller.sellerId}`)).toEqual([{ n: 4 }]);
  });

  it('For Sale (version and page) reads from the replica; the primary path, writes and transactions never touch it', async () => {
    const cache = createForSaleCache();
    const mark = logMark();
    const handle = database.readReplica();
    const page = await cache.page(handle, params());
    expect(availability(page)).toBe(4);
    await checkoutReadiness(handle, { sellerId: seller.sellerId });
    const forSale = mark.since();
    // The catalog version and the listing: both on the replica, neither on the primary.
    expect(forSale.replica).toMatch(/from catalog_versions/);
    expect(forSale.replica).toMatch(/product_availability/);
    expect(forSale.primary).not.toMatch(/catalog_versions|product_availability/);

    const primaryMark = logMark();
    // The default handle is the primary, for reads too.
    await forSalePage(database.db, params());
    await queryRows(database.db, sql`select 'primary-read-marker' as marker`);
    // A write or a transaction sent through a read handle by mistake still goes to the primary (withReplicas).
    await handle.transaction(async (tx) => {
      await queryRows(tx, sql`select 'transaction-marker' as marker`);
    });
    const primaryPath = primaryMark.since();
    expect(primaryPath.primary).toMatch(/product_availability/);
    expect(primaryPath.primary).toMatch(/primary-read-marker/);
    expect(primaryPath.primary).toMatch(/transaction-marker/);
    expect(primaryPath.replica).not.toMatch(/product_availability|primary-read-marker|transaction-marker/);
  });

  it('a write is visible on the primary read path at once; For Sale on a lagging replica shows it once replayed', async () => {
    const cache = createForSaleCache();
    expect(availability(await cache.page(database.readReplica(), params()))).toBe(4);
    // Lag on demand: the replica stops replaying WAL (it still receives it).
    await onServer(replica, 'select pg_wal_replay_pause()');
    try {
      await addDevices(database.db, seller, productId, 2);
      expect(availability(await forSalePage(database.db, params()))).toBe(6);
      // The lagging replica answers its last state, under its own (older) catalog version: consistent, a little late.
      expect(availability(await cache.page(database.readReplica(), params()))).toBe(4);
    } finally {
      await onServer(replica, 'select pg_wal_replay_resume()');
    }
    await caughtUp();
    // The replayed version is a new cache key: the page is read again, with the new devices.
    expect(availability(await cache.page(database.readReplica(), params()))).toBe(6);
  });

  it('with the replica stopped, For Sale answers from the primary; the replica is used again once it is back', async () => {
    const cache = createForSaleCache();
    await stopPostgresServerNow(replica.info);
    const before = { ...replicaStats };
    const started = performance.now();
    const view = database.readReplica();
    const page = await cache.page(view, params());
    expect(availability(page)).toBe(6);
    expect(replicaStats.fallbacks).toBe(before.fallbacks + 1);
    // While the replica rests, new handles are the primary itself: no time lost on a refused connection each view.
    expect(database.readReplica()).toBe(database.db);
    expect(availability(await forSalePage(database.readReplica(), params()))).toBe(6);
    expect(performance.now() - started).toBeLessThan(REPLICA_RETRY_AFTER_MS);

    await startPostgresServerAgain(replica.info);
    await caughtUp();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, REPLICA_RETRY_AFTER_MS - (performance.now() - started)) + 100));
    const reads = replicaStats.replicaReads;
    // A handle that fell back stays on the primary even now the replica answers: its reads never go back in time
    // (a catalog version from the primary with a page from a lagging replica would be a stale page under a new key).
    const stayed = logMark();
    expect(availability(await forSalePage(view, params()))).toBe(6);
    expect(replicaStats.replicaReads).toBe(reads);
    expect(stayed.since().replica).not.toMatch(/product_availability/);
    // A new handle reads from the replica again.
    const mark = logMark();
    expect(availability(await forSalePage(database.readReplica(), params()))).toBe(6);
    expect(replicaStats.replicaReads).toBe(reads + 1);
    expect(mark.since().replica).toMatch(/product_availability/);
  });
});
