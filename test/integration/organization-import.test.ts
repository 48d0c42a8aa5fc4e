import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import * as s from '@/db/schema';
import { applyOrganizationImport } from '@/db/queries/organization-import/apply-organization-import';
import { countBuyersAwaitingInvitation, inviteImportedBuyers } from '@/db/queries/organization-import/invite-imported-buyers';
import { previewOrganizationImport } from '@/db/queries/organization-import/preview-organization-import';
import { createPriceList } from '@/db/queries/price-lists/save-price-list';
import { dispatchDueEmails } from '@/lib/email/dispatcher';
import type { EmailTransport } from '@/lib/email/transport';
import { Refusal } from '@/lib/refusal';
import { organizationImportSchema, ORGANIZATION_IMPORT_COLUMNS, type OrganizationImportRow } from '@/lib/validation/organization-import';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, addPortalAccount, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffActor } from '../support/orders-fixtures';

type Cells = Partial<Record<(typeof ORGANIZATION_IMPORT_COLUMNS)[number], string>>;

/** A file as the browser sends it: every template column, one array of cells per row (row 1 is the header). */
function file(rows: Cells[]): OrganizationImportRow[] {
  return organizationImportSchema.parse({
    columns: [...ORGANIZATION_IMPORT_COLUMNS],
    rows: rows.map((r, i) => ({ row: i + 2, cells: ORGANIZATION_IMPORT_COLUMNS.map((c) => r[c] ?? '') })),
  });
}

const northwind: Cells = {
  account_code: 'NW-001',
  name: 'Northwind Traders',
  email: 'ap@northwind.example',
  phone: '+1 555 0100',
  billing_line1: '1 Billing Way',
  billing_city: 'Seattle',
  billing_country: 'US',
  shipping_line1: '9 Dock Road',
  shipping_city: 'Tacoma',
  shipping_postal_code: '98402',
  shipping_country: 'US',
};

/** Counts the statements a function sends, inside transactions too. */
function countingDb(db: DbOrTx) {
  const counter = { statements: 0 };
  const wrap = (target: DbOrTx): DbOrTx =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'transaction') {
          return (fn: (tx: DbOrTx) => unknown) => (value as (f: (tx: DbOrTx) => unknown) => unknown).call(t, (tx: DbOrTx) => fn(wrap(tx)));
        }
        if (['execute', 'select', 'insert', 'update', 'delete'].includes(String(prop))) {
          return (...args: unknown[]) => {
            counter.statements++;
            return (value as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        return value.bind(t);
      },
    });
  return { db: wrap(db), counter };
}

