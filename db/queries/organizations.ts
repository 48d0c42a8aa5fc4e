import { and, asc, count, eq, ilike, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizationAddresses, organizations, portalAccounts, type PostalAddress } from '@/db/schema';
import { isUniqueViolation } from '@/db/errors';
import { containsPattern } from '@/lib/like';
import { Refusal } from '@/lib/refusal';
import type { NewOrganizationValues, OrganizationValues } from '@/lib/validation/organization';
import { recordAudit, type AuditActor } from './audit';
import { saved, type Saved } from './saved';

export const CODE_TAKEN = 'Another organization already has this account code.';
const codeTaken = () => new Refusal(CODE_TAKEN, { code: 'conflict', fieldErrors: { code: [CODE_TAKEN] } });

/** A write that took an account code in use becomes the form's refusal. */
async function guardCode<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'organizations_seller_code_unique')) throw codeTaken();
    throw error;
  }
}

/** Organizations > list: searched by name, account code, email or phone, one page at a time, with their portal account counts. */
export async function listOrganizations(
  db: DbOrTx,
  params: { sellerId: number; search?: string; page: number; pageSize: number },
) {
  const search = params.search?.trim();
  const where = and(
    eq(organizations.sellerId, params.sellerId),
    search
      ? or(
          ilike(organizations.name, containsPattern(search)),
          ilike(organizations.code, containsPattern(search)),
          ilike(organizations.email, containsPattern(search)),
          ilike(organizations.phone, containsPattern(search)),
        )
      : undefined,
  );
  const [page, [total]] = await Promise.all([
    db
      .select({
        id: organizations.id,
        name: organizations.name,
        code: organizations.code,
        email: organizations.email,
        phone: organizations.phone,
        createdAt: organizations.createdAt,
      })
      .from(organizations)
      .where(where)
      .orderBy(asc(organizations.name), asc(organizations.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ n: count() }).from(organizations).where(where),
  ]);
  // Account counts for this page only, in one grouped query.
  const counts = page.length
    ? await db
        .select({ organizationId: portalAccounts.organizationId, n: count() })
        .from(portalAccounts)
        .where(and(eq(portalAccounts.sellerId, params.sellerId), inArray(portalAccounts.organizationId, page.map((o) => o.id))))
        .groupBy(portalAccounts.organizationId)
    : [];
  const byOrganization = new Map(counts.map((c) => [c.organizationId, c.n]));
  const rows = page.map((o) => ({ ...o, portalAccounts: byOrganization.get(o.id) ?? 0 }));
  return { rows, total: total?.n ?? 0 };
}

/** One organization of the seller; null for an unknown id or another seller's (answered as 404). */
export async function findOrganization(db: DbOrTx, params: { sellerId: number; organizationId: number }) {
  if (!Number.isSafeInteger(params.organizationId) || params.organizationId <= 0) return null;
  const [row] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, params.organizationId), eq(organizations.sellerId, params.sellerId)))
    .limit(1);
  return row ?? null;
}

type Writer = { sellerId: number; actor: AuditActor };

/** The label of the shipping address typed on the New organization form. */
export const FIRST_SHIP_TO_LABEL = 'Main';

/** New organization; a shipping address typed with it becomes its default ship-to address. */
export async function createOrganization(
  db: DbOrTx,
  params: Writer & { values: NewOrganizationValues },
): Promise<Saved<{ organizationId: number }>> {
  const { shippingAddress, ...values } = params.values;
  return guardCode(() => db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organizations)
      .values({ sellerId: params.sellerId, ...values })
      .returning({ id: organizations.id });
    if (shippingAddress) {
      await tx.insert(organizationAddresses).values({
        sellerId: params.sellerId,
        organizationId: row!.id,
        label: FIRST_SHIP_TO_LABEL,
        ...shippingAddress,
        isDefault: true,
      });
    }
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: 'organization.create',
      entityType: 'organization',
      entityId: row!.id,
      details: { name: params.values.name, ...(params.values.code ? { code: params.values.code } : {}) },
    });
    return saved({ organizationId: row!.id }, `${params.values.name} was created.`);
  }));
}

/** jsonb stores keys in its own order, so compare field by field. */
export function sameAddress(a: PostalAddress | null | undefined, b: PostalAddress | null | undefined): boolean {
  const fields = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
  if (!a || !b) return !a && !b;
  return fields.every((f) => (a[f] ?? '') === (b[f] ?? ''));
}

/** Saves the organization's details (shipping addresses are their own rows); the audit entry names the fields that changed, old and new. */
export async function updateOrganization(
  db: DbOrTx,
  params: Writer & { organizationId: number; values: OrganizationValues },
): Promise<Saved<{ organizationId: number }> | null> {
  return guardCode(() => db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(organizations)
      .where(and(eq(organizations.id, params.organizationId), eq(organizations.sellerId, params.sellerId)))
      .for('update')
      .limit(1);
    if (!before) return null;
    const v = params.values;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['name', 'code', 'email', 'phone'] as const) {
      if (before[key] !== v[key]) changes[key] = { from: before[key], to: v[key] };
    }
    for (const key of ['billingAddress'] as const) {
      if (!sameAddress(before[key], v[key])) changes[key] = { from: before[key], to: v[key] };
    }
    if (Object.keys(changes).length === 0) return saved({ organizationId: before.id }, 'Nothing changed.');
    await tx
      .update(organizations)
      .set(v)
      .where(and(eq(organizations.id, before.id), eq(organizations.sellerId, params.sellerId)));
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: 'organization.update',
      entityType: 'organization',
      entityId: before.id,
      details: changes,
    });
    return saved({ organizationId: before.id }, 'Saved.');
  }));
}
