import { CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import type { DbOrTx } from '@/db';
import { beginSignInAttempt, refundSignInAttempt, type LimitArea } from './abuse-limits';
import { clientAddress } from './client-address';
import { isPasswordHashingBusy } from './password';
import { SEVERAL_ACCOUNTS_ERROR, SignInRefused } from './sign-in-refusal';

/**
 * The one password check behind both ways in: the app's sign-in forms (server
 * actions calling Auth.js's `signIn`) and Auth.js's own REST endpoint
 * (`POST /api/auth/{staff,customer}/callback/password`). Both reach a
 * credentials provider's `authorize(credentials, request)`, which calls this,
 * so both count alike. Order matters: limits first, then a hash slot, then
 * scrypt; a refused attempt never costs a hash.
 */
const credentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export type PasswordCheck<T> = { status: 'match'; account: T } | { status: 'none' } | { status: 'several' };

export async function signInWithPassword<T>(
  db: DbOrTx,
  params: {
    area: LimitArea;
    credentials: Partial<Record<string, unknown>> | undefined;
    request: Request;
    check: (email: string, password: string) => Promise<PasswordCheck<T>>;
  },
): Promise<T> {
  const parsed = credentials.safeParse({ email: params.credentials?.email, password: params.credentials?.password });
  if (!parsed.success) throw new CredentialsSignin();
  const { email, password } = parsed.data;
  const limit = await beginSignInAttempt({ db, area: params.area, email, address: clientAddress(params.request.headers) });
  if (!limit.ok) throw new SignInRefused('rate_limited', limit.error);
  let outcome: PasswordCheck<T>;
  try {
    outcome = await params.check(email, password);
  } catch (error) {
    if (isPasswordHashingBusy(error)) throw new SignInRefused('busy', error.message);
    throw error;
  }
  if (outcome.status === 'none') throw new CredentialsSignin();
  // The password was right (for one account or several): the owner's attempt does not count.
  await refundSignInAttempt(db, limit.keys);
  if (outcome.status === 'several') throw new SignInRefused('several_accounts', SEVERAL_ACCOUNTS_ERROR);
  return outcome.account;
}
