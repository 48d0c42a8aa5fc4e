'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { completeAccountLink, inspectAccountLink, requestAccountLink, sendFreshAccountLink } from '@/db/queries/account-links';
import type { TokenPurpose } from '@/db/schema';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { linkRequest, newPassword } from '@/lib/validation/accounts';
import { checkLinkRequest } from './abuse-limits';
import { resolveArea, type AreaRef } from './account-areas';
import { clientAddress } from './client-address';
import { customerSignIn } from './customer-auth';
import { issueSignInGrant } from './grants';
import { staffSignIn } from './staff-auth';

export type LinkFormState = {
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Shown instead of the form once the request went through. */
  done?: string;
  email?: string;
};

/** One answer whether or not the email has an account. */
const SENT = 'If an account exists for that email, we sent a link to it. Check your inbox; the link works once.';

const pageOf: Record<TokenPurpose, string> = {
  activation: 'activate',
  sign_in: 'sign-in-link',
  password_reset: 'reset-password',
};

function fieldErrorsOf(error: z.ZodError) {
  return z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
}

/**
 * "Email me a sign-in link" and "Forgot password". The limits are checked
 * (per email and address, per email, per address: lib/auth/abuse-limits.ts)
 * before anything else; the lookup and the email
 * happen after the response, so neither the answer nor its timing tells
 * whether the email has an account.
 */
export async function requestLinkAction(ref: AreaRef, purpose: 'sign_in' | 'password_reset', _prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const parsed = linkRequest.safeParse({ email: form.get('email') });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, fieldErrors: fieldErrorsOf(parsed.error) };
  const kind = z.enum(['sign_in', 'password_reset']).parse(purpose);
  const { email } = parsed.data;
  const db = await getDb();
  const resolved = await resolveArea(db, ref);
  if (!resolved) return { done: SENT };
  const limit = await checkLinkRequest({ db, area: resolved.limitArea, email, address: clientAddress(await headers()) });
  if (!limit.ok) return { error: limit.error, email };
  after(async () => {
    try {
      await requestAccountLink(db, { area: resolved.area, email, purpose: kind });
      kickEmailDispatcher();
    } catch (error) {
      console.error('[auth] link request failed', error);
    }
  });
  return { done: SENT };
}

/** Signs in the account our own code just verified, then goes to a path of ours (never Auth.js's Host-built URL). */
async function signInVerified(kind: 'staff' | 'customer', account: { subject: { id: number }; sellerId: number; sessionVersion: number }, path: string): Promise<never> {
  const grant = issueSignInGrant({ kind, subjectId: account.subject.id, sellerId: account.sellerId, sessionVersion: account.sessionVersion });
  if (kind === 'staff') await staffSignIn('verified', { grant, redirect: false, redirectTo: path });
  else await customerSignIn('verified', { grant, redirect: false, redirectTo: path });
  redirect(path);
}

/**
 * The form on a link's page: the only thing that uses a token. Activation and
 * reset set the password; then the person is signed in. When the link can no
 * longer be used, back to its page, which now says why.
 */
export async function completeLinkAction(ref: AreaRef, purpose: TokenPurpose, _prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const kind = z.enum(['activation', 'sign_in', 'password_reset']).parse(purpose);
  const db = await getDb();
  const resolved = await resolveArea(db, ref);
  if (!resolved) return { error: 'This portal is not open.' };
  let token: string;
  let password: string | undefined;
  if (kind === 'sign_in') {
    token = String(form.get('token') ?? '');
  } else {
    const parsed = newPassword.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { error: parsed.error.issues[0]!.message, fieldErrors: fieldErrorsOf(parsed.error) };
    ({ token, password } = parsed.data);
  }
  const result = await completeAccountLink(db, { area: resolved.area, token, purpose: kind, password });
  if (!result.ok) redirect(`${resolved.root}/${pageOf[kind]}?token=${encodeURIComponent(token)}`);
  return signInVerified(resolved.area.kind, result.account, resolved.root);
}

/** "Send me a fresh link" on the page of an expired, replaced or used link. */
export async function sendFreshLinkAction(ref: AreaRef, _prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const token = String(form.get('token') ?? '');
  const db = await getDb();
  const resolved = await resolveArea(db, ref);
  if (!resolved) return { error: 'This portal is not open.' };
  const purpose = z.enum(['activation', 'sign_in', 'password_reset']).catch('activation').parse(form.get('purpose'));
  const view = await inspectAccountLink(db, { area: resolved.area, token, purpose });
  if (!view.account) return { error: 'This link is not valid. Ask for a new one from the sign-in page.' };
  const limit = await checkLinkRequest({ db, area: resolved.limitArea, email: view.account.email, address: clientAddress(await headers()) });
  if (!limit.ok) return { error: limit.error };
  const sent = await sendFreshAccountLink(db, { area: resolved.area, token });
  if (!sent.sent) return { error: 'We could not send a fresh link for this account. Please sign in, or contact us.' };
  kickEmailDispatcher();
  return { done: `We sent a fresh link to ${sent.email}. It replaces the older ones.` };
}
