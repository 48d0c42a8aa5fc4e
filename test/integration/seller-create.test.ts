import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as s from '@/db/schema';
import { completeAccountLink } from '@/db/queries/account-links';
import { verifyStaffCredentials } from '@/db/queries/accounts';
import { createSeller } from '@/db/queries/create-seller';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { commandResult } from '../support/auth-fixtures';

/** `npm run seller:create`: how an empty production install gets its first seller. */
describe('creating a seller from the command line', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  const input = { name: 'Harbor Phones', slug: 'harbor', currency: 'eur', ownerEmail: 'Owner@Harbor.example', ownerName: 'Hana Owner' };

  async function rows() {
    const { db } = database;
    const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]!.n;
    return {
      sellers: await n(s.sellers),
      staff: await n(s.staffUsers),
      warehouses: await n(s.warehouses),
      statuses: await n(s.inventoryStatuses),
      orderStatuses: await n(s.orderStatuses),
      channels: await n(s.salesChannels),
      emails: await n(s.emailMessages),
    };
  }

  it('creates the seller with its defaults and a closed portal, and invites the owner by a link on APP_URL', async () => {
    const { db } = database;
    const result = await commandResult(createSeller(db, input));
    expect(result.ok && result.created).toBe(true);
    if (!result.ok) return;
    const [seller] = await db.select().from(s.sellers).where(eq(s.sellers.id, result.sellerId));
    expect(seller).toMatchObject({ slug: 'harbor', name: 'Harbor Phones', currency: 'EUR', isDemo: false });
    expect(await rows()).toEqual({ sellers: 1, staff: 1, warehouses: 1, statuses: 8, orderStatuses: 4, channels: 3, emails: 1 });
    const [settings] = await db.select().from(s.portalSettings).where(eq(s.portalSettings.sellerId, result.sellerId));
    expect(settings!.enabled).toBe(false);
    const [owner] = await db.select().from(s.staffUsers).where(eq(s.staffUsers.id, result.ownerId));
    expect(owner).toMatchObject({ role: 'owner', status: 'invited', passwordHash: null });
    expect(result.activationUrl).toMatch(/^https:\/\/tradepost\.test\/admin\/activate\?token=[A-Za-z0-9_-]{43}$/);
    const [email] = await db.select().from(s.emailMessages);
    expect(email).toMatchObject({ recipient: 'Owner@Harbor.example', kind: 'staff_invitation', status: 'queued' });
    expect(email!.text).toContain(result.activationUrl);
    const audit = await db.select({ action: s.auditEntries.action }).from(s.auditEntries).where(eq(s.auditEntries.sellerId, result.sellerId));
    expect(audit.map((a) => a.action).sort()).toEqual(['seller.create', 'staff_user.invite']);
  });

  it('creates nothing twice when repeated; a still-invited owner gets a fresh link that replaces the first', async () => {
    const { db } = database;
    const before = await rows();
    const again = await commandResult(createSeller(db, input));
    expect(again.ok && again.created).toBe(false);
    expect({ ...(await rows()), emails: 0 }).toEqual({ ...before, emails: 0 });
    expect((await rows()).emails).toBe(before.emails + 1);
    // Two commands at once still make one seller.
    const both = await Promise.all([commandResult(createSeller(db, input)), commandResult(createSeller(db, input))]);
    expect(both.every((r) => r.ok && !r.created)).toBe(true);
    expect((await rows()).sellers).toBe(1);
  });

  it('the owner activates from the link and signs in with the chosen password', async () => {
    const { db } = database;
    const fresh = await commandResult(createSeller(db, input));
    if (!fresh.ok || !fresh.activationUrl) throw new Error('expected a fresh link');
    const token = new URL(fresh.activationUrl).searchParams.get('token')!;
    const done = await completeAccountLink(db, { area: { kind: 'staff' }, token, purpose: 'activation', password: 'harbor-owner-password' });
    expect(done.ok).toBe(true);
    expect(await verifyStaffCredentials(db, { email: 'owner@harbor.example', password: 'harbor-owner-password' })).toMatchObject({ status: 'match', user: { id: fresh.ownerId } });
    const after = await commandResult(createSeller(db, input));
    expect(after).toMatchObject({ ok: true, created: false, activationUrl: null });
  });

  it('refuses bad input, another owner for an existing slug, and a demo slug, writing nothing', async () => {
    const { db } = database;
    await db.insert(s.sellers).values({ slug: 'acme', name: 'Acme Wireless', isDemo: true });
    const before = await rows();
    const refusals = [
      [{ ...input, slug: 'Not A Slug!' }, /^slug: Use 2 to 40 lower-case letters/],
      [{ ...input, slug: 'new-one', currency: 'XYZ' }, /^currency: Use an ISO 4217 currency code/],
      [{ ...input, slug: 'new-one', ownerEmail: 'not-an-email' }, /^ownerEmail: Enter a valid email address/],
      [{ ...input, ownerEmail: 'someone-else@harbor.example' }, /already exists with another owner/],
      [{ ...input, slug: 'acme' }, /belongs to the demo data/],
    ] as const;
    for (const [bad, message] of refusals) {
      const result = await commandResult(createSeller(db, bad));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
    expect(await rows()).toEqual(before);
  });
});
