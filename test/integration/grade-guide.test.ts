import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import * as s from '@/db/schema';
import { gradeGuide } from '@/db/queries/grades/grade-guide';
import { removeGradeDescription, saveGradeDescription } from '@/db/queries/grades/save-grade-description';
import { addPhoto } from '@/db/queries/photos/add-photo';
import { findServedPhoto } from '@/db/queries/photos/served-photo';
import { isRefusal } from '@/lib/refusal';
import { gradeAnchor } from '@/lib/photos/photo-path';
import { gradeDescriptionSchema } from '@/lib/validation/grades';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaff, auditOf } from '../support/inventory-fixtures';

async function refusalCode(write: Promise<unknown>): Promise<string> {
  try {
    await write;
  } catch (error) {
    if (isRefusal(error)) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

const example = async () =>
  new Uint8Array(await sharp({ create: { width: 400, height: 300, channels: 3, background: '#94a3b8' } }).jpeg().toBuffer());

describe('grade guide', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  let actor: { staffUserId: number; name: string };
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db);
    actor = await addStaff(database.db, seller);
    for (const grade of ['A+', 'B', 'C', 'A']) await addProduct(database.db, seller, { grade });
    await addProduct(database.db, other, { grade: 'Z' });
  });
  afterAll(() => database.close());

  const input = (values: Record<string, unknown>) => gradeDescriptionSchema.parse(values);

  it('creates, updates and removes descriptions of the grades in use, each change audited', async () => {
    const { db } = database;
    const created = await saveGradeDescription(db, { sellerId: seller.sellerId, actor, input: input({ grade: 'B', title: 'Light scratches', body: 'Scratches visible at an angle.', position: '2' }) });
    expect(created.created).toBe(true);
    await saveGradeDescription(db, { sellerId: seller.sellerId, actor, input: input({ grade: 'A+', title: 'Like new', body: '', position: '0' }) });
    const updated = await saveGradeDescription(db, { sellerId: seller.sellerId, actor, input: input({ grade: 'B', title: 'Light wear', body: 'Light scratches on the frame.', position: '1' }) });
    expect(updated).toEqual({ id: created.id, created: false });

    const guide = await gradeGuide(db, { sellerId: seller.sellerId });
    // Described grades first, by position; then the rest best first.
    expect(guide.map((g) => [g.grade, g.description?.title ?? null])).toEqual([
      ['A+', 'Like new'],
      ['B', 'Light wear'],
      ['A', null],
      ['C', null],
    ]);
    const [update] = await auditOf(db, seller.sellerId, 'grade_description.update');
    expect(update).toBeDefined();
    expect(await auditOf(db, seller.sellerId, 'grade_description.create')).toHaveLength(2);

    await addPhoto(db, { sellerId: seller.sellerId, actor, subject: { kind: 'grade', grade: 'B' }, bytes: await example(), alt: 'Grade B frame', storage: { kind: 'database' } });
    const withPhoto = (await gradeGuide(db, { sellerId: seller.sellerId })).find((g) => g.grade === 'B')!;
    expect(withPhoto.photos.map((p) => p.alt)).toEqual(['Grade B frame']);
    const sha256 = withPhoto.photos[0]!.sha256;
    // Buyers may see a grade's example photos.
    expect(await findServedPhoto(db, { sellerId: seller.sellerId, sha256, size: 640, audience: 'portal' })).not.toBeNull();

    await removeGradeDescription(db, { sellerId: seller.sellerId, actor, grade: 'B' });
    expect((await gradeGuide(db, { sellerId: seller.sellerId })).find((g) => g.grade === 'B')?.description).toBeNull();
    expect(await db.select().from(s.photos).where(eq(s.photos.sellerId, seller.sellerId))).toHaveLength(0);
    expect(await findServedPhoto(db, { sellerId: seller.sellerId, sha256, size: 640, audience: 'staff' })).toBeNull();
    expect(await auditOf(db, seller.sellerId, 'grade_description.remove')).toHaveLength(1);
  });

  it('refuses a grade no product uses, another seller\'s grade, and photos of an undescribed grade, writing nothing', async () => {
    const { db } = database;
    const before = await db.select().from(s.gradeDescriptions);
    expect(await refusalCode(saveGradeDescription(db, { sellerId: seller.sellerId, actor, input: input({ grade: 'Z', title: 'Stolen', position: '0' }) }))).toBe('not_found');
    expect(await refusalCode(removeGradeDescription(db, { sellerId: other.sellerId, actor, grade: 'A+' }))).toBe('not_found');
    expect(await refusalCode(addPhoto(db, { sellerId: seller.sellerId, actor, subject: { kind: 'grade', grade: 'C' }, bytes: await example(), alt: 'x' }))).toBe('not_found');
    expect(await refusalCode(addPhoto(db, { sellerId: other.sellerId, actor, subject: { kind: 'grade', grade: 'A+' }, bytes: await example(), alt: 'x' }))).toBe('not_found');
    expect(await db.select().from(s.gradeDescriptions)).toEqual(before);
    expect(gradeDescriptionSchema.safeParse({ grade: 'A', title: '', position: '0' }).success).toBe(false);
    expect(gradeDescriptionSchema.safeParse({ grade: 'A', title: 'Ok', position: '1001' }).success).toBe(false);
  });

  it('names an anchor per grade', () => {
    expect(['A+', 'A', 'A-', 'B', 'Grade C / cracked'].map(gradeAnchor)).toEqual(['grade-a-plus', 'grade-a', 'grade-a-minus', 'grade-b', 'grade-grade-c-cracked']);
  });
});
