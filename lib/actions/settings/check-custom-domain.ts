'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { settingsActor } from '@/db/queries/settings/access';
import { checkCustomDomain } from '@/db/queries/settings/check-custom-domain';
import { ok, staffAction } from '@/lib/actions';
import { dnsTxtLookup } from '@/lib/portal/domain-verification';

/** Settings > Customer Portal > Custom domain > "Check now": looks up the TXT record through DNS_SERVERS. */
export const checkCustomDomainAction = staffAction('checkCustomDomainAction', 'admin', z.object({}), async (_input, staff) => {
  try {
    const written = await checkCustomDomain(await getDb(), { sellerId: staff.sellerId, actor: settingsActor(staff), lookup: dnsTxtLookup() });
    return ok(written.data, written.message);
  } finally {
    // A refused check is audited too, and the page shows the domain's state either way.
    revalidatePath('/admin/settings/customer-portal');
  }
});
