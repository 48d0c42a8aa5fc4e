import type { PortalIdentity } from '@/db/queries/sellers';

/** The seller's logo or name, in its brand color. */
export function BrandMark({ portal }: { portal: PortalIdentity }) {
  return portal.logoDataUrl ? (
    // eslint-disable-next-line @next/next/no-img-element -- a small data: URL uploaded by the seller
    <img src={portal.logoDataUrl} alt={portal.name} className="h-8 w-auto" />
  ) : (
    <span className="text-lg font-bold" style={{ color: portal.brandColor }}>
      {portal.name}
    </span>
  );
}
