'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { createOrganization, updateOrganization } from '@/db/queries/organizations';
import { fail, staffAction } from '@/lib/actions';
import { organizationForm } from '@/lib/validation/organization';

/** Organizations > New organization > Save. */
export const createOrganizationAction = staffAction('staff', organizationForm, async (values, staff) => {
  const result = await createOrganization(await getDb(), {
    sellerId: staff.sellerId,
    actor: { staffUserId: staff.staffUserId, name: staff.name },
    values,
  });
  if (!result.ok) return result;
  revalidatePath('/admin/organizations');
  redirect(`/admin/organizations/${result.data.organizationId}`);
});

/** Organization > Info & addresses > Edit > Save. */
export const updateOrganizationAction = staffAction(
  'staff',
  organizationForm.extend({ organizationId: z.coerce.number().int().positive() }),
  async ({ organizationId, ...values }, staff) => {
    const result = await updateOrganization(await getDb(), {
      sellerId: staff.sellerId,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
      organizationId,
      values,
    });
    if (!result) return fail('That organization was not found.');
    if (!result.ok) return result;
    revalidatePath(`/admin/organizations/${organizationId}`, 'layout');
    redirect(`/admin/organizations/${organizationId}`);
  },
);
