import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sessionCookie } from '../reliability/support/client';
import { recordFigure } from '../reliability/support/report';
import { startCluster, type Cluster } from './support/cluster';
import { shoppingJourney } from './support/journey';
import { startPgBouncer } from './support/pgbouncer';
import { PORTS } from './support/ports';

/**
 * The instances reach PostgreSQL through PgBouncer in transaction mode
 * (DATABASE_PREPARE=0), migrations through a direct session connection
 * (DATABASE_MIGRATION_URL): the journey through nginx works, and it was
 * PgBouncer that carried it.
 */
const context = inject('cluster');

describe('behind PgBouncer in transaction mode', () => {
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
  let cluster: Cluster;
  beforeAll(async () => {
    // A small pool, so transactions of one client connection do land on several server connections.
    bouncer = await startPgBouncer({ port: PORTS.pgbouncer, postgresPort: context.postgres.port, database: 'tradepost_cluster', poolSize: 3 });
    cluster = await startCluster({
      name: 'pooled',
      databaseUrl: bouncer.url,
      mailUrl: context.mailUrl,
      nginxPort: PORTS.pooled.nginx,
      instancePorts: PORTS.pooled.instances,
      env: { DATABASE_PREPARE: '0', DATABASE_MIGRATION_URL: context.databaseUrl },
    });
  });
  afterAll(async () => {
    await cluster?.stop();
    await bouncer?.stop();
  });

  it('the shopping journey through nginx and PgBouncer', async () => {
    const [config] = (await bouncer.show('config')).filter((r) => r.key === 'pool_mode');
    expect(config?.value).toBe('transaction');
    const before = (await bouncer.show('stats')).find((r) => r.database === 'tradepost_cluster');
    const journey = await shoppingJourney(cluster.nginx.origin, context.databaseUrl);
    // Pages at once from both instances (16 pool connections) over 3 server connections: with named
    // prepared statements, one prepared on one server connection is missing on the next.
    const db = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
    const [buyer] = await db<{ id: number; seller_id: number }[]>`
      select a.id, a.seller_id from portal_accounts a join sellers s on s.id = a.seller_id where s.slug = 'acme' and a.email = 'buyer@contoso.example'`;
    await db.end();
    const cookie = await sessionCookie({ area: 'customer', portalAccountId: buyer!.id, sellerId: buyer!.seller_id });
    const pages = ['/p/acme', '/p/acme/cart', '/p/acme/orders', '/p/acme/invoices', '/p/acme?page=2', '/p/acme/grades'];
    for (let round = 0; round < 4; round++) {
      const statuses = await Promise.all(
        Array.from({ length: 16 }, async (_, i) => {
          const answer = await fetch(`${cluster.nginx.origin}${pages[i % pages.length]}`, { headers: { cookie } });
          await answer.text();
          return `${pages[i % pages.length]} ${answer.status}`;
        }),
      );
      expect(statuses.filter((s) => !s.endsWith(' 200'))).toEqual([]);
    }
    for (const instance of cluster.instances) {
      const ready = await fetch(`${instance.origin}/api/ready`);
      expect(ready.status, instance.name).toBe(200);
    }
    const after = (await bouncer.show('stats')).find((r) => r.database === 'tradepost_cluster');
    const transactions = Number(after!.total_xact_count) - Number(before?.total_xact_count ?? 0);
    expect(transactions).toBeGreaterThan(10);
    expect(cluster.instances.map((i) => i.output()).join('\n')).not.toMatch(/prepared statement .* does not exist|advisory/i);
    recordFigure('cluster journey through pgbouncer', { orderNumber: journey.orderNumber, transactionsThroughPgBouncer: transactions });
  });
});
