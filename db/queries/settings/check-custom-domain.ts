import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { sellers } from '@/db/schema';
import { recordAudit } from '@/db/queries/audit';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { Refusal } from '@/lib/refusal';
import { checkDomainOwnership, type TxtLookup } from '@/lib/portal/domain-verification';
import { assertCanChangeSettings, type SettingsActor } from './access';
import type { Written } from './write';
import { isUniqueViolation } from '@/db/errors';

/** Each check sends DNS queries from the server: a few a minute per seller is plenty for a person. */
const CHECKS_PER_MINUTE = 10;

export type CustomDomainCheck = { verified: boolean };

/**
 * "Check now" on a pending custom domain: looks up its TXT record and, when it
 * holds the seller's token, marks the domain verified (from then on it is
 * served and used in links). Every check is audited, found or not. The DNS
 * lookup runs before the transaction, so no row stays locked while it waits;
 * the transaction then makes sure the domain was not changed meanwhile. A
 * failed check is refused after its audit entry has committed.
 */
export async function checkCustomDomain(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; lookup: TxtLookup; now?: Date },
): Promise<Written<CustomDomainCheck>> {
  const { sellerId, actor } = params;
  assertCanChangeSettings(actor);
  const [seller] = await db
    .select({ domain: sellers.customDomain, token: sellers.customDomainToken, verifiedAt: sellers.customDomainVerifiedAt })
    .from(sellers)
    .where(eq(sellers.id, sellerId));
  if (!seller?.domain || !seller.token) throw new Refusal('Save a custom domain first, then check it.', { code: 'not_ready' });
  if (seller.verifiedAt) return { data: { verified: true }, message: `${seller.domain} is already verified.` };

  const limit = await hitRateLimit(db, { key: `domain-check:seller:${sellerId}`, limit: CHECKS_PER_MINUTE, windowSeconds: 60, now: params.now });
  if (!limit.allowed) {
    throw new Refusal(`Too many checks in a row. Wait ${limit.retryAfterSeconds} seconds, then check again.`, { code: 'busy' });
  }

  const { domain, token } = seller;
  const check = await checkDomainOwnership({ domain, token, lookup: params.lookup });
  let outcome: { ok: true; message: string } | { ok: false; error: string };
  try {
    outcome = await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ domain: sellers.customDomain, token: sellers.customDomainToken, verifiedAt: sellers.customDomainVerifiedAt })
        .from(sellers)
        .where(eq(sellers.id, sellerId))
        .for('update');
      if (current?.domain !== domain || current.token !== token) {
        throw new Refusal('The custom domain was changed while it was being checked. Check it again.', { code: 'conflict' });
      }
      let outcome: { ok: true; message: string } | { ok: false; error: string };
      if (!check.verified) {
        outcome = { ok: false, error: check.message };
      } else if (await verifiedElsewhere(tx, { sellerId, domain })) {
        outcome = { ok: false, error: domainTaken(domain) };
      } else {
        await tx
          .update(sellers)
          .set({ customDomainVerifiedAt: params.now ?? new Date() })
          .where(eq(sellers.id, sellerId));
        outcome = { ok: true, message: `${domain} is verified. Customers can use it within a few seconds.` };
      }
      await recordAudit(tx, {
        sellerId,
        actor: { staffUserId: actor.staffUserId, name: actor.name },
        action: 'portal_settings.check_domain',
        entityType: 'portal_settings',
        entityId: sellerId,
        details: {
          subject: `custom domain ${domain}`,
          result: outcome.ok ? 'verified' : check.verified ? 'taken' : check.reason,
          message: outcome.ok ? 'Ownership verified: the TXT record was found.' : outcome.error,
        },
      });
      return outcome;
    });
  } catch (error) {
    // Another seller verified the same domain at the same moment; the unique index kept one.
    if (isUniqueViolation(error)) throw new Refusal(domainTaken(domain), { code: 'conflict' });
    throw error;
  }
  if (!outcome.ok) throw new Refusal(outcome.error, { code: check.verified ? 'conflict' : 'not_ready' });
  return { data: { verified: true }, message: outcome.message };
}

const domainTaken = (domain: string) => `${domain} is already used by another seller. Choose a different domain.`;

async function verifiedElsewhere(tx: DbOrTx, params: { sellerId: number; domain: string }): Promise<boolean> {
  const [row] = await tx
    .select({ id: sellers.id })
    .from(sellers)
    .where(and(ne(sellers.id, params.sellerId), sql`lower(${sellers.customDomain}) = ${params.domain}`, isNotNull(sellers.customDomainVerifiedAt)))
    .limit(1);
  return Boolean(row);
}
