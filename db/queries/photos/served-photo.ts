import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { photoDir, readPhotoFile } from '@/lib/photos/disk-store';
import type { PhotoSize } from '@/lib/photos/limits';
import { pickableDevice } from '../portal/units/pick-units';

const column: Record<PhotoSize, string> = { 96: 'thumb', 640: 'medium', 1600: 'large' };

export type ServedPhotoParams = {
  sellerId: number;
  sha256: string;
  size: PhotoSize;
  /**
   * Who asks: `portal` (a signed-in buyer of an open portal) is served images
   * shown on a product or in the grade guide; `staff` every image of the seller.
   */
  audience: 'portal' | 'staff';
};

/**
 * The WebP bytes behind a photo URL, or null (a 404): only an image of this
 * seller with this hash, wherever it is stored. Another seller's hash, an
 * image no longer shown, or (for buyers) a device's own photo unless buyers may pick units and that
 * unit is available to pick answers null.
 */
export async function findServedPhoto(db: DbOrTx, params: ServedPhotoParams): Promise<Uint8Array | null> {
  const shown =
    params.audience === 'portal'
      ? sql`exists (select 1 from photos p where p.image_id = i.id and p.seller_id = i.seller_id and (p.product_id is not null or p.grade_description_id is not null
          -- A unit's own photo, while buyers may pick units and the unit is one they could pick.
          or (p.device_id is not null
            and exists (select 1 from portal_settings ps where ps.seller_id = i.seller_id and ps.buyers_may_pick_units)
            and exists (select 1 from devices d where d.id = p.device_id and d.seller_id = p.seller_id and ${pickableDevice}))))`
      : sql`true`;
  const [row] = await queryRows<{ bytes: Uint8Array | null; stored_in: string }>(db, sql`
    select ${sql.identifier(column[params.size])} as bytes, i.stored_in from photo_images i
    where i.seller_id = ${params.sellerId} and i.sha256 = ${params.sha256} and ${shown}`);
  if (!row) return null;
  if (row.stored_in === 'database') return row.bytes ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
  return readPhotoFile(photoDir(), params.sellerId, params.sha256, params.size);
}
