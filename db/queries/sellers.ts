import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { portalLogos, portalSettings, sellers } from '@/db/schema';
import { portalLogoPath } from '@/lib/portal/logo-path';
import { DEFAULT_BRAND_COLOR } from '@/lib/brand';
import { quantityDisplayOf } from '@/lib/portal/quantity-display';

/** A seller's custom domain as links may use it: only once its ownership is verified. */
export const verifiedDomainColumn = sql<string | null>`case when ${sellers.customDomainVerifiedAt} is not null then lower(${sellers.customDomain}) end`;

/** A seller's portal identity by slug, with the branding the portal shows on every page. */
export async function findPortalBySlug(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({
      sellerId: sellers.id,
      slug: sellers.slug,
      sellerName: sellers.name,
      currency: sellers.currency,
      // How dates, money and numbers read on every portal page (Settings > Company).
      locale: sellers.locale,
      timeZone: sellers.timeZone,
      verifiedDomain: verifiedDomainColumn,
      enabled: portalSettings.enabled,
      displayName: portalSettings.displayName,
      brandColor: portalSettings.brandColor,
      quantityDisplayMode: portalSettings.quantityDisplay,
      quantityCap: portalSettings.quantityCap,
      minOrderValue: portalSettings.minOrderValue,
      buyersMayPickUnits: portalSettings.buyersMayPickUnits,
      // Never the image itself: pages link to it (portalLogoPath), the browser caches it.
      logoSha256: portalLogos.sha256,
      logoWidth: portalLogos.width,
      logoHeight: portalLogos.height,
    })
    .from(sellers)
    .leftJoin(portalSettings, eq(portalSettings.sellerId, sellers.id))
    .leftJoin(portalLogos, eq(portalLogos.sellerId, sellers.id))
    .where(eq(sellers.slug, slug))
    .limit(1);
  if (!row) return null;
  const { logoSha256, logoWidth, logoHeight, quantityDisplayMode, quantityCap, ...rest } = row;
  return {
    ...rest,
    logo: logoSha256
      ? { path: portalLogoPath({ slug: row.slug, sha256: logoSha256 }), width: logoWidth ?? 0, height: logoHeight ?? 0 }
      : null,
    enabled: row.enabled ?? false,
    buyersMayPickUnits: row.buyersMayPickUnits ?? false,
    name: row.displayName || row.sellerName,
    brandColor: row.brandColor ?? DEFAULT_BRAND_COLOR,
    /** How the portal shows available quantities (lib/portal/quantity-display.ts). */
    quantityDisplay: quantityDisplayOf(quantityDisplayMode, quantityCap),
  };
}

/**
 * Every verified custom domain (lower case) with the slug of the seller it
 * serves. The proxy loads them all at once, every few seconds, so a request
 * for an unknown host costs no query; unverified claims are not listed.
 */
export async function listVerifiedDomains(db: DbOrTx): Promise<{ domain: string; slug: string }[]> {
  return db
    .select({ domain: sql<string>`lower(${sellers.customDomain})`, slug: sellers.slug })
    .from(sellers)
    .where(and(isNotNull(sellers.customDomain), isNotNull(sellers.customDomainVerifiedAt)));
}

export type PortalIdentity = NonNullable<Awaited<ReturnType<typeof findPortalBySlug>>>;

/** The first demo seller's portal, for the landing page's demo link; null on a real install. */
export async function findDemoPortal(db: DbOrTx): Promise<{ slug: string; name: string } | null> {
  const [row] = await db
    .select({ slug: sellers.slug, name: sellers.name })
    .from(sellers)
    .where(eq(sellers.isDemo, true))
    .orderBy(sellers.id)
    .limit(1);
  return row ?? null;
}
