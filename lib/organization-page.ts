import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findOrganization } from '@/db/queries/organizations';
import { requireStaff } from '@/lib/auth/session';
import { parseId } from '@/lib/url-params';

/**
 * The organization an /admin/organizations/{id} page is about, for the
 * signed-in staff member's seller. Unknown ids and other sellers' ids are 404.
 */
export const requireOrganization = cache(async (id: string) => {
  const staff = await requireStaff();
  const organizationId = parseId(id);
  const organization = organizationId ? await findOrganization(await getDb(), { sellerId: staff.sellerId, organizationId }) : null;
  if (!organization) notFound();
  return { staff, organization };
});
