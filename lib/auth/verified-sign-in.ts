import 'server-only';
import { redirect } from 'next/navigation';
import { customerSignIn } from './customer-auth';
import { issueSignInGrant } from './grants';
import { staffSignIn } from './staff-auth';

/** Signs in the account our own code just verified, then goes to a path of ours (never Auth.js's Host-built URL). */
export async function signInVerified(
  kind: 'staff' | 'customer',
  account: { subject: { id: number }; sellerId: number; sessionVersion: number },
  path: string,
): Promise<never> {
  const grant = issueSignInGrant({ kind, subjectId: account.subject.id, sellerId: account.sellerId, sessionVersion: account.sessionVersion });
  if (kind === 'staff') await staffSignIn('verified', { grant, redirect: false, redirectTo: path });
  else await customerSignIn('verified', { grant, redirect: false, redirectTo: path });
  redirect(path);
}

/**
 * Gives this browser a fresh session cookie with the account's new session
 * version (after a password change ended every other session), staying on
 * the page: no redirect, the action answers as usual.
 */
export async function renewSession(
  kind: 'staff' | 'customer',
  account: { subject: { id: number }; sellerId: number; sessionVersion: number },
): Promise<void> {
  const grant = issueSignInGrant({ kind, subjectId: account.subject.id, sellerId: account.sellerId, sessionVersion: account.sessionVersion });
  if (kind === 'staff') await staffSignIn('verified', { grant, redirect: false });
  else await customerSignIn('verified', { grant, redirect: false });
}
