import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { gradeDescriptions, products } from '@/db/schema';
import { compareGrade } from '@/lib/product-attribute-order';
import { gradePhotos, type GalleryPhoto } from '@/db/queries/photos/list-photos';

/** One grade of the guide: its description (null until staff write one), example photos and how many products use it. */
export type GradeGuideEntry = {
  grade: string;
  description: { id: number; title: string; body: string; position: number } | null;
  photos: GalleryPhoto[];
  products: number;
};

/**
 * The seller's grade guide: every grade its products use and every described
 * grade, described ones first in their position, then the rest best grade
 * first. Three statements, whatever the number of grades.
 */
export async function gradeGuide(db: DbOrTx, params: { sellerId: number }): Promise<GradeGuideEntry[]> {
  const { sellerId } = params;
  const [described, used] = await Promise.all([
    db
      .select({ id: gradeDescriptions.id, grade: gradeDescriptions.grade, title: gradeDescriptions.title, body: gradeDescriptions.body, position: gradeDescriptions.position })
      .from(gradeDescriptions)
      .where(eq(gradeDescriptions.sellerId, sellerId)),
    db
      .select({ grade: products.grade, n: sql<number>`count(*)::int` })
      .from(products)
      .where(and(eq(products.sellerId, sellerId), ne(products.grade, '')))
      .groupBy(products.grade),
  ]);
  const photos = await gradePhotos(db, { sellerId, gradeDescriptionIds: described.map((d) => d.id) });
  const counts = new Map(used.map((u) => [u.grade, Number(u.n)]));
  const entries: GradeGuideEntry[] = described.map((d) => ({
    grade: d.grade,
    description: { id: d.id, title: d.title, body: d.body, position: d.position },
    photos: photos.get(d.id) ?? [],
    products: counts.get(d.grade) ?? 0,
  }));
  for (const [grade, n] of counts) {
    if (!described.some((d) => d.grade === grade)) entries.push({ grade, description: null, photos: [], products: n });
  }
  return entries.sort((a, b) => {
    if (a.description && b.description) return a.description.position - b.description.position || compareGrade(a.grade, b.grade);
    if (a.description || b.description) return a.description ? -1 : 1;
    return compareGrade(a.grade, b.grade);
  });
}
