'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { saveGradeDescription } from '@/db/queries/grades/save-grade-description';
import { ok, staffAction } from '@/lib/actions';
import { gradeDescriptionSchema } from '@/lib/validation/grades';

/** Products > Grade guide > a grade > "Save": what the seller's grade means, shown on the portal's Grades page. */
export const saveGradeDescriptionAction = staffAction('saveGradeDescriptionAction', 'staff', gradeDescriptionSchema, async (input, staff) => {
  const saved = await saveGradeDescription(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, input });
  revalidatePath('/admin/products/grades');
  revalidatePath(`/p/${staff.sellerSlug}/grades`);
  return ok(saved, `Grade ${input.grade} ${saved.created ? 'described' : 'saved'}.`);
});
