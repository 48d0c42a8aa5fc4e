'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { beginSignInAttempt, refundSignInAttempt, type LimitArea } from './abuse-limits';
import { clientAddress } from './client-address';
import { customerSignIn, customerSignOut } from './customer-auth';
import { staffSignIn, staffSignOut } from './staff-auth';
import { safeNextPath } from './safe-next';

export type SignInState = { error?: string; email?: string };

const credentials = z.object({
  email: z.string().trim().email('Enter your email address.').max(320),
  password: z.string().min(1, 'Enter your password.').max(1000),
  next: z.string().optional(),
});

/** One answer for an unknown email, a wrong password and a disabled account. */
const GENERIC = 'That email and password do not match an active account.';

/**
 * Counts the attempt against the abuse limits (per email and per client
 * address), checks the password through Auth.js, and refunds the count when
 * it was right, so only failures add up.
 */
async function signInWithLimits(
  area: LimitArea,
  email: string,
  signIn: () => Promise<string>,
): Promise<SignInState> {
  const db = await getDb();
  const limit = await beginSignInAttempt({ db, area, email, address: clientAddress(await headers()) });
  if (!limit.ok) return { error: limit.error, email };
  let url: string;
  try {
    url = await signIn();
  } catch (error) {
    if (error instanceof AuthError) return { error: GENERIC, email };
    throw error;
  }
  await refundSignInAttempt(db, limit.keys);
  redirect(url);
}

export async function staffSignInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = credentials.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { email, password, next } = parsed.data;
  return signInWithLimits({ kind: 'staff' }, email, () =>
    staffSignIn('password', { email, password, redirect: false, redirectTo: safeNextPath(next, '/admin') }),
  );
}

export async function customerSignInAction(
  slug: string,
  _prev: SignInState,
  form: FormData,
): Promise<SignInState> {
  const parsed = credentials.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { email, password, next } = parsed.data;
  return signInWithLimits({ kind: 'customer', slug }, email, () =>
    customerSignIn('password', { slug, email, password, redirect: false, redirectTo: safeNextPath(next, `/p/${slug}`) }),
  );
}

export async function staffSignOutAction() {
  await staffSignOut({ redirectTo: '/admin/sign-in' });
}

export async function customerSignOutAction(slug: string) {
  await customerSignOut({ redirectTo: `/p/${slug}/sign-in` });
}
