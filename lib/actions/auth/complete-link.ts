'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { completeAccountLink } from '@/db/queries/account-links';
import type { TokenPurpose } from '@/db/schema';
import { fail, invalid, type ActionResult } from '@/lib/actions/result';
import { resolveArea, type AreaRef } from '@/lib/auth/account-areas';
import { signInVerified } from '@/lib/auth/verified-sign-in';
import { newPassword } from '@/lib/validation/accounts';

const pageOf: Record<TokenPurpose, string> = {
  activation: 'activate',
  sign_in: 'sign-in-link',
  password_reset: 'reset-password',
  email_change: 'confirm-email',
};

/**
 * The form on a link's page: the only thing that uses a token. Activation and
 * reset set the password; then the person is signed in. When the link can no
 * longer be used, back to its page, which now says why.
 */
export async function completeLinkAction(
  ref: AreaRef,
  purpose: TokenPurpose,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const kind = z.enum(['activation', 'sign_in', 'password_reset']).parse(purpose);
  const db = await getDb();
  const resolved = await resolveArea(db, ref);
  if (!resolved) return fail('This portal is not open.');
  let token: string;
  let password: string | undefined;
  if (kind === 'sign_in') {
    token = String(form.get('token') ?? '');
  } else {
    const parsed = newPassword.safeParse(Object.fromEntries(form));
    if (!parsed.success) return invalid(parsed.error);
    ({ token, password } = parsed.data);
  }
  const result = await completeAccountLink(db, { area: resolved.area, token, purpose: kind, password });
  if (!result.ok) redirect(`${resolved.root}/${pageOf[kind]}?token=${encodeURIComponent(token)}`);
  return signInVerified(resolved.area.kind, result.account, resolved.root);
}
