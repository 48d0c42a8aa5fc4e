import net from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { connectRetries, retryingConnects, retryingTransactions } from '@/db/transaction-retry';
import { postgresAdminUrl } from '../support/test-db';

const onPostgres = inject('testDbTemplate').kind === 'postgres';

/**
 * A loopback TCP relay in front of the real PostgreSQL that swallows the
 * first `hang` connections (accepted, never answered: the way a server or
 * a starved pool looks under load) and relays the rest.
 */
async function flakyRelay(hang: number) {
  const target = new URL(postgresAdminUrl);
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (accepted++ < hang) return;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    upstream.on('error', () => socket.destroy());
    sockets.add(upstream);
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(postgresAdminUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    accepted: () => accepted,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.runIf(onPostgres)('statements whose connection could not be established (PostgreSQL)', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.close();
  });

  async function open(hang: number) {
    const relay = await flakyRelay(hang);
    const client = postgres(relay.url, { max: 1, connect_timeout: 1, onnotice: () => {} });
    opened.push({ close: () => client.end({ timeout: 1 }) }, relay);
    return { relay, db: retryingTransactions(drizzle({ client: retryingConnects(client) })) };
  }

  it('runs a query again on a new connection when the first one timed out connecting', async () => {
    const { relay, db } = await open(1);
    const before = connectRetries.count;
    const rows = await db.execute<{ answer: number }>(sql`select 41 + 1 as answer`);
    expect(rows[0]!.answer).toBe(42);
    expect(connectRetries.count - before).toBe(1);
    expect(relay.accepted()).toBe(2);
  });

  it('runs a transaction again when its connection could not be established, and writes once', async () => {
    const { db } = await open(1);
    let runs = 0;
    const answer = await db.transaction(async (tx) => {
      runs++;
      const [row] = await tx.execute<{ n: number }>(sql`select 7 as n`);
      return row!.n;
    });
    expect(answer).toBe(7);
    // The callback ran once: the failed attempt never began a transaction.
    expect(runs).toBe(1);
  });

  it('gives up after a bounded number of attempts and says why', async () => {
    const { relay, db } = await open(10);
    await expect(db.execute(sql`select 1`)).rejects.toMatchObject({ cause: { code: 'CONNECT_TIMEOUT' } });
    expect(relay.accepted()).toBe(3);
  });
});

describe.runIf(onPostgres)('a connection whose backend was terminated (PostgreSQL)', () => {
  it("answers the next query on a new backend, not with the terminated one's error (postgres.js patch)", async () => {
    const client = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
    const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
    try {
      const { pid } = (await client<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]!;
      const sleeping = client`select pg_sleep(30)`.then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      );
      // Terminated while it runs: the backend sends 57P01 and closes.
      for (let i = 0; i < 100; i++) {
        const [busy] = await admin`select 1 from pg_stat_activity where pid = ${pid} and query like 'select pg_sleep%'`;
        if (busy) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await admin`select pg_terminate_backend(${pid})`;
      expect(['57P01', 'CONNECTION_CLOSED']).toContain(await sleeping);
      // The same pool connection reconnects; its first query is answered by the new backend.
      const { answer, backend } = (await client<{ answer: number; backend: number }[]>`select 41 + 1 as answer, pg_backend_pid() as backend`)[0]!;
      expect(answer).toBe(42);
      expect(backend).not.toBe(pid);
    } finally {
      await client.end({ timeout: 1 });
      await admin.end({ timeout: 1 });
    }
  });
});
