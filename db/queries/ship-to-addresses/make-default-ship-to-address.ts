import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizationAddresses } from '@/db/schema';
import type { StaffActor } from '../audit';
import { recordAudit } from '../audit';
import { saved, type Saved } from '../saved';
import { findShipToAddress, type ShipToAddressScope } from './list-ship-to-addresses';
import { addressNotFound, lockOrganization } from './lock-organization';

/** Makes one address the organization's default (checkout preselects it, staff orders take it), audited. */
export async function makeDefaultShipToAddress(
  db: DbOrTx,
  params: ShipToAddressScope & { actor: StaffActor; addressId: number },
): Promise<Saved<{ addressId: number }>> {
  const { sellerId, organizationId } = params;
  return db.transaction(async (tx) => {
    const org = await lockOrganization(tx, params);
    const address = await findShipToAddress(tx, params);
    if (!address) throw addressNotFound();
    if (address.isDefault) return saved({ addressId: address.id }, `${address.label} is already the default.`);
    const scope = and(eq(organizationAddresses.sellerId, sellerId), eq(organizationAddresses.organizationId, organizationId));
    // Two statements: the partial unique index allows one default at any moment.
    await tx.update(organizationAddresses).set({ isDefault: false, updatedAt: new Date() }).where(and(scope, eq(organizationAddresses.isDefault, true)));
    await tx.update(organizationAddresses).set({ isDefault: true, updatedAt: new Date() }).where(and(scope, eq(organizationAddresses.id, address.id)));
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'ship_to_address.make_default',
      entityType: 'organization',
      entityId: organizationId,
      details: { label: address.label, addressId: address.id, organization: org.name },
    });
    return saved({ addressId: address.id }, `${address.label} is now the default shipping address.`);
  });
}
