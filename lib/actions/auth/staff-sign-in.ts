'use server';

import { signInThenGo, type SignInState } from '@/lib/auth/sign-in-redirect';
import { safeNextPath } from '@/lib/auth/safe-next';
import { staffSignIn } from '@/lib/auth/staff-auth';
import { signInCredentials } from '@/lib/validation/accounts';

/** The back office's password sign-in; then to the page asked for, or /admin. */
export async function staffSignInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInCredentials.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { email, password, next } = parsed.data;
  const path = safeNextPath(next, '/admin');
  return signInThenGo(email, path, () => staffSignIn('password', { email, password, redirect: false, redirectTo: path }));
}
