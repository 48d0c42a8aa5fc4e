import { getDb } from '@/db';
import { findServedPhoto } from '@/db/queries/photos/served-photo';
import { findPortalBySlug } from '@/db/queries/sellers';
import { getCustomer } from '@/lib/auth/session';
import { parsePhotoFileName } from '@/lib/photos/photo-path';
import { photoResponse } from '@/lib/photos/photo-response';

export const dynamic = 'force-dynamic';

/**
 * A product or grade-guide photo in the portal, `/p/{slug}/photos/{sha256}-{size}.webp`
 * (size 96, 640 or 1600). Shown only to a signed-in buyer of this seller's
 * portal while it is open, like the For Sale page it appears on. Another
 * seller's hash, a device's own photo, a signed-out visitor or a closed portal answers 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params;
  const named = parsePhotoFileName(file);
  const db = await getDb();
  const portal = named ? await findPortalBySlug(db, slug) : null;
  const customer = portal?.enabled ? await getCustomer(slug) : null;
  const bytes = named && customer ? await findServedPhoto(db, { sellerId: customer.sellerId, sha256: named.sha256, size: named.size, audience: 'portal' }) : null;
  return photoResponse(bytes, named ? `${named.sha256}-${named.size}` : '', request);
}
