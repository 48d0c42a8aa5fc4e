'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { removePhoto } from '@/db/queries/photos/change-photo';
import { ok, staffAction } from '@/lib/actions';
import { photoRefSchema } from '@/lib/validation/photos';

/** Removes a photo from its gallery. */
export const removePhotoAction = staffAction('removePhotoAction', 'staff', photoRefSchema, async ({ photoId }, staff) => {
  await removePhoto(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, photoId });
  revalidatePath('/admin', 'layout');
  return ok(undefined, 'Photo removed.');
});
