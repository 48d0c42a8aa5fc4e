import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { photoImages, photos } from '@/db/schema';

/**
 * A photo of a gallery as pages show it: the image's hash (its URLs,
 * lib/photos/photo-path.ts), alt text and the pixel sizes of the medium and
 * large WebP (for width/height and srcset). No bytes.
 */
export type GalleryPhoto = {
  id: number;
  sha256: string;
  alt: string;
  position: number;
  mediumWidth: number;
  mediumHeight: number;
  largeWidth: number;
  largeHeight: number;
};

const galleryColumns = {
  id: photos.id,
  sha256: photoImages.sha256,
  alt: photos.alt,
  position: photos.position,
  mediumWidth: photoImages.mediumWidth,
  mediumHeight: photoImages.mediumHeight,
  largeWidth: photoImages.largeWidth,
  largeHeight: photoImages.largeHeight,
};

async function gallery(db: DbOrTx, sellerId: number, where: SQL) {
  return db
    .select({ ...galleryColumns, productId: photos.productId, deviceId: photos.deviceId, gradeDescriptionId: photos.gradeDescriptionId })
    .from(photos)
    .innerJoin(photoImages, and(eq(photoImages.id, photos.imageId), eq(photoImages.sellerId, photos.sellerId)))
    .where(and(eq(photos.sellerId, sellerId), where))
    .orderBy(asc(photos.position), asc(photos.id));
}

const strip = <T extends GalleryPhoto>({ id, sha256, alt, position, mediumWidth, mediumHeight, largeWidth, largeHeight }: T): GalleryPhoto => ({
  id, sha256, alt, position, mediumWidth, mediumHeight, largeWidth, largeHeight,
});

/** A product's gallery, in order (the first is its For Sale thumbnail). */
export async function productPhotos(db: DbOrTx, params: { sellerId: number; productId: number }): Promise<GalleryPhoto[]> {
  return (await gallery(db, params.sellerId, eq(photos.productId, params.productId))).map(strip);
}

/** A device's own photos, in order (the device page and, later, the buyer's pick of units). */
export async function devicePhotos(db: DbOrTx, params: { sellerId: number; deviceId: number }): Promise<GalleryPhoto[]> {
  return (await gallery(db, params.sellerId, eq(photos.deviceId, params.deviceId))).map(strip);
}

/** The galleries of several devices at once (a list of units), by device id. */
export async function photosOfDevices(db: DbOrTx, params: { sellerId: number; deviceIds: number[] }): Promise<Map<number, GalleryPhoto[]>> {
  const out = new Map<number, GalleryPhoto[]>();
  if (!params.deviceIds.length) return out;
  for (const row of await gallery(db, params.sellerId, inArray(photos.deviceId, params.deviceIds))) {
    const list = out.get(row.deviceId!) ?? [];
    list.push(strip(row));
    out.set(row.deviceId!, list);
  }
  return out;
}

/** The example photos of every described grade of a seller, by grade description id. */
export async function gradePhotos(db: DbOrTx, params: { sellerId: number; gradeDescriptionIds: number[] }): Promise<Map<number, GalleryPhoto[]>> {
  const out = new Map<number, GalleryPhoto[]>();
  if (!params.gradeDescriptionIds.length) return out;
  for (const row of await gallery(db, params.sellerId, inArray(photos.gradeDescriptionId, params.gradeDescriptionIds))) {
    const list = out.get(row.gradeDescriptionId!) ?? [];
    list.push(strip(row));
    out.set(row.gradeDescriptionId!, list);
  }
  return out;
}
