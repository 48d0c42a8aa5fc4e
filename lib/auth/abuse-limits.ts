import type { DbOrTx } from '@/db';
import { hitRateLimits, refundRateLimit, type RateLimitHit } from '@/db/queries/rate-limits';
import { addressLimitKey } from './client-address';

/**
 * Abuse limits for sign-in and one-time-link requests, in fixed windows kept
 * in PostgreSQL (shared by every app instance). Three counters per attempt:
 *
 * - per (area, email, address): the tight one. Guessing one account's
 *   password from one place stops here, and only there: the owner signing in
 *   from an address that has not failed is not affected.
 * - per (area, email): a higher ceiling, against guessing one account from
 *   many addresses.
 * - per (area, address): against one address trying many emails.
 *
 * Sign-in counts only failures: a successful attempt is refunded on all three,
 * so staff who sign in often are never limited, while guessing is. An area is
 * the back office or one seller's portal, so one portal's traffic (or a proxy
 * address shared by its users) never locks out another's.
 */
const MINUTES = 60;
export const SIGN_IN_LIMITS = {
  perEmailAndAddress: { limit: 10, windowSeconds: 15 * MINUTES },
  perEmail: { limit: 100, windowSeconds: 15 * MINUTES },
  perAddress: { limit: 50, windowSeconds: 15 * MINUTES },
};
/**
 * Link requests send email, so the per-email ceiling is what bounds how much
 * mail one inbox can be sent from one area: at most 10 links an hour.
 */
export const LINK_REQUEST_LIMITS = {
  perEmailAndAddress: { limit: 3, windowSeconds: 15 * MINUTES },
  perEmail: { limit: 10, windowSeconds: 60 * MINUTES },
  perAddress: { limit: 20, windowSeconds: 15 * MINUTES },
};
type Limits = typeof SIGN_IN_LIMITS;

/** Which sign-in the limits are about: the back office, or one seller's portal. */
export type LimitArea = { kind: 'staff' } | { kind: 'customer'; slug: string };

type Attempt = { db: DbOrTx; area: LimitArea; email: string; address: string; now?: Date };
export type LimitOutcome = { ok: true; keys: string[] } | { ok: false; error: string; retryAfterSeconds: number };

function areaKey(area: LimitArea): string {
  return area.kind === 'staff' ? 'staff' : `p:${area.slug}`;
}

export function tryAgainMessage(what: string, retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many ${what}. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** The counter keys of an attempt, e.g. `sign-in:email:staff:a@b.test`. */
export function limitKeys(action: string, area: LimitArea, email: string, address: string) {
  const where = areaKey(area);
  const who = email.trim().toLowerCase();
  const from = addressLimitKey(address);
  return {
    perEmailAndAddress: `${action}:email-address:${where}:${who}|${from}`,
    perEmail: `${action}:email:${where}:${who}`,
    perAddress: `${action}:address:${where}:${from}`,
  };
}

async function hitAll({ db, area, email, address, now }: Attempt, action: string, limits: Limits, what: string): Promise<LimitOutcome> {
  const keys = limitKeys(action, area, email, address);
  const hits: RateLimitHit[] = (Object.keys(keys) as (keyof Limits)[]).map((name) => ({ key: keys[name], ...limits[name] }));
  const results = await hitRateLimits(db, { hits, now });
  const waits = [...results.values()].flatMap((r) => (r.allowed ? [] : [r.retryAfterSeconds]));
  if (waits.length) {
    const retryAfterSeconds = Math.max(...waits);
    return { ok: false, error: tryAgainMessage(what, retryAfterSeconds), retryAfterSeconds };
  }
  return { ok: true, keys: Object.values(keys) };
}

/** Counts a sign-in attempt before any password is hashed; refuses it if any limit is hit. */
export function beginSignInAttempt(attempt: Attempt): Promise<LimitOutcome> {
  return hitAll(attempt, 'sign-in', SIGN_IN_LIMITS, 'sign-in attempts');
}

/** The attempt succeeded: it does not count against the owner of the account. */
export async function refundSignInAttempt(db: DbOrTx, keys: string[]): Promise<void> {
  for (const key of keys) await refundRateLimit(db, key);
}

/** Counts a request for a sign-in, password-reset or fresh activation link. */
export function checkLinkRequest(attempt: Attempt): Promise<LimitOutcome> {
  return hitAll(attempt, 'link', LINK_REQUEST_LIMITS, 'link requests');
}
