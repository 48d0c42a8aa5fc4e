'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { settingsActor } from '@/db/queries/settings/access';
import { catalogues } from '@/db/queries/settings/catalogues';
import { ok, staffAction } from '@/lib/actions';
import { catalogueEntry } from '@/lib/validation/catalogues';

/** Settings > a catalogue > an entry > "Save …". */
export const updateCatalogueEntryAction = staffAction('updateCatalogueEntryAction', 'admin', catalogueEntry, async ({ catalogue, id, ...input }, staff) => {
  const written = await catalogues[catalogue].update(await getDb(), { sellerId: staff.sellerId, actor: settingsActor(staff), id, input });
  revalidatePath(`/admin/settings/${catalogue}`, 'layout');
  return ok(written.data, written.message);
});
