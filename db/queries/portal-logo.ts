import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { portalLogos, sellers } from '@/db/schema';

/**
 * The stored PNG behind a served logo URL: only when `sha256` is the current
 * logo of the seller with this slug. An old hash or another seller's answers
 * null (a 404), so a URL never serves anything but what it names.
 */
export async function findServedPortalLogo(db: DbOrTx, params: { slug: string; sha256: string }): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ png: portalLogos.png })
    .from(portalLogos)
    .innerJoin(sellers, eq(sellers.id, portalLogos.sellerId))
    .where(and(eq(sellers.slug, params.slug), eq(portalLogos.sha256, params.sha256)))
    .limit(1);
  return row?.png ?? null;
}

/** The seller's stored logo PNG (already fitted to 600×200), for the invoice PDF. */
export async function findPortalLogoPng(db: DbOrTx, params: { sellerId: number }): Promise<Uint8Array | null> {
  const [row] = await db.select({ png: portalLogos.png }).from(portalLogos).where(eq(portalLogos.sellerId, params.sellerId)).limit(1);
  return row?.png ?? null;
}
