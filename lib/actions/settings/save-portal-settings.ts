'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { settingsActor } from '@/db/queries/settings/access';
import { savePortalSettings } from '@/db/queries/settings/portal-settings';
import { ok, staffAction } from '@/lib/actions';
import type { LogoChange } from '@/lib/settings/logo';
import { checkbox } from '@/lib/validation/form-values';
import { portalSettingsSchema } from '@/lib/validation/portal-settings';

const form = portalSettingsSchema.extend({
  logo: z.unknown().optional(),
  removeLogo: checkbox,
});

/** Settings > Integrations > Customer Portal > "Save". The logo travels as a file beside the fields. */
export const savePortalSettingsAction = staffAction('savePortalSettingsAction', 'admin', form, async ({ logo, removeLogo, ...input }, staff) => {
  let change: LogoChange = { kind: 'keep' };
  if (logo instanceof File && logo.size > 0) change = { kind: 'upload', bytes: new Uint8Array(await logo.arrayBuffer()) };
  else if (removeLogo) change = { kind: 'remove' };
  const written = await savePortalSettings(await getDb(), { sellerId: staff.sellerId, actor: settingsActor(staff), input, logo: change });
  revalidatePath('/admin/settings', 'layout');
  revalidatePath(`/p/${staff.sellerSlug}`, 'layout');
  return ok(written.data, written.message);
});
