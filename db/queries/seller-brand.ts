import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { portalSettings, sellers } from '@/db/schema';
import type { EmailBrand } from '@/lib/email/render';
import type { PortalAddress } from '@/lib/public-url';
import { verifiedDomainColumn } from './sellers';
import { DEFAULT_BRAND_COLOR } from '@/lib/brand';
import { companyLines } from '@/lib/company-profile';

export type SellerBrand = EmailBrand & {
  slug: string;
  sellerName: string;
  /** Where the seller's portal is reached, for `portalUrl`. */
  portal: PortalAddress;
  locale: string;
  timeZone: string;
  footer: string[];
};

/** The name, color, portal address, company footer and formats that brand a seller's emails. */
export async function findSellerBrand(db: DbOrTx, sellerId: number): Promise<SellerBrand> {
  const [row] = await db
    .select({
      slug: sellers.slug,
      sellerName: sellers.name,
      verifiedDomain: verifiedDomainColumn,
      displayName: portalSettings.displayName,
      brandColor: portalSettings.brandColor,
      legalName: sellers.legalName,
      address: sellers.address,
      taxId: sellers.taxId,
      contactEmail: sellers.contactEmail,
      contactPhone: sellers.contactPhone,
      locale: sellers.locale,
      timeZone: sellers.timeZone,
    })
    .from(sellers)
    .leftJoin(portalSettings, eq(portalSettings.sellerId, sellers.id))
    .where(eq(sellers.id, sellerId))
    .limit(1);
  if (!row) throw new Error(`Seller ${sellerId} not found`);
  return {
    slug: row.slug,
    portal: { slug: row.slug, verifiedDomain: row.verifiedDomain },
    sellerName: row.sellerName,
    name: row.displayName || row.sellerName,
    color: row.brandColor ?? DEFAULT_BRAND_COLOR,
    locale: row.locale,
    timeZone: row.timeZone,
    footer: companyLines(row, { name: row.sellerName }),
  };
}

/** What an email template takes of the seller's brand. */
export function emailBrand(brand: SellerBrand): EmailBrand {
  return { name: brand.name, color: brand.color, footer: brand.footer, locale: brand.locale, timeZone: brand.timeZone };
}
