import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { loadCompanyProfile, saveCompanyProfile } from '@/db/queries/settings/company-profile';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { SETTINGS_FORBIDDEN } from '@/db/queries/settings/access';
import { auditSentence } from '@/components/back-office/describe-audit';
import { asResult } from '../support/as-result';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { buildSeller } from '../support/fixtures';
import { addStaffActor, auditCount } from '../support/settings-fixtures';

const profile = {
  legalName: 'Zoë Ørsted Handels GmbH',
  address: 'Friedrichstraße 12\n10117 Berlin\nGermany',
  taxId: 'DE123456789',
  contactEmail: 'sales@orsted.example',
  contactPhone: '+49 30 1234567',
  locale: 'de-DE',
  timeZone: 'Europe/Berlin',
};

describe('Settings > Company', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('saves the profile in one audited write, and a second identical save changes nothing', async () => {
    const seller = await buildSeller(database.db);
    const owner = await addStaffActor(database.db, seller, 'owner');
    const before = await loadCompanyProfile(database.db, { sellerId: seller.sellerId });
    expect(before).toMatchObject({ legalName: null, taxId: null, locale: 'en-US', timeZone: 'UTC' });

    const saved = await asResult(saveCompanyProfile(database.db, { sellerId: seller.sellerId, actor: owner, input: profile }));
    expect(saved).toMatchObject({ ok: true, message: 'Company profile saved.' });
    expect(await loadCompanyProfile(database.db, { sellerId: seller.sellerId })).toMatchObject(profile);

    const [change] = await recentSettingsChanges(database.db, { sellerId: seller.sellerId, entityTypes: ['company_profile'] });
    expect(change).toMatchObject({ action: 'company_profile.update', actorLabel: owner.name });
    expect(change!.details).toMatchObject({
      before: { legalName: null, taxId: null, locale: 'en-US', timeZone: 'UTC' },
      after: { legalName: profile.legalName, taxId: 'DE123456789', locale: 'de-DE', timeZone: 'Europe/Berlin' },
    });
    expect(auditSentence({ ...change!, subjectName: null, subjectOrganizationId: null } as never, 'EUR')).toContain('Tax or VAT number: none → DE123456789');

    const audits = await auditCount(database.db, seller.sellerId);
    const again = await asResult(saveCompanyProfile(database.db, { sellerId: seller.sellerId, actor: owner, input: profile }));
    expect(again).toMatchObject({ ok: true, message: 'Nothing changed.' });
    expect(await auditCount(database.db, seller.sellerId)).toBe(audits);

    // Emptying a field clears it (null), and only that change is audited.
    await saveCompanyProfile(database.db, { sellerId: seller.sellerId, actor: owner, input: { ...profile, contactPhone: '  ' } });
    const [latest] = await recentSettingsChanges(database.db, { sellerId: seller.sellerId, entityTypes: ['company_profile'] });
    expect(latest!.details).toMatchObject({ before: { contactPhone: '+49 30 1234567' }, after: { contactPhone: null } });
    expect(Object.keys((latest!.details as { after: object }).after)).toEqual(['contactPhone']);
  });

  it.each([
    ['a time zone that is not an IANA name', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'Choose a time zone from the list'],
    ['an abbreviation instead of a zone', { timeZone: 'CET ' }, 'timeZone', 'Choose a time zone from the list'],
    ['a contact email that is not one', { contactEmail: 'sales at orsted' }, 'contactEmail', 'Enter a valid email address'],
    ['a locale that is not offered', { locale: 'xx-YY' }, 'locale', 'Choose a locale from the list'],
    ['a legal name far too long', { legalName: 'G'.repeat(201) }, 'legalName', 'Keep the legal name under 201 characters'],
  ])('refuses %s at its field and writes nothing', async (_what, change, field, message) => {
    const seller = await buildSeller(database.db);
    const owner = await addStaffActor(database.db, seller, 'owner');
    const audits = await auditCount(database.db, seller.sellerId);
    const result = await asResult(saveCompanyProfile(database.db, { sellerId: seller.sellerId, actor: owner, input: { ...profile, ...change } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.[0]).toContain(message);
    expect(await loadCompanyProfile(database.db, { sellerId: seller.sellerId })).toMatchObject({ legalName: null, locale: 'en-US', timeZone: 'UTC' });
    expect(await auditCount(database.db, seller.sellerId)).toBe(audits);
  });

  it('refuses the staff role in the data layer, and never touches another seller', async () => {
    const seller = await buildSeller(database.db);
    const other = await buildSeller(database.db);
    const staff = await addStaffActor(database.db, seller, 'staff');
    const refused = await asResult(saveCompanyProfile(database.db, { sellerId: seller.sellerId, actor: staff, input: profile }));
    expect(refused).toEqual({ ok: false, error: SETTINGS_FORBIDDEN, fieldErrors: undefined });

    const admin = await addStaffActor(database.db, seller, 'admin');
    await saveCompanyProfile(database.db, { sellerId: seller.sellerId, actor: admin, input: profile });
    const [untouched] = await database.db.select().from(s.sellers).where(eq(s.sellers.id, other.sellerId));
    expect(untouched).toMatchObject({ legalName: null, taxId: null, locale: 'en-US', timeZone: 'UTC' });
    const otherAudits = await database.db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.sellerId, other.sellerId), eq(s.auditEntries.entityType, 'company_profile')));
    expect(otherAudits).toHaveLength(0);
  });
});
