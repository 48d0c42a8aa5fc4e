'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
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

export async function staffSignInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = credentials.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { email, password, next } = parsed.data;
  try {
    await staffSignIn('password', { email, password, redirectTo: safeNextPath(next, '/admin') });
  } catch (error) {
    if (error instanceof AuthError) return { error: GENERIC, email };
    throw error;
  }
  return {};
}

export async function customerSignInAction(
  slug: string,
  _prev: SignInState,
  form: FormData,
): Promise<SignInState> {
  const parsed = credentials.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { email, password, next } = parsed.data;
  try {
    await customerSignIn('password', { slug, email, password, redirectTo: safeNextPath(next, `/p/${slug}`) });
  } catch (error) {
    if (error instanceof AuthError) return { error: GENERIC, email };
    throw error;
  }
  return {};
}

export async function staffSignOutAction() {
  await staffSignOut({ redirectTo: '/admin/sign-in' });
}

export async function customerSignOutAction(slug: string) {
  await customerSignOut({ redirectTo: `/p/${slug}/sign-in` });
}
