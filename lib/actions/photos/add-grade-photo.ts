'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addPhoto } from '@/db/queries/photos/add-photo';
import { ok, staffAction } from '@/lib/actions';
import { fileBytes } from '@/lib/photos/file-bytes';
import { addGradePhotoSchema } from '@/lib/validation/photos';

/** Products > Grade guide > a grade > "Add photo": an example photo of what the grade looks like. */
export const addGradePhotoAction = staffAction('addGradePhotoAction', 'staff', addGradePhotoSchema, async ({ grade, alt, photo }, staff) => {
  const added = await addPhoto(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    subject: { kind: 'grade', grade },
    bytes: await fileBytes(photo),
    alt,
  });
  revalidatePath('/admin/products/grades');
  revalidatePath(`/p/${staff.sellerSlug}/grades`);
  return ok(added, 'Photo added.');
});
