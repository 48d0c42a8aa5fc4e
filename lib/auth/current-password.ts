import type { DbOrTx } from '@/db';
import { verifyOwnPassword, type OwnAccountParams } from '@/db/queries/my-account';
import { Refusal } from '@/lib/refusal';
import { beginSignInAttempt, refundSignInAttempt, type LimitArea } from './abuse-limits';
import { clientAddress } from './client-address';
import { isPasswordHashingBusy } from './password';

export const WRONG_CURRENT_PASSWORD = 'That is not your current password.';

/**
 * The current password, asked for before a new password or a new email
 * address. It reaches the same secret as sign-in, so it counts on the same
 * counters (lib/auth/abuse-limits.ts, keyed by the area and the account's
 * email): guesses here and at the sign-in form share one limit. Limits first,
 * then scrypt; a right password is refunded as at sign-in.
 */
export async function checkCurrentPassword(
  db: DbOrTx,
  params: OwnAccountParams & { area: LimitArea; email: string; password: string; headers: Headers; now?: Date },
): Promise<void> {
  const limit = await beginSignInAttempt({ db, area: params.area, email: params.email, address: clientAddress(params.headers), now: params.now });
  if (!limit.ok) throw new Refusal(limit.error, { code: 'busy' });
  let ok: boolean;
  try {
    ok = await verifyOwnPassword(db, { sellerId: params.sellerId, subject: params.subject, password: params.password });
  } catch (error) {
    if (isPasswordHashingBusy(error)) throw new Refusal(error.message, { code: 'busy' });
    throw error;
  }
  if (!ok) throw new Refusal(WRONG_CURRENT_PASSWORD, { code: 'invalid', fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] } });
  await refundSignInAttempt(db, limit.keys);
}
