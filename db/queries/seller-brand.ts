import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { portalSettings, sellers } from '@/db/schema';
import type { EmailBrand } from '@/lib/email/render';

/** The name, color and portal slug that brand a seller's emails. */
export async function findSellerBrand(db: DbOrTx, sellerId: number): Promise<EmailBrand & { slug: string; sellerName: string }> {
  const [row] = await db
    .select({
      slug: sellers.slug,
      sellerName: sellers.name,
      displayName: portalSettings.displayName,
      brandColor: portalSettings.brandColor,
    })
    .from(sellers)
    .leftJoin(portalSettings, eq(portalSettings.sellerId, sellers.id))
    .where(eq(sellers.id, sellerId))
    .limit(1);
  if (!row) throw new Error(`Seller ${sellerId} not found`);
  return {
    slug: row.slug,
    sellerName: row.sellerName,
    name: row.displayName || row.sellerName,
    color: row.brandColor ?? '#1d4ed8',
  };
}
