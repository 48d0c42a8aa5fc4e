'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { removeGradeDescription } from '@/db/queries/grades/save-grade-description';
import { ok, staffAction } from '@/lib/actions';
import { gradeRefSchema } from '@/lib/validation/grades';

/** Removes a grade's description and example photos from the guide. */
export const removeGradeDescriptionAction = staffAction('removeGradeDescriptionAction', 'staff', gradeRefSchema, async ({ grade }, staff) => {
  await removeGradeDescription(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, grade });
  revalidatePath('/admin/products/grades');
  revalidatePath(`/p/${staff.sellerSlug}/grades`);
  return ok(undefined, `The description of grade ${grade} was removed.`);
});
