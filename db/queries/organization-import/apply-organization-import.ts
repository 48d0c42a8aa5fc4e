import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { queryRows } from '@/db/rows';
import { intArray, textArray } from '@/db/sql-arrays';
import type { PostalAddress } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { MAX_ORGANIZATION_IMPORT_ROWS, type OrganizationImportRow } from '@/lib/validation/organization-import';
import { recordAudits, type AuditActor } from '../audit';
import { FIRST_SHIP_TO_LABEL } from '../organizations';
import { auditedAddress } from '../ship-to-addresses/save-ship-to-address';
import { planOrganizationImport } from './preview-organization-import';

export type OrganizationImportOutcome = { created: number; updated: number; unchanged: number; buyersAwaitingInvitation: number };

const json = (a: PostalAddress | null) => (a ? JSON.stringify(a) : null);
const column = <T,>(items: readonly T[], pick: (item: T) => string | null) => textArray(items.map(pick));

/**
 * Imports a file of organizations, all or nothing: checks every row again in
 * one transaction (the organizations it updates locked), then creates and
 * updates the organizations by account code, writes each shipping address as
 * the organization's default "Main" ship-to address, and creates the new
 * buyers' portal accounts as invited but not yet emailed (the bulk invitation
 * sends them). Audited like the organization form, one entry per change. A few
 * statements whatever the number of rows.
 */
