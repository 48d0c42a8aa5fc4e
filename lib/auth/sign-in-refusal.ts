import { CredentialsSignin } from 'next-auth';

/** One answer for an unknown email, a wrong password and a disabled account. */
export const GENERIC_SIGN_IN_ERROR = 'That email and password do not match an active account.';

export const SEVERAL_ACCOUNTS_ERROR =
  'This email and password belong to accounts at more than one company. Use “Email me a sign-in link”: you get one link per company, each naming it.';

export type SignInRefusalCode = 'rate_limited' | 'busy' | 'several_accounts';

/**
 * A sign-in refused for another reason than "no match", thrown from a
 * credentials provider's `authorize`. Auth.js passes a CredentialsSignin
 * through unchanged: the app's own sign-in action reads `userMessage`, and
 * its REST endpoint puts `code` in the error redirect (`?code=rate_limited`).
 */
export class SignInRefused extends CredentialsSignin {
  constructor(
    code: SignInRefusalCode,
    readonly userMessage: string,
  ) {
    super();
    this.code = code;
  }
}

/** The message for a refused sign-in; the generic one for any other Auth.js error. */
export function signInErrorMessage(error: unknown): string {
  // Read by shape, not class identity: the bundler may give an action its own copy of this module.
  const refused = error as { type?: string; code?: string; userMessage?: unknown };
  if (refused?.type === 'CredentialsSignin' && typeof refused.userMessage === 'string') return refused.userMessage;
  return GENERIC_SIGN_IN_ERROR;
}
