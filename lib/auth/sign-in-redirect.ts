import 'server-only';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signInErrorMessage } from './sign-in-refusal';

/** What a failed password sign-in answers: the message, and the email (never the password) to fill the form again. */
export type SignInState = { error?: string; email?: string };

/**
 * Checks the password through Auth.js (whose `authorize` counts the attempt
 * against the abuse limits, lib/auth/password-sign-in.ts), then redirects to
 * a path of our own. Auth.js's answer is an absolute URL built from the
 * request's Host, which a client chooses: never followed.
 */
export async function signInThenGo(email: string, path: string, signIn: () => Promise<unknown>): Promise<SignInState> {
  try {
    await signIn();
  } catch (error) {
    if (error instanceof AuthError) return { error: signInErrorMessage(error), email };
    throw error;
  }
  redirect(path);
}
