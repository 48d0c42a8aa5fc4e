import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { gradeDescriptions, photos, products } from '@/db/schema';
import { queryRows } from '@/db/rows';
import { photoDir, removePhotoFiles } from '@/lib/photos/disk-store';
import { recordAudit, type StaffActor } from '@/db/queries/audit';
import { Refusal } from '@/lib/refusal';
import type { GradeDescriptionInput } from '@/lib/validation/grades';

export type SaveGradeDescriptionParams = { sellerId: number; actor: StaffActor; input: GradeDescriptionInput };

/**
 * Writes the description of one grade (created or replaced, by grade),
 * audited with what changed. A grade that none of the seller's products uses
 * and that has no description yet is refused: the guide describes the grades
 * buyers meet on For Sale.
 */
export async function saveGradeDescription(db: Db, params: SaveGradeDescriptionParams): Promise<{ id: number; created: boolean }> {
  const { sellerId, input } = params;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(gradeDescriptions)
      .where(and(eq(gradeDescriptions.sellerId, sellerId), eq(gradeDescriptions.grade, input.grade)))
      .for('update');
    if (!before) {
      const [used] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(products)
        .where(and(eq(products.sellerId, sellerId), eq(products.grade, input.grade)));
      if (!used?.n) {
        throw new Refusal(`No product has grade ${input.grade}; the guide describes the grades your products use.`, {
          code: 'not_found',
          fieldErrors: { grade: ['No product has this grade.'] },
        });
      }
    }
    const values = { title: input.title, body: input.body, position: input.position };
    const [row] = await tx
      .insert(gradeDescriptions)
      .values({ sellerId, grade: input.grade, ...values })
      .onConflictDoUpdate({ target: [gradeDescriptions.sellerId, gradeDescriptions.grade], set: { ...values, updatedAt: new Date() } })
      .returning({ id: gradeDescriptions.id });
    const from = before ? { title: before.title, body: before.body, position: before.position } : null;
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: before ? 'grade_description.update' : 'grade_description.create',
      entityType: 'grade_description',
      entityId: row!.id,
      details: { grade: input.grade, from, to: values },
    });
    return { id: row!.id, created: !before };
  });
}

/** Removes a grade's description and its example photos (audited); the grade itself stays on its products. */
export async function removeGradeDescription(db: Db, params: { sellerId: number; actor: StaffActor; grade: string }): Promise<void> {
  const dropped = await db.transaction(async (tx) => {
    const images = await tx
      .select({ id: photos.imageId })
      .from(photos)
      .innerJoin(gradeDescriptions, and(eq(gradeDescriptions.id, photos.gradeDescriptionId), eq(gradeDescriptions.sellerId, photos.sellerId)))
      .where(and(eq(photos.sellerId, params.sellerId), eq(gradeDescriptions.grade, params.grade)));
    const [gone] = await tx
      .delete(gradeDescriptions)
      .where(and(eq(gradeDescriptions.sellerId, params.sellerId), eq(gradeDescriptions.grade, params.grade)))
      .returning({ id: gradeDescriptions.id, title: gradeDescriptions.title });
    if (!gone) throw new Refusal(`Grade ${params.grade} has no description.`, { code: 'not_found' });
    // Its images go with it unless shown elsewhere too (its photos went by the cascade).
    const removed = images.length
      ? await queryRows<{ sha256: string; stored_in: string }>(tx, sql`
          delete from photo_images i where i.seller_id = ${params.sellerId} and i.id = any(${`{${images.map((i) => i.id).join(',')}}`}::int[])
            and not exists (select 1 from photos p where p.image_id = i.id)
          returning i.sha256, i.stored_in`)
      : [];
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: 'grade_description.remove',
      entityType: 'grade_description',
      entityId: gone.id,
      details: { grade: params.grade, title: gone.title },
    });
    return removed;
  });
  for (const image of dropped) if (image.stored_in === 'disk') await removePhotoFiles(photoDir(), params.sellerId, image.sha256).catch(() => undefined);
}