export async function applyOrganizationImport(
  db: DbOrTx,
  params: { sellerId: number; actor: AuditActor; rows: readonly OrganizationImportRow[] },
): Promise<OrganizationImportOutcome> {
  const { sellerId, actor } = params;
  if (params.rows.length > MAX_ORGANIZATION_IMPORT_ROWS) {
    throw new Refusal(`A file may hold at most ${MAX_ORGANIZATION_IMPORT_ROWS.toLocaleString('en-US')} rows; split it.`, { code: 'too_large' });
  }
  try {
    return await db.transaction(async (tx) => {
      const plan = await planOrganizationImport(tx, { ...params, forUpdate: true });
      if (plan.problems.length) {
        const n = plan.problems.length;
        throw new Refusal(`${n === 1 ? '1 row has a problem' : `${n.toLocaleString('en-US')} rows have problems`}, so nothing was imported. Fix the file and try again.`, {
          problems: plan.problems,
        });
      }
      const ids = new Map(plan.writes.filter((w) => w.organizationId).map((w) => [w.code.toLowerCase(), w.organizationId!]));

      const creating = plan.writes.filter((w) => !w.organizationId);
      if (creating.length) {
        const created = await queryRows<{ id: number; key: string }>(tx, sql`
          insert into organizations (seller_id, code, name, email, phone, billing_address, price_list_id)
          select ${sellerId}::int, r.code, r.name, r.email, r.phone, r.billing::jsonb, r.price_list_id
          from unnest(${column(creating, (w) => w.code)}, ${column(creating, (w) => w.values!.name)}, ${column(creating, (w) => w.values!.email)},
            ${column(creating, (w) => w.values!.phone)}, ${column(creating, (w) => json(w.values!.billingAddress))},
            ${intArray(creating.map((w) => w.values!.priceListId))}) as r(code, name, email, phone, billing, price_list_id)
          returning id, lower(code) as key`);
        for (const c of created) ids.set(c.key, c.id);
      }
      const idOf = (w: { code: string }) => ids.get(w.code.toLowerCase())!;

      const updating = plan.writes.filter((w) => w.organizationId && w.values);
      if (updating.length) {
        await tx.execute(sql`
          update organizations o set name = r.name, email = r.email, phone = r.phone, billing_address = r.billing::jsonb, price_list_id = r.price_list_id
          from unnest(${intArray(updating.map(idOf))}, ${column(updating, (w) => w.values!.name)}, ${column(updating, (w) => w.values!.email)},
            ${column(updating, (w) => w.values!.phone)}, ${column(updating, (w) => json(w.values!.billingAddress))},
            ${intArray(updating.map((w) => w.values!.priceListId))}) as r(id, name, email, phone, billing, price_list_id)
          where o.id = r.id and o.seller_id = ${sellerId}`);
      }

      // Ship-to: the other default stops being it, the "Main" address is updated or added as the default.
      const shipping = plan.writes.filter((w) => w.shipTo);
      if (shipping.length) {
        await tx.execute(sql`
          update organization_addresses set is_default = false, updated_at = now()
          where seller_id = ${sellerId} and organization_id = any(${intArray(shipping.map(idOf))}) and is_default
            and not (id = any(${intArray(shipping.map((w) => w.shipTo!.replaces ?? 0))}))`);
        const replacing = shipping.filter((w) => w.shipTo!.replaces);
        if (replacing.length) {
          const part = (pick: (a: PostalAddress) => string | undefined) => column(replacing, (w) => pick(w.shipTo!.address) ?? null);
          await tx.execute(sql`
            update organization_addresses a set line1 = r.line1, line2 = r.line2, city = r.city, region = r.region,
              postal_code = r.postal_code, country = r.country, is_default = true, updated_at = now()
            from unnest(${intArray(replacing.map((w) => w.shipTo!.replaces))}, ${part((a) => a.line1)}, ${part((a) => a.line2)}, ${part((a) => a.city)},
              ${part((a) => a.region)}, ${part((a) => a.postalCode)}, ${part((a) => a.country)}) as r(id, line1, line2, city, region, postal_code, country)
            where a.id = r.id and a.seller_id = ${sellerId}`);
        }
        const adding = shipping.filter((w) => !w.shipTo!.replaces);
        if (adding.length) {
          const part = (pick: (a: PostalAddress) => string | undefined) => column(adding, (w) => pick(w.shipTo!.address) ?? null);
          await tx.execute(sql`
            insert into organization_addresses (seller_id, organization_id, label, line1, line2, city, region, postal_code, country, is_default)
            select ${sellerId}::int, r.organization_id, ${FIRST_SHIP_TO_LABEL}, r.line1, r.line2, r.city, r.region, r.postal_code, r.country, true
            from unnest(${intArray(adding.map(idOf))}, ${part((a) => a.line1)}, ${part((a) => a.line2)}, ${part((a) => a.city)},
              ${part((a) => a.region)}, ${part((a) => a.postalCode)}, ${part((a) => a.country)}) as r(organization_id, line1, line2, city, region, postal_code, country)`);
        }
      }

      const buyers = plan.writes.flatMap((w) => w.newBuyers.map((b) => ({ ...b, organizationId: idOf(w) })));
      if (buyers.length) {
        // Invited, not yet emailed: invited_at stays empty until the bulk invitation sends the link.
        await tx.execute(sql`
          insert into portal_accounts (seller_id, organization_id, name, email, status, invited_at)
          select ${sellerId}::int, r.organization_id, r.name, r.email, 'invited', null
          from unnest(${intArray(buyers.map((b) => b.organizationId))}, ${column(buyers, (b) => b.name)}, ${column(buyers, (b) => b.email)})
            as r(organization_id, name, email)`);
      }

      await recordAudits(tx, [
        ...plan.writes.flatMap((w) => {
          const entityId = idOf(w);
          const entries = [];
          if (!w.organizationId) {
            entries.push({ sellerId, actor, action: 'organization.create', entityType: 'organization', entityId, details: { name: w.name, code: w.code, source: 'import' } });
          } else if (w.values) {
            const changes = Object.fromEntries(w.changes.filter((c) => !c.field.startsWith('Default ship-to')).map((c) => [c.field.toLowerCase(), { from: c.from, to: c.to }]));
            entries.push({ sellerId, actor, action: 'organization.update', entityType: 'organization', entityId, details: changes });
          }
          if (w.shipTo) {
            const { address, replaces } = w.shipTo;
            entries.push({
              sellerId,
              actor,
              action: replaces ? 'ship_to_address.update' : 'ship_to_address.add',
              entityType: 'organization',
              entityId,
              details: replaces
                ? { label: FIRST_SHIP_TO_LABEL, addressId: replaces, organization: w.name, changes: { address: { from: w.changes.find((c) => c.field.startsWith('Default ship-to'))?.from ?? null, to: auditedAddress({ label: FIRST_SHIP_TO_LABEL, ...nullable(address) }).address } } }
                : { ...auditedAddress({ label: FIRST_SHIP_TO_LABEL, ...nullable(address) }), isDefault: true, organization: w.name },
            });
          }
          return entries;
        }),
        {
          sellerId,
          actor,
          action: 'organization.import',
          entityType: 'organization',
          entityId: null,
          details: { rows: params.rows.length, created: plan.counts.create, updated: plan.counts.update, buyers: buyers.length },
        },
      ]);
      return { created: plan.counts.create, updated: plan.counts.update, unchanged: plan.counts.unchanged, buyersAwaitingInvitation: buyers.length };
    });
  } catch (error) {
    // Another import or edit took a code or buyer email between the check and the write.
    if (isUniqueViolation(error)) {
      throw new Refusal('Another change to these organizations or buyers happened at the same time, so nothing was imported. Check the file again.', { code: 'conflict' });
    }
    throw error;
  }
}

function nullable(a: PostalAddress) {
  return { line1: a.line1, line2: a.line2 ?? null, city: a.city, region: a.region ?? null, postalCode: a.postalCode ?? null, country: a.country };
}
