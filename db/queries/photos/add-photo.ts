import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db';
import { devices, gradeDescriptions, photoImages, photos, products } from '@/db/schema';
import { recordAudit, type StaffActor } from '@/db/queries/audit';
import { Refusal } from '@/lib/refusal';
import { preparePhoto, type PreparedPhoto } from '@/lib/photos/prepare-photo';
import { photoStorage, writePhotoFiles, type PhotoStorage } from '@/lib/photos/disk-store';

/** What a photo shows: a product (its gallery), one device, or a grade of the grade guide. */
export type PhotoSubject = { kind: 'product'; productId: number } | { kind: 'device'; deviceId: number } | { kind: 'grade'; grade: string };

export type AddPhotoParams = {
  sellerId: number;
  actor: StaffActor;
  subject: PhotoSubject;
  /** The uploaded file; null when none was chosen. */
  bytes: Uint8Array | null;
  alt: string;
  /** Where the image goes; PHOTO_STORAGE by default. */
  storage?: PhotoStorage;
};

/** The most photos one gallery holds. */
export const MAX_PHOTOS_PER_GALLERY = 24;

type FoundSubject = { column: 'productId' | 'deviceId' | 'gradeDescriptionId'; id: number; entityType: string; entityId: number; label: string };

/** The subject of the caller's seller, or a not_found refusal: another seller's ids find nothing. */
export async function findPhotoSubject(db: DbOrTx, params: { sellerId: number; subject: PhotoSubject }): Promise<FoundSubject> {
  const { sellerId, subject } = params;
  if (subject.kind === 'product') {
    const [p] = await db.select({ id: products.id, sku: products.sku }).from(products).where(and(eq(products.id, subject.productId), eq(products.sellerId, sellerId)));
    if (!p) throw new Refusal('That product was not found.', { code: 'not_found' });
    return { column: 'productId', id: p.id, entityType: 'product', entityId: p.id, label: p.sku };
  }
  if (subject.kind === 'device') {
    const [d] = await db
      .select({ id: devices.id, imei: devices.imei, serial: devices.serial })
      .from(devices)
      .where(and(eq(devices.id, subject.deviceId), eq(devices.sellerId, sellerId)));
    if (!d) throw new Refusal('That device was not found.', { code: 'not_found' });
    return { column: 'deviceId', id: d.id, entityType: 'device', entityId: d.id, label: d.imei ?? d.serial ?? String(d.id) };
  }
  const [g] = await db
    .select({ id: gradeDescriptions.id })
    .from(gradeDescriptions)
    .where(and(eq(gradeDescriptions.sellerId, sellerId), eq(gradeDescriptions.grade, subject.grade)));
  if (!g) throw new Refusal(`Describe grade ${subject.grade} first, then add its example photos.`, { code: 'not_found' });
  return { column: 'gradeDescriptionId', id: g.id, entityType: 'grade_description', entityId: g.id, label: subject.grade };
}

/** Stores an image once per seller (the same picture twice is one image) and answers its id. */
export async function storeImage(tx: DbOrTx, params: { sellerId: number; photo: PreparedPhoto; storage: PhotoStorage }): Promise<number> {
  const { sellerId, photo, storage } = params;
  const v = photo.variants;
  const inDatabase = storage.kind === 'database';
  const [inserted] = await tx
    .insert(photoImages)
    .values({
      sellerId,
      sha256: photo.sha256,
      storedIn: storage.kind,
      thumb: inDatabase ? v[96].webp : null,
      medium: inDatabase ? v[640].webp : null,
      large: inDatabase ? v[1600].webp : null,
      mediumWidth: v[640].width,
      mediumHeight: v[640].height,
      largeWidth: v[1600].width,
      largeHeight: v[1600].height,
      bytes: photo.bytes,
    })
    .onConflictDoNothing()
    .returning({ id: photoImages.id });
  if (inserted) return inserted.id;
  const [existing] = await tx
    .select({ id: photoImages.id })
    .from(photoImages)
    .where(and(eq(photoImages.sellerId, sellerId), eq(photoImages.sha256, photo.sha256)));
  return existing!.id;
}

/** Writes the files of a disk-stored image (before its row is committed: an unused file is harmless, a row without files is not). */
export async function saveImageFiles(params: { sellerId: number; photo: PreparedPhoto; storage: PhotoStorage }): Promise<void> {
  const { storage, photo } = params;
  if (storage.kind !== 'disk') return;
  const v = photo.variants;
  await writePhotoFiles(storage.dir, params.sellerId, photo.sha256, { 96: v[96].webp, 640: v[640].webp, 1600: v[1600].webp });
}

export function checkAlt(alt: string): string {
  const text = alt.trim();
  if (!text) throw new Refusal('Describe the photo for buyers who cannot see it (alt text).', { code: 'invalid', fieldErrors: { alt: ['Enter the alt text.'] } });
  if (text.length > 200) throw new Refusal('The alt text is at most 200 characters.', { code: 'invalid', fieldErrors: { alt: ['At most 200 characters.'] } });
  return text;
}

/**
 * Adds an uploaded photo at the end of a gallery. The subject is looked up
 * for the caller's seller before the file is decoded; the file is checked and
 * re-encoded (lib/photos/prepare-photo.ts); the image, the placement and the
 * audit entry are written in one transaction. Answers the photo's id and hash.
 */
export async function addPhoto(db: Db, params: AddPhotoParams): Promise<{ photoId: number; sha256: string }> {
  const { sellerId, subject } = params;
  const found = await findPhotoSubject(db, { sellerId, subject });
  const alt = checkAlt(params.alt);
  if (!params.bytes || params.bytes.length === 0) {
    throw new Refusal('Choose a photo to upload.', { code: 'invalid', fieldErrors: { photo: ['Choose a photo to upload.'] } });
  }
  const prepared = await preparePhoto(params.bytes);
  if (!prepared.ok) throw new Refusal(prepared.error, { code: 'invalid', fieldErrors: { photo: [prepared.error] } });
  const photo = prepared.photo;
  const storage = params.storage ?? photoStorage();
  await saveImageFiles({ sellerId, photo, storage });

  return db.transaction(async (tx) => {
    // Counted inside the transaction; two uploads at once may share a position, and the gallery then orders them by id.
    const subjectColumn = photos[found.column];
    const [gallery] = await tx
      .select({ n: sql<number>`count(*)::int`, next: sql<number>`coalesce(max(${photos.position}) + 1, 0)::int` })
      .from(photos)
      .where(and(eq(photos.sellerId, sellerId), eq(subjectColumn, found.id)));
    if ((gallery?.n ?? 0) >= MAX_PHOTOS_PER_GALLERY) {
      throw new Refusal(`A gallery holds at most ${MAX_PHOTOS_PER_GALLERY} photos; remove one before adding another.`, { code: 'refused' });
    }
    const imageId = await storeImage(tx, { sellerId, photo, storage });
    const [row] = await tx
      .insert(photos)
      .values({ sellerId, imageId, [found.column]: found.id, position: gallery?.next ?? 0, alt })
      .returning({ id: photos.id });
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'photo.add',
      entityType: found.entityType,
      entityId: found.entityId,
      details: { photoId: row!.id, image: photo.sha256.slice(0, 12), alt, subject: found.label },
    });
    return { photoId: row!.id, sha256: photo.sha256 };
  });
}
