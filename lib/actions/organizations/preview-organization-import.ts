'use server';

import { getDb } from '@/db';
import { previewOrganizationImport } from '@/db/queries/organization-import/preview-organization-import';
import { ok, staffAction } from '@/lib/actions';
import { organizationImportSchema } from '@/lib/validation/organization-import';

/** Organizations > Import: what the file would create and update, and which rows cannot be applied. Writes nothing. */
export const previewOrganizationImportAction = staffAction('previewOrganizationImportAction', 'admin', organizationImportSchema, async (rows, staff) => {
  return ok(await previewOrganizationImport(await getDb(), { sellerId: staff.sellerId, rows }));
});
