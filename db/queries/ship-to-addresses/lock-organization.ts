import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { organizations } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import type { ShipToAddressScope } from './list-ship-to-addresses';

/**
 * Every change to an organization's addresses first locks the organization's
 * row, so two changes at once (two "Make default" clicks) run one after the
 * other and the one-default rule holds. Another seller's organization is not found.
 */
export async function lockOrganization(tx: Tx, params: ShipToAddressScope) {
  const [org] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, params.organizationId), eq(organizations.sellerId, params.sellerId)))
    .for('update')
    .limit(1);
  if (!org) throw new Refusal('That organization was not found.', { code: 'not_found' });
  return org;
}

export const addressNotFound = () => new Refusal('That shipping address was not found.', { code: 'not_found' });
