import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db';
import { photoImages, photos } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { recordAudit, type StaffActor } from '@/db/queries/audit';
import { Refusal } from '@/lib/refusal';
import { photoDir, removePhotoFiles } from '@/lib/photos/disk-store';
import { checkAlt } from './add-photo';

export type PhotoRef = { sellerId: number; actor: StaffActor; photoId: number };

type OwnedPhoto = { id: number; imageId: number; productId: number | null; deviceId: number | null; gradeDescriptionId: number | null; alt: string; position: number };

/** The photo of the caller's seller, locked for the change; another seller's id is not found. */
async function lockPhoto(tx: DbOrTx, params: { sellerId: number; photoId: number }): Promise<OwnedPhoto> {
  const [row] = await tx
    .select({
      id: photos.id,
      imageId: photos.imageId,
      productId: photos.productId,
      deviceId: photos.deviceId,
      gradeDescriptionId: photos.gradeDescriptionId,
      alt: photos.alt,
      position: photos.position,
    })
    .from(photos)
    .where(and(eq(photos.id, params.photoId), eq(photos.sellerId, params.sellerId)))
    .for('update');
  if (!row) throw new Refusal('That photo was not found.', { code: 'not_found' });
  return row;
}

/** The audit subject of a photo: the product, device or grade description it is placed on, with its SKU, IMEI or grade. */
async function subjectOf(tx: DbOrTx, sellerId: number, photo: OwnedPhoto): Promise<{ entityType: string; entityId: number; label: string }> {
  const [row] = await queryRows<{ label: string | null }>(tx, sql`select case
      when ${photo.productId}::int is not null then (select sku from products where id = ${photo.productId}::int and seller_id = ${sellerId})
      when ${photo.deviceId}::int is not null then (select coalesce(imei, serial) from devices where id = ${photo.deviceId}::int and seller_id = ${sellerId})
      else (select grade from grade_descriptions where id = ${photo.gradeDescriptionId}::int and seller_id = ${sellerId}) end as label`);
  const label = row?.label ?? '';
  if (photo.productId !== null) return { entityType: 'product', entityId: photo.productId, label };
  if (photo.deviceId !== null) return { entityType: 'device', entityId: photo.deviceId, label };
  return { entityType: 'grade_description', entityId: photo.gradeDescriptionId!, label };
}

function audit(subject: { entityType: string; entityId: number; label: string }, details: Record<string, unknown>) {
  return { entityType: subject.entityType, entityId: subject.entityId, details: { ...details, subject: subject.label } };
}

function sameGallery(photo: OwnedPhoto) {
  if (photo.productId !== null) return eq(photos.productId, photo.productId);
  if (photo.deviceId !== null) return eq(photos.deviceId, photo.deviceId);
  return eq(photos.gradeDescriptionId, photo.gradeDescriptionId!);
}

/** Changes a photo's alt text (audited). */
export async function updatePhotoAlt(db: Db, params: PhotoRef & { alt: string }): Promise<void> {
  const alt = checkAlt(params.alt);
  await db.transaction(async (tx) => {
    const photo = await lockPhoto(tx, params);
    if (photo.alt === alt) return;
    await tx.update(photos).set({ alt }).where(and(eq(photos.id, photo.id), eq(photos.sellerId, params.sellerId)));
    const subject = await subjectOf(tx, params.sellerId, photo);
    await recordAudit(tx, { sellerId: params.sellerId, actor: params.actor, action: 'photo.alt', ...audit(subject, { photoId: photo.id, from: photo.alt, to: alt }) });
  });
}

/**
 * Moves a photo one place earlier or later in its gallery (the first is the
 * product's thumbnail). The gallery is renumbered 0, 1, 2… in one statement.
 */
export async function movePhoto(db: Db, params: PhotoRef & { direction: 'earlier' | 'later' }): Promise<void> {
  await db.transaction(async (tx) => {
    const photo = await lockPhoto(tx, params);
    const gallery = await tx
      .select({ id: photos.id })
      .from(photos)
      .where(and(eq(photos.sellerId, params.sellerId), sameGallery(photo)))
      .orderBy(asc(photos.position), asc(photos.id))
      .for('update');
    const ids = gallery.map((g) => g.id);
    const at = ids.indexOf(photo.id);
    const to = params.direction === 'earlier' ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    await tx.execute(sql`
      update photos p set position = n.position - 1
      from unnest(${`{${ids.join(',')}}`}::int[]) with ordinality as n(id, position)
      where p.id = n.id and p.seller_id = ${params.sellerId}`);
    const subject = await subjectOf(tx, params.sellerId, photo);
    await recordAudit(tx, { sellerId: params.sellerId, actor: params.actor, action: 'photo.move', ...audit(subject, { photoId: photo.id, from: at + 1, to: to + 1 }) });
  });
}

/**
 * Removes a photo from its gallery (audited). Its image goes too when nothing
 * else shows it; an image on disk loses its files after the commit.
 */
export async function removePhoto(db: Db, params: PhotoRef): Promise<void> {
  const dropped = await db.transaction(async (tx) => {
    const photo = await lockPhoto(tx, params);
    await tx.delete(photos).where(and(eq(photos.id, photo.id), eq(photos.sellerId, params.sellerId)));
    const [image] = await queryRows<{ sha256: string; stored_in: string }>(tx, sql`
      delete from photo_images i where i.id = ${photo.imageId} and i.seller_id = ${params.sellerId}
        and not exists (select 1 from photos p where p.image_id = i.id)
      returning i.sha256, i.stored_in`);
    const subject = await subjectOf(tx, params.sellerId, photo);
    await recordAudit(tx, { sellerId: params.sellerId, actor: params.actor, action: 'photo.remove', ...audit(subject, { photoId: photo.id, alt: photo.alt }) });
    return image ?? null;
  });
  if (dropped?.stored_in === 'disk') await removePhotoFiles(photoDir(), params.sellerId, dropped.sha256).catch(() => undefined);
}

/** Images of a seller no longer shown anywhere (tests). */
export async function unusedImageCount(db: DbOrTx, params: { sellerId: number }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(photoImages)
    .where(and(eq(photoImages.sellerId, params.sellerId), sql`not exists (select 1 from photos p where p.image_id = ${photoImages.id})`));
  return row?.n ?? 0;
}
