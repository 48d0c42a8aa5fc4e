'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { checkCustomDomain } from '@/db/queries/settings/check-custom-domain';
import { staffAction } from '@/lib/actions';
import { dnsTxtLookup } from '@/lib/portal/domain-verification';

/** Settings > Customer Portal > Custom domain > "Check now": looks up the TXT record through DNS_SERVERS. */
export const checkCustomDomainAction = staffAction('admin', z.object({}), async (_input, staff) => {
  const result = await checkCustomDomain(await getDb(), { sellerId: staff.sellerId, actor: staff, lookup: dnsTxtLookup() });
  revalidatePath('/admin/settings/customer-portal');
  return result;
});
