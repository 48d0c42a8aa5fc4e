'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { completeEmailChange } from '@/db/queries/my-account';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { resolveArea, type AreaRef } from '@/lib/auth/account-areas';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';

/**
 * The form on an email-change link's page: the only thing that uses the
 * token (opening the link only shows the page). The link itself is the
 * authority, so it works in any browser, signed in or not. When it can no
 * longer be used, back to its page, which now says why.
 */
export async function confirmEmailChangeAction(ref: AreaRef, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const db = await getDb();
  const resolved = await resolveArea(db, ref);
  if (!resolved) return fail('This portal is not open.');
  const token = String(form.get('token') ?? '').slice(0, 200);
  const result = await completeEmailChange(db, { area: resolved.area, token });
  if (!result.ok) redirect(`${resolved.root}/confirm-email?token=${encodeURIComponent(token)}`);
  kickEmailDispatcher();
  return ok(undefined, `Your email address is now ${result.email}. Use it to sign in from now on.`);
}
