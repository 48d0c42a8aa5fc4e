'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { endAccountSession } from '@/db/queries/account-store';
import { customerAuth, customerSignIn, customerSignOut } from './customer-auth';
import { staffAuth, staffSignIn, staffSignOut } from './staff-auth';
import { safeNextPath } from './safe-next';
import { signInErrorMessage } from './sign-in-refusal';

export type SignInState = { error?: string; email?: string };

const credentials = z.object({
  email: z.string().trim().email('Enter your email address.').max(320),
  password: z.string().min(1, 'Enter your password.').max(1000),
  next: z.string().optional(),
});

/**
 * Checks the password through Auth.js (whose `authorize` counts the attempt
 * against the abuse limits, lib/auth/password-sign-in.ts), then redirects to
 * a path of our own. Auth.js's answer is an absolute URL built from the
 * request's Host, which a client chooses: never followed.
 */
async function signInThenGo(email: string, path: string, signIn: () => Promise<unknown>): Promise<SignInState> {
  try {
    await signIn();
  } catch (error) {
    if (error instanceof AuthError) return { error: signInErrorMessage(error), email };
    throw error;
  }
  redirect(path);
}

export async function staffSignInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = credentials.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { email, password, next } = parsed.data;
  const path = safeNextPath(next, '/admin');
  return signInThenGo(email, path, () => staffSignIn('password', { email, password, redirect: false, redirectTo: path }));
}

export async function customerSignInAction(
  slug: string,
  _prev: SignInState,
  form: FormData,
): Promise<SignInState> {
  const parsed = credentials.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { email, password, next } = parsed.data;
  const path = safeNextPath(next, `/p/${encodeURIComponent(slug)}`);
  return signInThenGo(email, path, () => customerSignIn('password', { slug, email, password, redirect: false, redirectTo: path }));
}

/**
 * Signing out ends the session on the server too: the account's session
 * version moves on, so a copy of the cookie (or the same account signed in
 * elsewhere) stops working, not only this browser's cookie.
 */
export async function staffSignOutAction() {
  const session = (await staffAuth()) as { uid?: number; ver?: number } | null;
  if (session?.uid) {
    await endAccountSession(await getDb(), { subject: { kind: 'staff', id: session.uid }, sessionVersion: session.ver ?? 0 });
  }
  await staffSignOut({ redirect: false });
  redirect('/admin/sign-in');
}

export async function customerSignOutAction(slug: string) {
  const session = (await customerAuth()) as { uid?: number; sid?: number; ver?: number } | null;
  if (session?.uid && session.sid) {
    await endAccountSession(await getDb(), {
      subject: { kind: 'customer', id: session.uid },
      sellerId: session.sid,
      sessionVersion: session.ver ?? 0,
    });
  }
  await customerSignOut({ redirect: false });
  redirect(`/p/${encodeURIComponent(slug)}/sign-in`);
}
