'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updatePhotoAlt } from '@/db/queries/photos/change-photo';
import { ok, staffAction } from '@/lib/actions';
import { updatePhotoSchema } from '@/lib/validation/photos';

/** Saves a photo's alt text. */
export const updatePhotoAction = staffAction('updatePhotoAction', 'staff', updatePhotoSchema, async ({ photoId, alt }, staff) => {
  await updatePhotoAlt(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, photoId, alt });
  revalidatePath('/admin', 'layout');
  return ok(undefined, 'Alt text saved.');
});
