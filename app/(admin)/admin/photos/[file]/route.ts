import { getDb } from '@/db';
import { findServedPhoto } from '@/db/queries/photos/served-photo';
import { getStaff } from '@/lib/auth/session';
import { parsePhotoFileName } from '@/lib/photos/photo-path';
import { photoResponse } from '@/lib/photos/photo-response';

export const dynamic = 'force-dynamic';

/**
 * A photo in the back office, `/admin/photos/{sha256}-{size}.webp`: any image
 * of the signed-in staff member's seller (device photos included). Signed out
 * or another seller's hash: 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const named = parsePhotoFileName(file);
  const staff = named ? await getStaff() : null;
  const bytes = named && staff ? await findServedPhoto(await getDb(), { sellerId: staff.sellerId, sha256: named.sha256, size: named.size, audience: 'staff' }) : null;
  return photoResponse(bytes, named ? `${named.sha256}-${named.size}` : '', request);
}
