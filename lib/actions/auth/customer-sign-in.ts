'use server';

import { customerSignIn } from '@/lib/auth/customer-auth';
import { signInThenGo, type SignInState } from '@/lib/auth/sign-in-redirect';
import { safeNextPath } from '@/lib/auth/safe-next';
import { signInCredentials } from '@/lib/validation/accounts';

/** A portal's password sign-in; then to the page asked for, or the portal's home. */
export async function customerSignInAction(slug: string, _prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInCredentials.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const { email, password, next } = parsed.data;
  const path = safeNextPath(next, `/p/${encodeURIComponent(slug)}`);
  return signInThenGo(email, path, () => customerSignIn('password', { slug, email, password, redirect: false, redirectTo: path }));
}
