import type { NextAuthConfig } from 'next-auth';
import { logger } from '@/lib/logging/logger';

/**
 * Auth.js's log, routed to the app's logger (lib/logging/logger.ts). It logs
 * every failed sign-in as an error with a stack trace; a wrong password is an
 * expected answer, not a fault, so it stays out. Its debug metadata can hold
 * the request's cookies and tokens: only the message is kept.
 */
export const authLogger: NextAuthConfig['logger'] = {
  error(error) {
    const type = (error as { type?: string }).type ?? error.name;
    if (type === 'CredentialsSignin') return;
    logger.error({ err: error, authType: type }, 'auth error');
  },
  warn(code) {
    logger.warn({ authCode: code }, 'auth warning');
  },
  debug(message) {
    logger.debug({ authMessage: message }, 'auth debug');
  },
};
