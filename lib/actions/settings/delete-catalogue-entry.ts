'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { settingsActor } from '@/db/queries/settings/access';
import { catalogues } from '@/db/queries/settings/catalogues';
import { staffAction } from '@/lib/actions';
import { catalogueEntry } from '@/lib/validation/catalogues';

/** Settings > a catalogue > an entry > "Delete …": back to the list, which says what was deleted. */
export const deleteCatalogueEntryAction = staffAction('deleteCatalogueEntryAction', 'admin', catalogueEntry, async ({ catalogue, id }, staff) => {
  const written = await catalogues[catalogue].remove(await getDb(), { sellerId: staff.sellerId, actor: settingsActor(staff), id });
  const list = `/admin/settings/${catalogue}`;
  revalidatePath(list);
  redirect(`${list}?deleted=${encodeURIComponent(written.data.label)}`);
});
