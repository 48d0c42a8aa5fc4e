import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { INVITES_PER_MINUTE } from '@/lib/validation/organization-import';
import { issueAccountLinks, type LinkContext } from '../account-links';
import type { Account } from '../account-store';
import { recordAudits, type AuditActor } from '../audit';

export { INVITES_PER_MINUTE };

/** Imported buyers whose invitation has not been sent: invited accounts without an invitation date. */
export async function countBuyersAwaitingInvitation(db: DbOrTx, params: { sellerId: number }): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from portal_accounts where seller_id = ${params.sellerId} and status = 'invited' and invited_at is null`);
  return Number(row?.n ?? 0);
}

export type InviteImportedBuyersOutcome = { invited: number; firstSendAfter: Date | null; lastSendAfter: Date | null };

/**
 * "Invite N buyers not yet invited": every imported buyer not yet invited gets
 * the usual activation email, all written to the outbox in one transaction.
 * Marking the accounts invited is the statement that picks them, so a second
 * click (or two at once) invites nobody twice. The messages are staggered
 * (`send_after`) at `perMinute`, after any invitations still waiting, so the
 * outbox never sends a burst.
 */
export async function inviteImportedBuyers(
  db: DbOrTx,
  params: { sellerId: number; actor: AuditActor; perMinute?: number } & LinkContext,
): Promise<InviteImportedBuyersOutcome> {
  const { sellerId } = params;
  const now = params.now ?? new Date();
  const gapMs = 60_000 / (params.perMinute ?? INVITES_PER_MINUTE);
  return db.transaction(async (tx) => {
    const picked = await queryRows<{ id: number; name: string; email: string; sessionVersion: number; organizationId: number; organizationName: string }>(tx, sql`
      update portal_accounts a set invited_at = ${now.toISOString()}::timestamptz
      from organizations o
      where a.seller_id = ${sellerId} and a.status = 'invited' and a.invited_at is null
        and o.id = a.organization_id and o.seller_id = a.seller_id
      returning a.id, a.name, a.email, a.session_version as "sessionVersion", a.organization_id as "organizationId", o.name as "organizationName"`);
    if (!picked.length) return { invited: 0, firstSendAfter: null, lastSendAfter: null };
    picked.sort((a, b) => a.id - b.id);
    // After the invitations of an earlier bulk invitation that are still waiting.
    const [waiting] = await queryRows<{ last: Date | string | null }>(tx, sql`
      select max(send_after) as last from email_messages
      where seller_id = ${sellerId} and kind = 'portal_invitation' and status = 'queued' and send_after > ${now.toISOString()}::timestamptz`);
    const last = waiting?.last ? new Date(waiting.last).getTime() + gapMs : now.getTime();
    const start = Math.max(now.getTime(), last);
    const sendAfter = (i: number) => new Date(start + Math.round(i * gapMs));
    const accounts: Account[] = picked.map((a) => ({
      subject: { kind: 'customer', id: a.id },
      sellerId,
      name: a.name,
      email: a.email,
      status: 'invited',
      sessionVersion: Number(a.sessionVersion),
      hasPassword: false,
      organizationName: a.organizationName,
    }));
    await issueAccountLinks(tx, { sellerId, accounts, purpose: 'activation', now, sendAfter });
    await recordAudits(
      tx,
      picked.map((a) => ({
        sellerId,
        actor: params.actor,
        action: 'portal_account.invite',
        entityType: 'portal_account',
        entityId: a.id,
        details: { organizationId: a.organizationId, email: a.email, bulk: true },
      })),
    );
    return { invited: picked.length, firstSendAfter: sendAfter(0), lastSendAfter: sendAfter(picked.length - 1) };
  });
}
