import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db';
import { organizationAddresses, portalSettings, type OrganizationAddress } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { addressLines } from '@/lib/invoices/document';
import type { ShipToAddressValues, StaffShipToAddressValues } from '@/lib/validation/ship-to-address';
import { recordAudit, type AuditActor } from '../audit';
import { saved, type Saved } from '../saved';
import { findShipToAddress, type ShipToAddressScope } from './list-ship-to-addresses';
import { addressNotFound, lockOrganization } from './lock-organization';

type Writer = ShipToAddressScope & { actor: AuditActor };

/** How the audit log names an address: its label and one line of where it is. */
export function auditedAddress(a: Pick<OrganizationAddress, 'label' | 'line1' | 'line2' | 'city' | 'region' | 'postalCode' | 'country'>) {
  return { label: a.label, address: addressLines({ ...a, line2: a.line2 ?? undefined, region: a.region ?? undefined, postalCode: a.postalCode ?? undefined }).join(', ') };
}

/** The address that is the default stops being it (before another becomes it: the unique index allows one). */
async function clearDefault(tx: Tx, params: ShipToAddressScope & { except?: number }) {
  await tx
    .update(organizationAddresses)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(
      and(
        eq(organizationAddresses.sellerId, params.sellerId),
        eq(organizationAddresses.organizationId, params.organizationId),
        eq(organizationAddresses.isDefault, true),
        params.except ? ne(organizationAddresses.id, params.except) : undefined,
      ),
    );
}

async function hasDefault(tx: Tx, params: ShipToAddressScope) {
  const [row] = await tx
    .select({ id: organizationAddresses.id })
    .from(organizationAddresses)
    .where(
      and(
        eq(organizationAddresses.sellerId, params.sellerId),
        eq(organizationAddresses.organizationId, params.organizationId),
        eq(organizationAddresses.isDefault, true),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Inserts the address; the organization's first address is its default whatever was asked. */
async function insertAddress(tx: Tx, params: Writer & { values: ShipToAddressValues; isDefault: boolean }) {
  const { sellerId, organizationId } = params;
  const org = await lockOrganization(tx, params);
  const isDefault = params.isDefault || !(await hasDefault(tx, params));
  if (isDefault) await clearDefault(tx, params);
  const [row] = await tx
    .insert(organizationAddresses)
    .values({ sellerId, organizationId, ...params.values, isDefault })
    .returning();
  await recordAudit(tx, {
    sellerId,
    actor: params.actor,
    action: 'ship_to_address.add',
    entityType: 'organization',
    entityId: organizationId,
    details: { ...auditedAddress(row!), isDefault, addressId: row!.id, organization: org.name },
  });
  return row!;
}

/** Organization > Info & addresses > Add a shipping address (staff), audited. */
export async function addShipToAddress(
  db: DbOrTx,
  params: Writer & { values: StaffShipToAddressValues },
): Promise<Saved<{ addressId: number }>> {
  const { isDefault, ...values } = params.values;
  return db.transaction(async (tx) => {
    const row = await insertAddress(tx, { ...params, values, isDefault });
    return saved({ addressId: row.id }, `${row.label} was added${row.isDefault ? ' as the default shipping address' : ''}.`);
  });
}

export const BUYERS_MAY_NOT_ADD = 'Shipping addresses are added by your sales representative. Ask them to add this one.';

/**
 * A buyer adds a shipping address to their organization at checkout, only
 * while the seller allows it (Settings > Customer Portal); refused otherwise,
 * writing nothing. Audited with the buyer as its actor.
 */
export async function addBuyerShipToAddress(
  db: DbOrTx,
  params: Writer & { values: ShipToAddressValues },
): Promise<OrganizationAddress> {
  return db.transaction(async (tx) => {
    const [settings] = await tx
      .select({ allowed: portalSettings.buyersMayAddAddresses })
      .from(portalSettings)
      .where(eq(portalSettings.sellerId, params.sellerId))
      .limit(1);
    if (!settings?.allowed) throw new Refusal(BUYERS_MAY_NOT_ADD, { code: 'forbidden' });
    return insertAddress(tx, { ...params, isDefault: false });
  });
}

/** Edit a shipping address (staff), audited with what changed. Placed orders keep their own copy. */
export async function updateShipToAddress(
  db: DbOrTx,
  params: Writer & { addressId: number; values: StaffShipToAddressValues },
): Promise<Saved<{ addressId: number }>> {
  const { sellerId, organizationId } = params;
  const { isDefault, ...values } = params.values;
  return db.transaction(async (tx) => {
    const org = await lockOrganization(tx, params);
    const before = await findShipToAddress(tx, params);
    if (!before) throw addressNotFound();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(values) as (keyof typeof values)[]) {
      if ((before[key] ?? null) !== (values[key] ?? null)) changes[key] = { from: before[key], to: values[key] };
    }
    // The default stays the default: another address becomes it with "Make default".
    const makeDefault = isDefault && !before.isDefault;
    if (!Object.keys(changes).length && !makeDefault) return saved({ addressId: before.id }, 'Nothing changed.');
    if (makeDefault) {
      await clearDefault(tx, { sellerId, organizationId, except: before.id });
      changes.isDefault = { from: false, to: true };
    }
    await tx
      .update(organizationAddresses)
      .set({ ...values, isDefault: before.isDefault || makeDefault, updatedAt: new Date() })
      .where(and(eq(organizationAddresses.id, before.id), eq(organizationAddresses.sellerId, sellerId)));
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'ship_to_address.update',
      entityType: 'organization',
      entityId: organizationId,
      details: { label: values.label, addressId: before.id, organization: org.name, changes },
    });
    return saved({ addressId: before.id }, `${values.label} was saved.`);
  });
}
