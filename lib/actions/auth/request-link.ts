'use server';

import { headers } from 'next/headers';
import { after } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { requestAccountLink } from '@/db/queries/account-links';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { checkLinkRequest } from '@/lib/auth/abuse-limits';
import { resolveArea, type AreaRef } from '@/lib/auth/account-areas';
import { clientAddress } from '@/lib/auth/client-address';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { linkRequest } from '@/lib/validation/accounts';

/** One answer whether or not the email has an account. */
const SENT = 'If an account exists for that email, we sent a link to it. Check your inbox; the link works once.';

/**
 * "Email me a sign-in link" and "Forgot password". The limits are checked
 * (per email and address, per email, per address: lib/auth/abuse-limits.ts)
 * before anything else; the lookup and the email
 * happen after the response, so neither the answer nor its timing tells
 * whether the email has an account.
 */
export async function requestLinkAction(
  ref: AreaRef,
  purpose: 'sign_in' | 'password_reset',
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const parsed = linkRequest.safeParse({ email: form.get('email') });
  if (!parsed.success) return invalid(parsed.error);
  const kind = z.enum(['sign_in', 'password_reset']).parse(purpose);
  const { email } = parsed.data;
  const db = await getDb();
  const resolved = await resolveArea(db, ref);
  if (!resolved) return ok(undefined, SENT);
  const limit = await checkLinkRequest({ db, area: resolved.limitArea, email, address: clientAddress(await headers()) });
  if (!limit.ok) return fail(limit.error);
  after(async () => {
    try {
      await requestAccountLink(db, { area: resolved.area, email, purpose: kind });
      kickEmailDispatcher();
    } catch (error) {
      console.error('[auth] link request failed', error);
    }
  });
  return ok(undefined, SENT);
}
