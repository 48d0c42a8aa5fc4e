import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizationAddresses, portalSettings, type OrganizationAddress, type ShipTo } from '@/db/schema';
import type { CustomerScope } from '@/db/queries/portal/scope';

export type ShipToAddressScope = CustomerScope;

/** An organization's shipping addresses, the default first, then by label. Empty for another seller's organization. */
export async function listShipToAddresses(db: DbOrTx, params: ShipToAddressScope): Promise<OrganizationAddress[]> {
  return db
    .select()
    .from(organizationAddresses)
    .where(and(eq(organizationAddresses.sellerId, params.sellerId), eq(organizationAddresses.organizationId, params.organizationId)))
    .orderBy(desc(organizationAddresses.isDefault), asc(organizationAddresses.label), asc(organizationAddresses.id));
}

/** One address of the organization; null when it is not one of this organization's at this seller. */
export async function findShipToAddress(db: DbOrTx, params: ShipToAddressScope & { addressId: number }) {
  if (!Number.isSafeInteger(params.addressId) || params.addressId <= 0) return null;
  const [row] = await db
    .select()
    .from(organizationAddresses)
    .where(
      and(
        eq(organizationAddresses.id, params.addressId),
        eq(organizationAddresses.sellerId, params.sellerId),
        eq(organizationAddresses.organizationId, params.organizationId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** What checkout offers: the organization's addresses and whether the buyer may add one. */
export async function shipToChoices(db: DbOrTx, params: ShipToAddressScope) {
  const [addresses, [settings]] = await Promise.all([
    listShipToAddresses(db, params),
    db
      .select({ buyersMayAddAddresses: portalSettings.buyersMayAddAddresses })
      .from(portalSettings)
      .where(eq(portalSettings.sellerId, params.sellerId))
      .limit(1),
  ]);
  return { addresses, buyersMayAdd: settings?.buyersMayAddAddresses ?? false };
}

export type ShipToChoices = Awaited<ReturnType<typeof shipToChoices>>;

/** The snapshot an order keeps of an address: only the parts that are filled in. */
export function shipToOf(address: OrganizationAddress): ShipTo {
  const shipTo: ShipTo = { label: address.label, line1: address.line1, city: address.city, country: address.country };
  if (address.attention) shipTo.attention = address.attention;
  if (address.line2) shipTo.line2 = address.line2;
  if (address.region) shipTo.region = address.region;
  if (address.postalCode) shipTo.postalCode = address.postalCode;
  if (address.phone) shipTo.phone = address.phone;
  return shipTo;
}
