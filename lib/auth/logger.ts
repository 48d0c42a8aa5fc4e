import type { NextAuthConfig } from 'next-auth';

/**
 * Auth.js logs every failed sign-in as an error with a stack trace. A wrong
 * password is an expected answer, not a fault: keep it out of the logs and
 * let everything else through.
 */
export const authLogger: NextAuthConfig['logger'] = {
  error(error) {
    const type = (error as { type?: string }).type ?? error.name;
    if (type === 'CredentialsSignin') return;
    console.error(error);
  },
};
