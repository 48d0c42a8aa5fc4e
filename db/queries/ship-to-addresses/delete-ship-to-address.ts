import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizationAddresses } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { recordAudit, type StaffActor } from '../audit';
import { saved, type Saved } from '../saved';
import { findShipToAddress, type ShipToAddressScope } from './list-ship-to-addresses';
import { addressNotFound, lockOrganization } from './lock-organization';
import { auditedAddress } from './save-ship-to-address';

export const DEFAULT_IN_USE = 'This is the default shipping address. Make another address the default first, then delete this one.';

/**
 * Deletes a shipping address (staff), audited. The default cannot go while
 * the organization has others: one of them is made the default first. Orders
 * that shipped there keep their own copy.
 */
export async function deleteShipToAddress(
  db: DbOrTx,
  params: ShipToAddressScope & { actor: StaffActor; addressId: number },
): Promise<Saved<{ addressId: number }>> {
  const { sellerId, organizationId } = params;
  return db.transaction(async (tx) => {
    const org = await lockOrganization(tx, params);
    const address = await findShipToAddress(tx, params);
    if (!address) throw addressNotFound();
    const scope = and(eq(organizationAddresses.sellerId, sellerId), eq(organizationAddresses.organizationId, organizationId));
    if (address.isDefault) {
      const [all] = await tx.select({ n: count() }).from(organizationAddresses).where(scope);
      if ((all?.n ?? 0) > 1) throw new Refusal(DEFAULT_IN_USE, { code: 'in_use' });
    }
    await tx.delete(organizationAddresses).where(and(scope, eq(organizationAddresses.id, address.id)));
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'ship_to_address.delete',
      entityType: 'organization',
      entityId: organizationId,
      details: { ...auditedAddress(address), addressId: address.id, organization: org.name },
    });
    return saved({ addressId: address.id }, `${address.label} was deleted.`);
  });
}
