import 'server-only';
import { getDb } from '@/db';
import { inspectAccountLink, type LinkView } from '@/db/queries/account-links';
import { inspectEmailChange, type EmailChangeView } from '@/db/queries/my-account';
import type { TokenPurpose } from '@/db/schema';
import { resolveArea, type AreaRef } from './account-areas';

/** What a link's page should show; reads only, whoever opens it and however often. */
export async function loadLinkView(area: AreaRef, purpose: TokenPurpose, token: string | undefined): Promise<LinkView> {
  if (!token) return { state: 'invalid' };
  const db = await getDb();
  const resolved = await resolveArea(db, area);
  if (!resolved) return { state: 'invalid' };
  return inspectAccountLink(db, { area: resolved.area, token, purpose });
}

/** What an email-change link's page should show; reads only. */
export async function loadEmailChangeView(area: AreaRef, token: string | undefined): Promise<EmailChangeView> {
  if (!token) return { state: 'invalid' };
  const db = await getDb();
  const resolved = await resolveArea(db, area);
  if (!resolved) return { state: 'invalid' };
  return inspectEmailChange(db, { area: resolved.area, token });
}
