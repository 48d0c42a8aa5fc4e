'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { endAccountSession } from '@/db/queries/account-store';
import { customerAuth, customerSignOut } from '@/lib/auth/customer-auth';

/** Signs out of a portal, ending the session on the server too (as staffSignOutAction does). */
export async function customerSignOutAction(slug: string) {
  const session = (await customerAuth()) as { uid?: number; sid?: number; ver?: number } | null;
  if (session?.uid && session.sid) {
    await endAccountSession(await getDb(), {
      subject: { kind: 'customer', id: session.uid },
      sellerId: session.sid,
      sessionVersion: session.ver ?? 0,
    });
  }
  await customerSignOut({ redirect: false });
  redirect(`/p/${encodeURIComponent(slug)}/sign-in`);
}
