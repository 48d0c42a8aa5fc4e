import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { verifyCustomerCredentials } from '@/db/queries/accounts';
import { findPortalBySlug } from '@/db/queries/sellers';
import type { PortalAccount } from '@/db/schema';
import { authSecret, secureCookies } from './secret';
import { authLogger } from './logger';
import { signInWithPassword } from './password-sign-in';
import { CUSTOMER_SESSION_IDLE_SECONDS, SIGNED_IN_AT_CLAIM } from './session-refresh';
import { sessionCookie } from './session-cookies';

/**
 * Auth.js instance for the customer portals. The JWT names the seller the
 * account belongs to; `requireCustomer(slug)` refuses it at any other seller.
 */
export const {
  handlers: customerHandlers,
  auth: customerAuth,
  signIn: customerSignIn,
  signOut: customerSignOut,
} = NextAuth({
  basePath: '/api/auth/customer',
  secret: authSecret(),
  trustHost: true,
  // A week; proxy.ts renews it on use, up to 30 days after signing in (lib/auth/session-refresh.ts).
  session: { strategy: 'jwt', maxAge: CUSTOMER_SESSION_IDLE_SECONDS },
  useSecureCookies: secureCookies(),
  cookies: { sessionToken: sessionCookie('customer') },
  logger: authLogger,
  providers: [
    Credentials({
      id: 'password',
      credentials: { slug: {}, email: {}, password: {} },
      // The app's form and Auth.js's REST endpoint both land here: limits live here (lib/auth/password-sign-in.ts).
      async authorize(credentials, request) {
        const db = await getDb();
        // An unknown portal has no accounts to guess: no count, no hash.
        const portal = await findPortalBySlug(db, String(credentials?.slug ?? '').slice(0, 100));
        if (!portal) throw new CredentialsSignin();
        const account = await signInWithPassword<PortalAccount>(db, {
          area: { kind: 'customer', slug: portal.slug },
          credentials,
          request,
          check: async (email, password) => {
            const found = await verifyCustomerCredentials(db, { sellerId: portal.sellerId, email, password });
            return found ? { status: 'match' as const, account: found } : { status: 'none' as const };
          },
        });
        return {
          id: String(account.id),
          name: account.name,
          email: account.email,
          sellerId: account.sellerId,
          sessionVersion: account.sessionVersion,
        };
      },
    }),
    Credentials({
      id: 'verified',
      credentials: { grant: {} },
      async authorize(credentials) {
        const { redeemSignInGrant } = await import('./grants');
        const grant = redeemSignInGrant(String(credentials?.grant ?? ''), 'customer');
        if (!grant) throw new CredentialsSignin();
        return { id: String(grant.subjectId), sellerId: grant.sellerId, sessionVersion: grant.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; sellerId?: number; sessionVersion?: number };
        token.uid = Number(u.id);
        token.sid = u.sellerId;
        token.ver = u.sessionVersion ?? 0;
        token[SIGNED_IN_AT_CLAIM] = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as number, sid: token.sid as number, ver: token.ver as number };
    },
  },
});
