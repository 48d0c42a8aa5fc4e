import postgres from 'postgres';
import { encode } from 'next-auth/jwt';

/** The secret of the bench's server (a throwaway one: the cookies below are minted with it). */
export const BENCH_AUTH_SECRET = 'bench-secret-not-for-production-0123456789abcdef';

/** The cookie Auth.js sets after a sign-in (APP_URL is http here: no __Host- prefix), minted for an account by email. */
export async function buyerCookie(url: string, email: string): Promise<string> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [account] = await db<{ id: number; seller_id: number; ver: number }[]>`
      select a.id, a.seller_id, a.session_version as ver from portal_accounts a join sellers s on s.id = a.seller_id
      where s.slug = 'acme' and a.email = ${email}`;
    if (!account) throw new Error(`no portal account ${email} at acme`);
    const name = 'tp-customer-session';
    const value = await encode({ token: { sub: String(account.id), uid: account.id, sid: account.seller_id, ver: account.ver }, secret: BENCH_AUTH_SECRET, salt: name, maxAge: 3600 });
    return `${name}=${value}`;
  } finally {
    await db.end();
  }
}

/** The same for Acme's first owner, in the back office. */
export async function staffCookie(url: string): Promise<string> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [staff] = await db<{ id: number; ver: number }[]>`
      select u.id, u.session_version as ver from staff_users u join sellers s on s.id = u.seller_id where s.slug = 'acme' and u.role = 'owner' order by u.id limit 1`;
    const name = 'tp-staff-session';
    const value = await encode({ token: { sub: String(staff!.id), uid: staff!.id, ver: staff!.ver }, secret: BENCH_AUTH_SECRET, salt: name, maxAge: 3600 });
    return `${name}=${value}`;
  } finally {
    await db.end();
  }
}
