'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { invitePortalAccount, resendPortalInvite, setPortalAccountEnabled } from '@/db/queries/portal-accounts';
import { staffAction } from '@/lib/actions';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { inviteCustomer } from '@/lib/validation/accounts';

/**
 * The Customer Portal tab of an organization. Every action re-checks that the
 * organization and account belong to the signed-in staff member's seller.
 */
const actorOf = (staff: { sellerId: number; staffUserId: number; name: string }) => ({
  sellerId: staff.sellerId,
  actor: { staffUserId: staff.staffUserId, name: staff.name },
});

/** "Add a Customer Portal Account" > Save: the account, its link and the invitation email, in one transaction. */
export const invitePortalAccountAction = staffAction('staff', inviteCustomer, async (input, staff) => {
  const result = await invitePortalAccount(await getDb(), { ...input, ...actorOf(staff) });
  if (result.ok) {
    kickEmailDispatcher();
    revalidatePath(`/admin/organizations/${input.organizationId}/portal`);
  }
  return result;
});

const accountRef = z.object({
  portalAccountId: z.coerce.number().int().positive(),
  organizationId: z.coerce.number().int().positive(),
});

export const resendPortalInviteAction = staffAction('staff', accountRef, async (input, staff) => {
  const result = await resendPortalInvite(await getDb(), {
    ...actorOf(staff),
    portalAccountId: input.portalAccountId,
  });
  if (result.ok) kickEmailDispatcher();
  revalidatePath(`/admin/organizations/${input.organizationId}/portal`);
  return result;
});

export const setPortalAccountEnabledAction = staffAction(
  'staff',
  accountRef.extend({ enabled: z.boolean() }),
  async (input, staff) => {
    const result = await setPortalAccountEnabled(await getDb(), {
      ...actorOf(staff),
      portalAccountId: input.portalAccountId,
      enabled: input.enabled,
    });
    revalidatePath(`/admin/organizations/${input.organizationId}/portal`);
    return result;
  },
);
