import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimitHit = { key: string; limit: number; windowSeconds: number };

/**
 * Counts one hit on fixed-window counters and says, per counter, whether it
 * is within its `limit`. One atomic upsert for all of them, so concurrent
 * requests on several app instances all see the same counts; a window that
 * has ended starts again at 1, so nobody is locked out for good. Rows are
 * written in key order, so two statements sharing keys cannot deadlock.
 */
export async function hitRateLimits(
  db: DbOrTx,
  params: { hits: RateLimitHit[]; now?: Date },
): Promise<Map<string, RateLimitResult>> {
  const now = params.now ?? new Date();
  const nowText = now.toISOString();
  const hits = [...new Map(params.hits.map((h) => [h.key, h])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  const rows = hits.map(
    (h) => sql`(${h.key}, 1, ${new Date(now.getTime() + h.windowSeconds * 1000).toISOString()}::timestamptz)`,
  );
  const counted = await queryRows<{ key: string; count: number; window_ends_at: string | Date }>(
    db,
    sql`
      insert into rate_limits (key, count, window_ends_at)
      values ${sql.join(rows, sql`, `)}
      on conflict (key) do update set
        count = case when rate_limits.window_ends_at <= ${nowText}::timestamptz
                     then 1 else rate_limits.count + 1 end,
        window_ends_at = case when rate_limits.window_ends_at <= ${nowText}::timestamptz
                     then excluded.window_ends_at else rate_limits.window_ends_at end
      returning key, count, window_ends_at`,
  );
  const results = new Map<string, RateLimitResult>();
  for (const row of counted) {
    const hit = hits.find((h) => h.key === row.key)!;
    if (Number(row.count) <= hit.limit) {
      results.set(row.key, { allowed: true });
    } else {
      const endsAt = new Date(row.window_ends_at).getTime();
      results.set(row.key, { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) });
    }
  }
  return results;
}

/** One counter: see hitRateLimits. */
export async function hitRateLimit(
  db: DbOrTx,
  params: RateLimitHit & { now?: Date },
): Promise<RateLimitResult> {
  const results = await hitRateLimits(db, { hits: [params], now: params.now });
  return results.get(params.key)!;
}

/** Takes back one hit, e.g. a sign-in attempt that turned out to be the real owner's. */
export async function refundRateLimit(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key}`);
}

/** Drops counters whose window ended a while ago; run now and then by the background loop. */
export async function purgeExpiredRateLimits(db: DbOrTx, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - 60 * 60 * 1000);
  await db.execute(sql`delete from rate_limits where window_ends_at < ${cutoff.toISOString()}::timestamptz`);
}
