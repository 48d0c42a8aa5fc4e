import { withReplicas } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Sql } from 'postgres';
import type { Db } from './index';

/**
 * Read replicas (DATABASE_REPLICA_URLS): PostgreSQL streaming replicas that
 * answer the reads which tolerate a little lag. Nothing goes to a replica by
 * default: `getDb()` is always the primary, and only the call sites that ask
 * for `readReplica()` read from one (grep `readReplica(` for the list).
 *
 * Each `readReplica()` handle is pinned to one replica for its whole life (one
 * page view) and, once one of its reads fell back to the primary, it stays on
 * the primary. So two reads of one handle never go back in time: For Sale
 * reads the catalog version and then the page it caches under that version
 * from the same server, and a server only ever replays forward, so the page
 * is at least as new as its version (a newer page under an older version is
 * harmless: the key goes stale as soon as the replica shows the newer
 * version). A page older than its version, which a version from one server
 * and a page from another could give, would be served until the next change.
 *
 * Fallback: a read the replica cannot answer because it is unreachable (refused,
 * timed out, shutting down, out of slots, the connection cut) runs on the
 * primary, and the replica is skipped for RETRY_AFTER_MS before new handles try
 * it again. A read cancelled by a conflict with recovery (40001 on a standby)
 * also runs on the primary, without marking the replica down. Anything else
 * (a bad query, a write sent to a read-only replica: 25006) fails as it would
 * on the primary.
 */

export const REPLICA_RETRY_AFTER_MS = 5_000;

const UNREACHABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
  // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  '57P01', '57P02', '57P03', '53300',
]);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/** The replica could not be reached: the read goes to the primary and the replica rests. */
export function isReplicaUnreachable(error: unknown): boolean {
  return errorCodes(error).some((code) => UNREACHABLE.has(code));
}

/** A standby cancelled the read (conflict with recovery): run it on the primary; the replica is fine. */
function isRecoveryConflict(error: unknown): boolean {
  return errorCodes(error).includes('40001');
}

/** Per process: reads answered by a replica, and reads that fell back to the primary (tests, logs). */
export const replicaStats = { replicaReads: 0, fallbacks: 0 };

type Replica = { url: string; client: Sql; downUntil: number };
type Pending = PromiseLike<unknown> & { values(): PromiseLike<unknown> };
type Unsafe = (...args: never[]) => Pending;

export type ReplicaSet = {
  /** A read handle: pinned to a healthy replica, else the primary itself. */
  readHandle(): Db;
  /** Replicas currently skipped (tests). */
  down(): string[];
  close(): Promise<void>;
};

/**
 * Builds the replica set over open postgres.js clients: `primary` is the app's
 * primary Drizzle handle, `primaryClient` its client.
 */
export function replicaSet(primary: Db, primaryClient: Sql, replicaClients: { url: string; client: Sql }[]): ReplicaSet {
  const replicas: Replica[] = replicaClients.map((r) => ({ ...r, downUntil: 0 }));
  let next = 0;

  function pick(): Replica | undefined {
    const now = Date.now();
    for (let i = 0; i < replicas.length; i++) {
      const replica = replicas[(next + i) % replicas.length]!;
      if (replica.downUntil <= now) {
        next = (next + i + 1) % replicas.length;
        return replica;
      }
    }
    return undefined;
  }

  /** A client that sends to the replica until one read falls back, then to the primary for good. */
  function pinnedClient(replica: Replica): Sql {
    let onPrimary = false;
    const unsafe = (...args: never[]) => {
      const run = async (values: boolean): Promise<unknown> => {
        if (!onPrimary) {
          try {
            const pending = (replica.client.unsafe as unknown as Unsafe)(...args);
            const result = await (values ? pending.values() : pending);
            replicaStats.replicaReads++;
            return result;
          } catch (error) {
            const unreachable = isReplicaUnreachable(error);
            if (!unreachable && !isRecoveryConflict(error)) throw error;
            if (unreachable) replica.downUntil = Date.now() + REPLICA_RETRY_AFTER_MS;
            onPrimary = true;
            replicaStats.fallbacks++;
          }
        }
        const pending = (primaryClient.unsafe as unknown as Unsafe)(...args);
        return values ? pending.values() : pending;
      };
      return {
        values: () => run(true),
        then: (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) => run(false).then(onFulfilled, onRejected),
      };
    };
    return new Proxy(replica.client, {
      get: (target, property, receiver) => (property === 'unsafe' ? unsafe : Reflect.get(target, property, receiver)),
    });
  }

  return {
    readHandle() {
      const replica = pick();
      if (!replica) return primary;
      // No relational schema (`db.query.*`, which the app does not use): building the handle stays cheap (~0.05 ms).
      const pinned = drizzlePostgres({ client: pinnedClient(replica) }) as unknown as Db;
      // Writes and transactions sent to a read handle by mistake still land on the primary (drizzle's
      // withReplicas); raw SQL (`execute`, how most of the app's reads are written) reads from the replica.
      const routed = withReplicas(primary, [pinned], () => pinned);
      return Object.assign(routed, { execute: pinned.execute.bind(pinned) }) as unknown as Db;
    },
    down: () => replicas.filter((r) => r.downUntil > Date.now()).map((r) => r.url),
    close: async () => {
      await Promise.all(replicas.map((r) => r.client.end({ timeout: 5 })));
    },
  };
}
