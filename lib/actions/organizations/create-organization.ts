'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { createOrganization } from '@/db/queries/organizations';
import { staffAction } from '@/lib/actions';
import { newOrganizationForm } from '@/lib/validation/organization';

/** Organizations > New organization > Save. */
export const createOrganizationAction = staffAction('createOrganizationAction', 'staff', newOrganizationForm, async (values, staff) => {
  const created = await createOrganization(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, values });
  revalidatePath('/admin/organizations');
  redirect(`/admin/organizations/${created.data.organizationId}`);
});
