'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { settingsActor } from '@/db/queries/settings/access';
import { catalogues } from '@/db/queries/settings/catalogues';
import { ok, staffAction } from '@/lib/actions';
import { newCatalogueEntry } from '@/lib/validation/catalogues';

/** Settings > a catalogue > "Add …": a warehouse, status, channel or payment method. */
export const createCatalogueEntryAction = staffAction('createCatalogueEntryAction', 'admin', newCatalogueEntry, async ({ catalogue, ...input }, staff) => {
  const written = await catalogues[catalogue].create(await getDb(), { sellerId: staff.sellerId, actor: settingsActor(staff), input });
  revalidatePath(`/admin/settings/${catalogue}`);
  return ok(written.data, written.message);
});
