'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addPhoto } from '@/db/queries/photos/add-photo';
import { ok, staffAction } from '@/lib/actions';
import { fileBytes } from '@/lib/photos/file-bytes';
import { addDevicePhotoSchema } from '@/lib/validation/photos';

/** A device's own photo (scratches, screen): for the device page, through components/photos/photo-upload-form.tsx. */
export const addDevicePhotoAction = staffAction('addDevicePhotoAction', 'staff', addDevicePhotoSchema, async ({ deviceId, alt, photo }, staff) => {
  const added = await addPhoto(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    subject: { kind: 'device', deviceId },
    bytes: await fileBytes(photo),
    alt,
  });
  revalidatePath(`/admin/inventory/${deviceId}`);
  return ok(added, 'Photo added.');
});
