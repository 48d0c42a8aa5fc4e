'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db';
import { inspectAccountLink, sendFreshAccountLink } from '@/db/queries/account-links';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { checkLinkRequest } from '@/lib/auth/abuse-limits';
import { resolveArea, type AreaRef } from '@/lib/auth/account-areas';
import { clientAddress } from '@/lib/auth/client-address';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';

/** "Send me a fresh link" on the page of an expired, replaced or used link. */
export async function sendFreshLinkAction(ref: AreaRef, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const token = String(form.get('token') ?? '');
  const db = await getDb();
  const resolved = await resolveArea(db, ref);
  if (!resolved) return fail('This portal is not open.');
  const purpose = z.enum(['activation', 'sign_in', 'password_reset']).catch('activation').parse(form.get('purpose'));
  const view = await inspectAccountLink(db, { area: resolved.area, token, purpose });
  if (!view.account) return fail('This link is not valid. Ask for a new one from the sign-in page.');
  const limit = await checkLinkRequest({ db, area: resolved.limitArea, email: view.account.email, address: clientAddress(await headers()) });
  if (!limit.ok) return fail(limit.error);
  const sent = await sendFreshAccountLink(db, { area: resolved.area, token });
  if (!sent.sent) return fail('We could not send a fresh link for this account. Please sign in, or contact us.');
  kickEmailDispatcher();
  return ok(undefined, `We sent a fresh link to ${sent.email}. It replaces the older ones.`);
}
