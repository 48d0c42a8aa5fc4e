'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { settingsActor } from '@/db/queries/settings/access';
import { saveCompanyProfile } from '@/db/queries/settings/company-profile';
import { ok, staffAction } from '@/lib/actions';
import { companyProfileSchema } from '@/lib/validation/company-profile';

/** Settings > Company > "Save company profile". */
export const saveCompanyProfileAction = staffAction('saveCompanyProfileAction', 'admin', companyProfileSchema, async (input, staff) => {
  // The data layer parses again with the same schema (it is called from tests and scripts too).
  const written = await saveCompanyProfile(await getDb(), { sellerId: staff.sellerId, actor: settingsActor(staff), input });
  // Every page formats dates and money by the locale, and invoices print the profile.
  revalidatePath('/admin', 'layout');
  revalidatePath(`/p/${staff.sellerSlug}`, 'layout');
  return ok(written.data, written.message);
});
