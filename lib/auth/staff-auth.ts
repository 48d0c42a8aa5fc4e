import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { verifyStaffCredentials } from '@/db/queries/accounts';
import { authSecret, secureCookies } from './secret';
import { authLogger } from './logger';
import { signInWithPassword } from './password-sign-in';
import { sessionCookie } from './session-cookies';

/**
 * Auth.js instance for the back office. Its own cookie and base path keep a
 * staff session apart from a customer session in the same browser. The JWT
 * carries the session version; `requireStaff` compares it with the database on
 * every request, so disabling a user or resetting a password ends its sessions.
 */
export const {
  handlers: staffHandlers,
  auth: staffAuth,
  signIn: staffSignIn,
  signOut: staffSignOut,
} = NextAuth({
  basePath: '/api/auth/staff',
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  useSecureCookies: secureCookies(),
  cookies: { sessionToken: sessionCookie('staff') },
  pages: { signIn: '/admin/sign-in', error: '/admin/sign-in' },
  logger: authLogger,
  providers: [
    Credentials({
      id: 'password',
      credentials: { email: {}, password: {} },
      // The app's form and Auth.js's REST endpoint both land here: limits live here (lib/auth/password-sign-in.ts).
      async authorize(credentials, request) {
        const db = await getDb();
        const user = await signInWithPassword(db, {
          area: { kind: 'staff' },
          credentials,
          request,
          check: async (email, password) => {
            const result = await verifyStaffCredentials(db, { email, password });
            return result.status === 'match' ? { status: 'match' as const, account: result.user } : result;
          },
        });
        return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
    Credentials({
      // Used after our own checks succeeded (a one-time link was redeemed by its form's POST).
      id: 'verified',
      credentials: { grant: {} },
      async authorize(credentials) {
        const { redeemSignInGrant } = await import('./grants');
        const grant = redeemSignInGrant(String(credentials?.grant ?? ''), 'staff');
        if (!grant) throw new CredentialsSignin();
        return { id: String(grant.subjectId), sessionVersion: grant.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.ver = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as number, ver: token.ver as number };
    },
  },
});
