import { z } from 'zod';
import type { DbOrTx } from '@/db';
import type { AccountArea } from '@/db/queries/account-store';
import { findPortalBySlug, type PortalIdentity } from '@/db/queries/sellers';
import type { LimitArea } from './abuse-limits';

/**
 * Where a sign-in, link or password page lives: the back office, or one
 * seller's portal. Pages bind it to their actions; the action treats it as
 * untrusted input and resolves the seller itself.
 */
export type AreaRef = { kind: 'staff' } | { kind: 'customer'; slug: string };

const areaRef = z.union([
  z.object({ kind: z.literal('staff') }),
  z.object({ kind: z.literal('customer'), slug: z.string().min(1).max(100) }),
]);

export type ResolvedArea = {
  ref: AreaRef;
  area: AccountArea;
  limitArea: LimitArea;
  /** The area's home: /admin or /p/{slug}. */
  root: string;
  portal: PortalIdentity | null;
};

/** Null for an unknown seller or a portal that is not open. */
export async function resolveArea(db: DbOrTx, input: unknown): Promise<ResolvedArea | null> {
  const parsed = areaRef.safeParse(input);
  if (!parsed.success) return null;
  const ref = parsed.data;
  if (ref.kind === 'staff') {
    return { ref, area: { kind: 'staff' }, limitArea: { kind: 'staff' }, root: '/admin', portal: null };
  }
  const portal = await findPortalBySlug(db, ref.slug);
  if (!portal || !portal.enabled) return null;
  return {
    ref,
    area: { kind: 'customer', sellerId: portal.sellerId },
    limitArea: { kind: 'customer', slug: portal.slug },
    root: `/p/${portal.slug}`,
    portal,
  };
}
