'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addPhoto } from '@/db/queries/photos/add-photo';
import { ok, staffAction } from '@/lib/actions';
import { fileBytes } from '@/lib/photos/file-bytes';
import { addProductPhotoSchema } from '@/lib/validation/photos';

/** Products > a product > Photos > "Add photo": checked, re-encoded at the web sizes, added at the end of the gallery. */
export const addProductPhotoAction = staffAction('addProductPhotoAction', 'staff', addProductPhotoSchema, async ({ productId, alt, photo }, staff) => {
  const added = await addPhoto(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    subject: { kind: 'product', productId },
    bytes: await fileBytes(photo),
    alt,
  });
  revalidatePath(`/admin/products/${productId}`);
  return ok(added, 'Photo added.');
});
