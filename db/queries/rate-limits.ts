import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit on a fixed-window counter and says whether it is within
 * `limit`. One atomic upsert, so concurrent requests on several app instances
 * all see the same count; a window that has ended starts again at 1, so nobody
 * is locked out for good.
 */
export async function hitRateLimit(
  db: DbOrTx,
  params: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<RateLimitResult> {
  const now = params.now ?? new Date();
  const windowEnd = new Date(now.getTime() + params.windowSeconds * 1000);
  const [row] = await queryRows<{ count: number; window_ends_at: string | Date }>(
    db,
    sql`
      insert into rate_limits (key, count, window_ends_at)
      values (${params.key}, 1, ${windowEnd.toISOString()}::timestamptz)
      on conflict (key) do update set
        count = case when rate_limits.window_ends_at <= ${now.toISOString()}::timestamptz
                     then 1 else rate_limits.count + 1 end,
        window_ends_at = case when rate_limits.window_ends_at <= ${now.toISOString()}::timestamptz
                     then excluded.window_ends_at else rate_limits.window_ends_at end
      returning count, window_ends_at`,
  );
  const count = Number(row!.count);
  if (count <= params.limit) return { allowed: true };
  const endsAt = new Date(row!.window_ends_at).getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
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
