'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { endAccountSession } from '@/db/queries/account-store';
import { staffAuth, staffSignOut } from '@/lib/auth/staff-auth';

/**
 * Signing out ends the session on the server too: the account's session
 * version moves on, so a copy of the cookie (or the same account signed in
 * elsewhere) stops working, not only this browser's cookie.
 */
export async function staffSignOutAction() {
  const session = (await staffAuth()) as { uid?: number; ver?: number } | null;
  if (session?.uid) {
    await endAccountSession(await getDb(), { subject: { kind: 'staff', id: session.uid }, sessionVersion: session.ver ?? 0 });
  }
  await staffSignOut({ redirect: false });
  redirect('/admin/sign-in');
}
