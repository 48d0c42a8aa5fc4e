import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { sellers } from '@/db/schema';
import { recordAudit } from '@/db/queries/audit';
import { Refusal } from '@/lib/refusal';
import { companyProfileSchema, type CompanyProfileValues } from '@/lib/validation/company-profile';
import type { SettingsActor } from './access';
import { changedFields, settingsWrite } from './write';

const profileColumns = {
  legalName: sellers.legalName,
  address: sellers.address,
  taxId: sellers.taxId,
  contactEmail: sellers.contactEmail,
  contactPhone: sellers.contactPhone,
  locale: sellers.locale,
  timeZone: sellers.timeZone,
};

/** Settings > Company as saved: the seller's legal identity, contact, locale and time zone. */
export async function loadCompanyProfile(db: DbOrTx, params: { sellerId: number }): Promise<CompanyProfileValues & { name: string }> {
  const [row] = await db
    .select({ name: sellers.name, ...profileColumns })
    .from(sellers)
    .where(eq(sellers.id, params.sellerId))
    .limit(1);
  if (!row) throw new Refusal('That seller was not found.', { code: 'not_found' });
  return { ...row, locale: row.locale as CompanyProfileValues['locale'] };
}

/**
 * Saves Settings > Company in one transaction with one audit entry naming
 * what changed (before and after); owners and admins only, like every setting.
 */
export async function saveCompanyProfile(db: DbOrTx, params: { sellerId: number; actor: SettingsActor; input: unknown }) {
  const { sellerId, actor } = params;
  return settingsWrite(
    db,
    {
      actor,
      schema: companyProfileSchema,
      input: params.input,
      message: (r: { changed: boolean }) => (r.changed ? 'Company profile saved.' : 'Nothing changed.'),
    },
    async (tx, values) => {
      // The row lock orders concurrent saves, so each audit entry's "before" is what the other left.
      const [current] = await tx.select(profileColumns).from(sellers).where(eq(sellers.id, sellerId)).for('update');
      if (!current) throw new Refusal('That seller was not found.', { code: 'not_found' });
      const diff = changedFields<Record<string, unknown>>(current, values);
      if (!diff.changed) return { changed: false };
      await tx.update(sellers).set(values).where(eq(sellers.id, sellerId));
      await recordAudit(tx, {
        sellerId,
        actor: { staffUserId: actor.staffUserId, name: actor.name },
        action: 'company_profile.update',
        entityType: 'company_profile',
        entityId: sellerId,
        details: { subject: 'Company profile', before: diff.before, after: diff.after },
      });
      return { changed: true };
    },
  );
}