describe('organization import', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  let actor: Awaited<ReturnType<typeof addStaffActor>>;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller, 'admin');
  });
  afterAll(() => database.close());

  const apply = (rows: OrganizationImportRow[], sellerId = seller.sellerId) => applyOrganizationImport(database.db, { sellerId, actor, rows });
  const byCode = async (code: string) => {
    const [org] = await database.db
      .select()
      .from(s.organizations)
      .where(and(eq(s.organizations.sellerId, seller.sellerId), sql`lower(${s.organizations.code}) = lower(${code})`));
    return org;
  };
  const refusalOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Refusal);
    return error as Refusal;
  };

  it('creates by account code, then the same file changes nothing; a changed file updates the fields named', async () => {
    const { db } = database;
    const rows = file([
      { ...northwind, buyer_name: 'Ann Buyer', buyer_email: 'ann@northwind.example' },
      { ...northwind, buyer_name: 'Bob Buyer', buyer_email: 'bob@northwind.example' },
      { account_code: 'CT-002', name: 'Contoso', buyer_name: '', buyer_email: '' },
    ]);
    const preview = await previewOrganizationImport(db, { sellerId: seller.sellerId, rows });
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, newBuyers: 2, existingBuyers: 0 });
    expect(preview.organizations[0]).toMatchObject({ code: 'NW-001', action: 'create', rows: [2, 3] });
    // The preview wrote nothing.
    expect(await byCode('NW-001')).toBeUndefined();

    expect(await apply(rows)).toEqual({ created: 2, updated: 0, unchanged: 0, buyersAwaitingInvitation: 2 });
    const org = (await byCode('nw-001'))!;
    expect(org).toMatchObject({ name: 'Northwind Traders', code: 'NW-001', phone: '+1 555 0100', billingAddress: { line1: '1 Billing Way', city: 'Seattle', country: 'US' } });
    const buyers = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.organizationId, org.id)).orderBy(asc(s.portalAccounts.email));
    expect(buyers.map((b) => [b.email, b.status, b.invitedAt])).toEqual([
      ['ann@northwind.example', 'invited', null],
      ['bob@northwind.example', 'invited', null],
    ]);
    // Not emailed yet.
    expect(await db.select().from(s.emailMessages).where(eq(s.emailMessages.sellerId, seller.sellerId))).toEqual([]);
    // The shipping address is the organization's default ship-to, "Main".
    const addresses = await db.select().from(s.organizationAddresses).where(eq(s.organizationAddresses.organizationId, org.id));
    expect(addresses).toMatchObject([{ label: 'Main', line1: '9 Dock Road', city: 'Tacoma', postalCode: '98402', country: 'US', isDefault: true }]);
    const audits = await db.select().from(s.auditEntries).where(and(eq(s.auditEntries.sellerId, seller.sellerId), eq(s.auditEntries.entityId, org.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['organization.create', 'ship_to_address.add']);

    // The same file again: nothing to do, nothing written.
    const again = await previewOrganizationImport(db, { sellerId: seller.sellerId, rows });
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, newBuyers: 0, existingBuyers: 2 });
    expect(await apply(rows)).toEqual({ created: 0, updated: 0, unchanged: 2, buyersAwaitingInvitation: 0 });
    expect((await byCode('NW-001'))!).toEqual(org);

    // A changed phone, a new shipping address and a third buyer: an update naming old → new.
    const changed = file([
      { ...northwind, phone: '+1 555 0199', shipping_line1: '10 Dock Road', buyer_name: 'Ann Buyer', buyer_email: 'ANN@northwind.example' },
      { ...northwind, phone: '+1 555 0199', shipping_line1: '10 Dock Road', buyer_name: 'Cy Buyer', buyer_email: 'cy@northwind.example' },
    ]);
    const update = await previewOrganizationImport(db, { sellerId: seller.sellerId, rows: changed });
    expect(update.organizations[0]!.action).toBe('update');
    expect(update.organizations[0]!.changes).toEqual([
      { field: 'Phone', from: '+1 555 0100', to: '+1 555 0199' },
      { field: 'Default ship-to (Main)', from: '9 Dock Road, 98402 Tacoma, US', to: '10 Dock Road, 98402 Tacoma, US' },
    ]);
    expect(update.organizations[0]!.buyers.map((b) => b.status)).toEqual(['existing', 'new']);
    expect(await apply(changed)).toEqual({ created: 0, updated: 1, unchanged: 0, buyersAwaitingInvitation: 1 });
    expect((await byCode('NW-001'))!.phone).toBe('+1 555 0199');
    const after = await db.select().from(s.organizationAddresses).where(eq(s.organizationAddresses.organizationId, org.id));
    expect(after).toMatchObject([{ id: addresses[0]!.id, label: 'Main', line1: '10 Dock Road', isDefault: true }]);
  });

  it('a column the file leaves out changes nothing; the shipping address becomes the default over another one', async () => {
    const { db } = database;
    await apply(file([{ account_code: 'LO-1', name: 'Left Out', phone: '+1 555 0300', shipping_line1: '1 A St', shipping_city: 'X', shipping_country: 'US' }]));
    const org = (await byCode('LO-1'))!;
    await db.update(s.organizationAddresses).set({ isDefault: false }).where(eq(s.organizationAddresses.organizationId, org.id));
    await db.insert(s.organizationAddresses).values({ sellerId: seller.sellerId, organizationId: org.id, label: 'Store 2', line1: '2 B St', city: 'Y', country: 'US', isDefault: true });
    const rows = organizationImportSchema.parse({
      columns: ['account_code', 'name', 'shipping_line1', 'shipping_city', 'shipping_country'],
      rows: [{ row: 2, cells: ['LO-1', 'Left Out', '1 A St', 'X', 'US'] }],
    });
    const preview = await previewOrganizationImport(db, { sellerId: seller.sellerId, rows });
    expect(preview.organizations[0]!.changes).toEqual([{ field: 'Default ship-to (Main)', from: '2 B St, Y, US', to: '1 A St, X, US' }]);
    await apply(rows);
    expect((await byCode('LO-1'))!.phone).toBe('+1 555 0300');
    const addresses = await db.select().from(s.organizationAddresses).where(eq(s.organizationAddresses.organizationId, org.id)).orderBy(asc(s.organizationAddresses.id));
    expect(addresses.map((a) => [a.label, a.isDefault])).toEqual([['Main', true], ['Store 2', false]]);
  });

  it('refuses every bad row by its number and writes nothing', async () => {
    const { db } = database;
    const taken = await addOrganization(db, seller, 'Holder of the email');
    await addPortalAccount(db, seller, taken.id, { email: 'held@elsewhere.example' });
    await createPriceList(db, { sellerId: other.sellerId, actor: { label: 'test' }, fields: { name: 'Other seller list', rule: 'fixed', percentOff: '' } });
    const rows = file([
      { account_code: 'OK-1', name: 'Fine' },
      { account_code: '', name: 'No code' },
      { account_code: 'E-1', name: '' },
      { account_code: 'E-2', name: 'Bad email', email: 'not-an-email' },
      { account_code: 'E-3', name: 'Other list', price_list: 'Other seller list' },
      { account_code: 'E-4', name: 'Taken buyer', buyer_name: 'Held', buyer_email: 'HELD@elsewhere.example' },
      { account_code: 'E-5', name: 'Twice', buyer_name: 'Once', buyer_email: 'twice@x.example' },
      { account_code: 'E-5', name: 'Twice', buyer_name: 'Again', buyer_email: 'twice@x.example' },
      { account_code: 'E-6', name: 'Agree', phone: '1' },
      { account_code: 'e-6', name: 'Agree', phone: '2' },
      { account_code: 'E-7', name: 'Half address', billing_line1: '1 Main St' },
      { account_code: 'E-8', name: 'Bad buyer', buyer_name: 'X', buyer_email: 'nope' },
    ]);
    const preview = await previewOrganizationImport(db, { sellerId: seller.sellerId, rows });
    const reasons = Object.fromEntries(preview.problems.map((p) => [p.line, p.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([3, 4, 5, 6, 7, 9, 11, 12, 13]);
    expect(reasons[3]).toBe('account_code is empty');
    expect(reasons[4]).toBe('name is empty');
    expect(reasons[5]).toBe('email "not-an-email" is not an email address');
    expect(reasons[6]).toBe('no price list is named "Other seller list"');
    expect(reasons[7]).toMatch(/HELD@elsewhere.example already has a Customer Portal account with another organization \(Holder of the email\)/);
    expect(reasons[9]).toBe('buyer_email twice@x.example is already on row 8');
    expect(reasons[11]).toMatch(/^its organization columns differ from row 10 \(phone\)/);
    expect(reasons[12]).toMatch(/the billing address has no billing_city or billing_country/);
    expect(reasons[13]).toBe('buyer_email "nope" is not an email address');
    const refusal = await refusalOf(apply(rows));
    expect(refusal.problems).toHaveLength(9);
    for (const code of ['OK-1', 'E-5', 'E-6']) expect(await byCode(code)).toBeUndefined();
    // The same list name of this seller is known.
    await createPriceList(db, { sellerId: seller.sellerId, actor, fields: { name: 'Trade partners', rule: 'percent_off', percentOff: '8' } });
    const priced = file([{ account_code: 'PL-1', name: 'Priced', price_list: 'trade PARTNERS' }]);
    expect((await previewOrganizationImport(db, { sellerId: seller.sellerId, rows: priced })).problems).toEqual([]);
    await apply(priced);
    const [list] = await db.select().from(s.priceLists).where(and(eq(s.priceLists.sellerId, seller.sellerId), eq(s.priceLists.name, 'Trade partners')));
    expect((await byCode('PL-1'))!.priceListId).toBe(list!.id);
    // Another seller's import of the same code is its own organization.
    await apply(file([{ account_code: 'PL-1', name: 'Other seller’s PL-1' }]), other.sellerId);
    expect((await byCode('PL-1'))!.name).toBe('Priced');
  });

  it('a 1,000-row file takes the same number of statements as a 10-row file', async () => {
    const { db } = database;
    const big = (n: number, prefix: string) =>
      file(
        Array.from({ length: n }, (_, i) => ({
          ...northwind,
          account_code: `${prefix}-${Math.floor(i / 2)}`,
          name: `${prefix} customer ${Math.floor(i / 2)}`,
          buyer_name: `Buyer ${i}`,
          buyer_email: `${prefix.toLowerCase()}${i}@bulk.example`,
        })),
      );
    const statements = async (rows: OrganizationImportRow[]) => {
      const { db: counted, counter } = countingDb(db);
      await previewOrganizationImport(counted, { sellerId: seller.sellerId, rows });
      const preview = counter.statements;
      await applyOrganizationImport(counted, { sellerId: seller.sellerId, actor, rows });
      return { preview, total: counter.statements };
    };
    const small = await statements(big(10, 'S'));
    const started = Date.now();
    const large = await statements(big(1000, 'L'));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(large).toEqual(small);
    expect(await countBuyersAwaitingInvitation(db, { sellerId: seller.sellerId })).toBeGreaterThanOrEqual(1010);
    // Updating them all again: still the same.
    const rows = big(1000, 'L').map((r) => ({ ...r, phone: '+1 555 0999' }));
    const { db: counted, counter } = countingDb(db);
    expect(await applyOrganizationImport(counted, { sellerId: seller.sellerId, actor, rows })).toMatchObject({ updated: 500, buyersAwaitingInvitation: 0 });
    expect(counter.statements).toBeLessThanOrEqual(large.total);
  });

  it('invites every imported buyer once, staggered, and the dispatcher sends them at that pace', async () => {
    const { db } = database;
    const invitee = await buildSeller(db);
    const rows = file(
      Array.from({ length: 150 }, (_, i) => ({ account_code: `INV-${i % 10}`, name: `Invitee ${i % 10}`, buyer_name: `Buyer ${i}`, buyer_email: `invite${i}@bulk.example` })),
    );
    await applyOrganizationImport(db, { sellerId: invitee.sellerId, actor: { label: 'test' }, rows });
    expect(await countBuyersAwaitingInvitation(db, { sellerId: invitee.sellerId })).toBe(150);
    const t0 = new Date('2032-01-01T00:00:00Z');
    const outcome = await inviteImportedBuyers(db, { sellerId: invitee.sellerId, actor: { label: 'test' }, now: t0 });
    expect(outcome).toEqual({ invited: 150, firstSendAfter: t0, lastSendAfter: new Date(t0.getTime() + 149_000) });
    expect(await countBuyersAwaitingInvitation(db, { sellerId: invitee.sellerId })).toBe(0);
    // A second click invites nobody twice.
    expect((await inviteImportedBuyers(db, { sellerId: invitee.sellerId, actor: { label: 'test' }, now: t0 })).invited).toBe(0);
    const messages = await db.select().from(s.emailMessages).where(eq(s.emailMessages.sellerId, invitee.sellerId)).orderBy(asc(s.emailMessages.sendAfter));
    expect(messages).toHaveLength(150);
    expect(messages.every((m) => m.kind === 'portal_invitation' && m.text.includes('/activate?token='))).toBe(true);
    expect(messages[1]!.sendAfter.getTime() - messages[0]!.sendAfter.getTime()).toBe(1000);

    const sent: string[] = [];
    const transport: EmailTransport = {
      async send(message) {
        sent.push(message.to);
        return { providerMessageId: message.idempotencyKey };
      },
    };
    const ours = () => sent.filter((to) => to.endsWith('@bulk.example') && to.startsWith('invite'));
    // At t0 + 4.5 s only the first five are due, however large the batch.
    await dispatchDueEmails(db, { transport, now: new Date(t0.getTime() + 4_500), batchSize: 100 });
    expect(ours()).toHaveLength(5);
    for (let second = 10; second <= 160; second += 10) {
      await dispatchDueEmails(db, { transport, now: new Date(t0.getTime() + second * 1000), batchSize: 100 });
      expect(ours().length).toBeLessThanOrEqual(Math.min(150, second + 1));
    }
    expect(ours()).toHaveLength(150);
    expect(new Set(ours()).size).toBe(150);

    // More buyers imported while invitations wait: they queue after the last one.
    await applyOrganizationImport(db, { sellerId: invitee.sellerId, actor: { label: 'test' }, rows: file([{ account_code: 'INV-0', name: 'Invitee 0', buyer_name: 'Late', buyer_email: 'late@bulk.example' }]) });
    const t1 = new Date(t0.getTime() + 1_000);
    await db.update(s.emailMessages).set({ status: 'queued', sentAt: null }).where(eq(s.emailMessages.recipient, 'invite149@bulk.example'));
    const late = await inviteImportedBuyers(db, { sellerId: invitee.sellerId, actor: { label: 'test' }, now: t1 });
    expect(late.firstSendAfter).toEqual(new Date(t0.getTime() + 150_000));
  });
});
