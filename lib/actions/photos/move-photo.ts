'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { movePhoto } from '@/db/queries/photos/change-photo';
import { ok, staffAction } from '@/lib/actions';
import { movePhotoSchema } from '@/lib/validation/photos';

/** Moves a photo one place earlier or later in its gallery (the first one is the product's thumbnail). */
export const movePhotoAction = staffAction('movePhotoAction', 'staff', movePhotoSchema, async ({ photoId, direction }, staff) => {
  await movePhoto(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, photoId, direction });
  revalidatePath('/admin', 'layout');
  return ok(undefined, 'Photo moved.');
});
