'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { updateOrganization } from '@/db/queries/organizations';
import { Refusal, staffAction } from '@/lib/actions';
import { updateOrganizationForm } from '@/lib/validation/organization';

/** Organization > Info & addresses > Edit > Save. */
export const updateOrganizationAction = staffAction('updateOrganizationAction', 'staff', updateOrganizationForm, async ({ organizationId, ...values }, staff) => {
  const updated = await updateOrganization(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, organizationId, values });
  if (!updated) throw new Refusal('That organization was not found.', { code: 'not_found' });
  revalidatePath(`/admin/organizations/${organizationId}`, 'layout');
  redirect(`/admin/organizations/${organizationId}`);
});
