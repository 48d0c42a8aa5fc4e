'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { savePortalSettings } from '@/db/queries/settings/portal-settings';
import { staffAction } from '@/lib/actions';
import type { LogoChange } from '@/lib/settings/logo';
import { checkbox } from '@/lib/validation/form-values';
import { portalSettingsSchema } from '@/lib/validation/portal-settings';

const form = portalSettingsSchema.extend({
  logo: z.unknown().optional(),
  removeLogo: checkbox,
});

export const savePortalSettingsAction = staffAction('admin', form, async ({ logo, removeLogo, ...input }, staff) => {
  let change: LogoChange = { kind: 'keep' };
  if (logo instanceof File && logo.size > 0) change = { kind: 'upload', bytes: new Uint8Array(await logo.arrayBuffer()) };
  else if (removeLogo) change = { kind: 'remove' };
  const result = await savePortalSettings(await getDb(), { sellerId: staff.sellerId, actor: staff, input, logo: change });
  if (result.ok) {
    revalidatePath('/admin/settings', 'layout');
    revalidatePath(`/p/${staff.sellerSlug}`, 'layout');
  }
  return result;
});
