import { randomBytes } from 'node:crypto';

/**
 * After our own code has verified a person in this request (a one-time link
 * redeemed by its form's POST, a password just set), it signs them in through
 * Auth.js's "verified" provider. The grant lives in this process for a few
 * seconds only: `signIn` calls `authorize` in the same process and request.
 */
type Grant = {
  kind: 'staff' | 'customer';
  subjectId: number;
  sellerId: number;
  sessionVersion: number;
  expiresAt: number;
};

const grants = new Map<string, Grant>();

export function issueSignInGrant(grant: Omit<Grant, 'expiresAt'>): string {
  const id = randomBytes(24).toString('base64url');
  grants.set(id, { ...grant, expiresAt: Date.now() + 10_000 });
  return id;
}

export function redeemSignInGrant(id: string, kind: Grant['kind']): Grant | null {
  const grant = grants.get(id);
  grants.delete(id);
  for (const [key, value] of grants) if (value.expiresAt < Date.now()) grants.delete(key);
  if (!grant || grant.kind !== kind || grant.expiresAt < Date.now()) return null;
  return grant;
}
