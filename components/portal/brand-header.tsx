import type { PortalIdentity } from '@/db/queries/sellers';
import { brandTextColor } from '@/lib/brand';

/** The seller's logo or name, in its brand color (darkened if it would not read on white). */
export function BrandMark({ portal }: { portal: Pick<PortalIdentity, 'name' | 'logo' | 'brandColor'> }) {
  return portal.logo ? (
    // eslint-disable-next-line @next/next/no-img-element -- already re-encoded to fit 600×200 and cached for a year by its hash
    <img src={portal.logo.path} width={portal.logo.width} height={portal.logo.height} alt={portal.name} className="h-8 w-auto" />
  ) : (
    <span className="text-lg font-bold" style={{ color: brandTextColor(portal.brandColor) }}>
      {portal.name}
    </span>
  );
}
