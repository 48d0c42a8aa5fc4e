import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import {
  inventoryStatuses,
  orderStatuses,
  portalSettings,
  salesChannels,
  sellers,
  staffUsers,
  warehouses,
} from '@/db/schema';
import { defaultWarehouse, inventoryStatusNames, orderStatusSeeds, salesChannelNames } from '@/db/defaults';
import { Refusal } from '@/lib/refusal';
import { newSeller, type NewSellerInput } from '@/lib/validation/seller';
import { issueAccountLink } from './account-links';
import { findAccount } from './account-store';
import { recordAudit } from './audit';

export type CreateSellerResult = {
  created: boolean;
  sellerId: number;
  ownerId: number;
  activationUrl: string | null;
  messageId: number | null;
  note: string;
};

const operator = { label: 'operator (npm run seller:create)' };

/**
 * A new wholesaler on this install, with the default statuses, channels and
 * warehouse, a closed portal, and its owner invited with an activation link
 * through the outbox. Repeating the command creates nothing twice: for the
 * same slug and owner it answers what exists, and sends a fresh activation
 * link while the owner has not activated yet (older links stop working).
 * Bad input, a slug of another owner or of the demo throw a Refusal that
 * names the problem; the command prints it.
 */
export async function createSeller(db: Db, input: NewSellerInput): Promise<CreateSellerResult> {
  const parsed = newSeller.safeParse(input);
  if (!parsed.success) {
    throw new Refusal(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '), { code: 'invalid' });
  }
  const params = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      // Two commands for one slug at once: the second waits here, then finds the first one's seller.
      await tx.execute(sql`select pg_advisory_xact_lock(7100, hashtext(${params.slug}))`);
      const [existing] = await tx.select().from(sellers).where(eq(sellers.slug, params.slug)).limit(1);
      if (existing) {
        if (existing.isDemo) throw new Refusal(`The slug ${params.slug} belongs to the demo data. Choose another slug.`, { code: 'conflict' });
        const [owner] = await tx
          .select({ id: staffUsers.id, status: staffUsers.status })
          .from(staffUsers)
          .where(and(eq(staffUsers.sellerId, existing.id), sql`lower(${staffUsers.email}) = ${params.ownerEmail.toLowerCase()}`, eq(staffUsers.role, 'owner')))
          .limit(1);
        if (!owner) {
          throw new Refusal(`A seller with the slug ${params.slug} already exists with another owner. Nothing was changed.`, { code: 'conflict' });
        }
        if (owner.status !== 'invited') {
          return { created: false, sellerId: existing.id, ownerId: owner.id, activationUrl: null, messageId: null, note: `${existing.name} already exists and its owner has activated the account. Nothing was changed.` };
        }
        const link = await issueAccountLink(tx, (await findAccount(tx, { sellerId: existing.id, subject: { kind: 'staff', id: owner.id } }))!, 'activation');
        await recordAudit(tx, { sellerId: existing.id, actor: operator, action: 'staff_user.resend_invite', entityType: 'staff_user', entityId: owner.id });
        return { created: false, sellerId: existing.id, ownerId: owner.id, activationUrl: link.url, messageId: link.messageId, note: `${existing.name} already exists; the owner has not activated yet, so a fresh activation link replaces the older one.` };
      }

      const [seller] = await tx
        .insert(sellers)
        .values({ slug: params.slug, name: params.name, currency: params.currency, isDemo: false })
        .returning({ id: sellers.id });
      const sellerId = seller!.id;
      await tx.insert(warehouses).values({ sellerId, ...defaultWarehouse });
      await tx.insert(inventoryStatuses).values(inventoryStatusNames.map((name, position) => ({ sellerId, name, position })));
      await tx.insert(orderStatuses).values(orderStatusSeeds.map((status, position) => ({ sellerId, ...status, position })));
      await tx.insert(salesChannels).values(salesChannelNames.map((name) => ({ sellerId, name })));
      await tx.insert(portalSettings).values({ sellerId, enabled: false, displayName: params.name });
      const [owner] = await tx
        .insert(staffUsers)
        .values({ sellerId, email: params.ownerEmail, name: params.ownerName, role: 'owner', status: 'invited' })
        .returning({ id: staffUsers.id });
      const link = await issueAccountLink(tx, (await findAccount(tx, { sellerId, subject: { kind: 'staff', id: owner!.id } }))!, 'activation');
      await recordAudit(tx, { sellerId, actor: operator, action: 'seller.create', entityType: 'seller', entityId: sellerId, details: { slug: params.slug, currency: params.currency } });
      await recordAudit(tx, { sellerId, actor: operator, action: 'staff_user.invite', entityType: 'staff_user', entityId: owner!.id, details: { email: params.ownerEmail, role: 'owner' } });
      return { created: true, sellerId, ownerId: owner!.id, activationUrl: link.url, messageId: link.messageId, note: `${params.name} is created; its owner is invited.` };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new Refusal(`The seller ${params.slug} could not be created because one of its names is already taken. Nothing was changed.`, { code: 'conflict' });
    }
    throw error;
  }
}
