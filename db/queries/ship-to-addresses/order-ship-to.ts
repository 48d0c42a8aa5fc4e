import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizationAddresses, type ShipTo } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { findShipToAddress, shipToOf, type ShipToAddressScope } from './list-ship-to-addresses';

export const FOREIGN_SHIP_TO = 'That shipping address is not one of your organization’s. Reload the checkout page and choose again.';

/**
 * Where a new order ships, as the snapshot it keeps. The address id comes
 * from the browser, so it must be one of the organization's own (else a
 * `not_found` refusal, before anything is written); without one the
 * organization's default is taken, and null when it has no address at all.
 */
export async function orderShipTo(db: DbOrTx, params: ShipToAddressScope & { addressId?: number | null }): Promise<ShipTo | null> {
  if (params.addressId != null) {
    const chosen = await findShipToAddress(db, { ...params, addressId: params.addressId });
    if (!chosen) throw new Refusal(FOREIGN_SHIP_TO, { code: 'not_found', fieldErrors: { shipToAddressId: [FOREIGN_SHIP_TO] } });
    return shipToOf(chosen);
  }
  const [fallback] = await db
    .select()
    .from(organizationAddresses)
    .where(
      and(
        eq(organizationAddresses.sellerId, params.sellerId),
        eq(organizationAddresses.organizationId, params.organizationId),
        eq(organizationAddresses.isDefault, true),
      ),
    )
    .limit(1);
  return fallback ? shipToOf(fallback) : null;
}
