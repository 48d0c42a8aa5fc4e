import type { DbOrTx } from '@/db';
import { hitRateLimit, refundRateLimit } from '@/db/queries/rate-limits';

/**
 * Abuse limits for sign-in and one-time-link requests, per email and per client
 * address, in fixed 15-minute windows kept in PostgreSQL (shared by every app
 * instance). Sign-in counts only failures: a successful attempt is refunded, so
 * staff who sign in often are never limited, while guessing is.
 */
export const SIGN_IN_LIMITS = {
  perEmail: { limit: 10, windowSeconds: 15 * 60 },
  perAddress: { limit: 50, windowSeconds: 15 * 60 },
};
export const LINK_REQUEST_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perAddress: { limit: 20, windowSeconds: 15 * 60 },
};

/** Which sign-in the limits are about: the back office, or one seller's portal. */
export type LimitArea = { kind: 'staff' } | { kind: 'customer'; slug: string };

type Attempt = { db: DbOrTx; area: LimitArea; email: string; address: string; now?: Date };
export type LimitOutcome = { ok: true; keys: string[] } | { ok: false; error: string };

function areaKey(area: LimitArea): string {
  return area.kind === 'staff' ? 'staff' : `p:${area.slug}`;
}

export function tryAgainMessage(what: string, retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many ${what}. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

async function hitBoth(
  { db, area, email, address, now }: Attempt,
  action: string,
  limits: typeof SIGN_IN_LIMITS,
  what: string,
): Promise<LimitOutcome> {
  const emailKey = `${action}:email:${areaKey(area)}:${email.trim().toLowerCase()}`;
  const addressKey = `${action}:address:${address}`;
  const byEmail = await hitRateLimit(db, { key: emailKey, ...limits.perEmail, now });
  const byAddress = await hitRateLimit(db, { key: addressKey, ...limits.perAddress, now });
  const waits = [byEmail, byAddress].flatMap((r) => (r.allowed ? [] : [r.retryAfterSeconds]));
  if (waits.length) return { ok: false, error: tryAgainMessage(what, Math.max(...waits)) };
  return { ok: true, keys: [emailKey, addressKey] };
}

/** Counts a sign-in attempt before the password is checked; refuse it if either limit is hit. */
export function beginSignInAttempt(attempt: Attempt): Promise<LimitOutcome> {
  return hitBoth(attempt, 'sign-in', SIGN_IN_LIMITS, 'sign-in attempts');
}

/** The attempt succeeded: it does not count against the owner of the account. */
export async function refundSignInAttempt(db: DbOrTx, keys: string[]): Promise<void> {
  for (const key of keys) await refundRateLimit(db, key);
}

/** Counts a request for a sign-in, password-reset or fresh activation link. */
export function checkLinkRequest(attempt: Attempt): Promise<LimitOutcome> {
  return hitBoth(attempt, 'link', LINK_REQUEST_LIMITS, 'link requests');
}
