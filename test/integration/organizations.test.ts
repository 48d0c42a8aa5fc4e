import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { createOrganization, findOrganization, listOrganizations, updateOrganization } from '@/db/queries/organizations';
import { listOrders } from '@/db/queries/orders/list-orders';
import { listRmas } from '@/db/queries/rmas/list-rmas';
import { newOrganizationForm, organizationForm, emptyAddress } from '@/lib/validation/organization';
import { listShipToAddresses } from '@/db/queries/ship-to-addresses/list-ship-to-addresses';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, addPortalAccount, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { asResult } from '../support/as-result';

describe('organizations', () => {
  let database: TestDatabase;
  let acme: SellerFixture;
  let bolt: SellerFixture;
  const actor = { label: 'test' };
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    acme = await buildSeller(database.db);
    bolt = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  it('lists one page at a time, searches name, email and phone, counts portal accounts, and never shows another seller', async () => {
    const { db } = database;
    for (let i = 0; i < 25; i++) await addOrganization(db, acme, `Alpha ${String(i).padStart(2, '0')}`);
    const beta = await addOrganization(db, acme, 'Beta 100% Phones_Ltd');
    await addPortalAccount(db, acme, beta.id);
    await addPortalAccount(db, acme, beta.id);
    await addOrganization(db, bolt, 'Alpha at Bolt');

    const first = await listOrganizations(db, { sellerId: acme.sellerId, page: 1, pageSize: 10 });
    expect(first.total).toBe(26);
    expect(first.rows.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Alpha ${String(i).padStart(2, '0')}`));
    const third = await listOrganizations(db, { sellerId: acme.sellerId, page: 3, pageSize: 10 });
    expect(third.rows.map((r) => r.name)).toEqual(['Alpha 20', 'Alpha 21', 'Alpha 22', 'Alpha 23', 'Alpha 24', 'Beta 100% Phones_Ltd']);
    expect(third.rows.at(-1)!.portalAccounts).toBe(2);
    expect(third.rows[0]!.portalAccounts).toBe(0);

    // LIKE wildcards in the search are taken literally.
    expect((await listOrganizations(db, { sellerId: acme.sellerId, search: '100%', page: 1, pageSize: 10 })).rows.map((r) => r.name)).toEqual(['Beta 100% Phones_Ltd']);
    expect((await listOrganizations(db, { sellerId: acme.sellerId, search: '%', page: 1, pageSize: 10 })).total).toBe(1);
    expect((await listOrganizations(db, { sellerId: acme.sellerId, search: 'accounts@beta', page: 1, pageSize: 10 })).total).toBe(1);
    expect((await listOrganizations(db, { sellerId: acme.sellerId, search: 'bolt', page: 1, pageSize: 10 })).total).toBe(0);
  });

  it("another seller's organization is not found", async () => {
    const { db } = database;
    const org = await addOrganization(db, bolt, 'Bolt Only');
    expect(await findOrganization(db, { sellerId: acme.sellerId, organizationId: org.id })).toBeNull();
    expect(await findOrganization(db, { sellerId: bolt.sellerId, organizationId: org.id })).not.toBeNull();
    const values = organizationForm.parse({ name: 'Hijack', email: '', phone: '', billingAddress: emptyAddress });
    expect(await updateOrganization(db, { sellerId: acme.sellerId, actor, organizationId: org.id, values })).toBeNull();
    const [after] = await db.select().from(s.organizations).where(eq(s.organizations.id, org.id));
    expect(after!.name).toBe('Bolt Only');
  });

  it('validates addresses as a whole: blank is none, partial names what is missing', () => {
    const base = { name: 'X', email: 'not-an-email', phone: '', billingAddress: { ...emptyAddress, city: 'Paris' }, shippingAddress: emptyAddress };
    const result = newOrganizationForm.safeParse(base);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'email: Enter a valid email address.',
        'billingAddress.line1: Enter the street address.',
        'billingAddress.country: Enter the country.',
      ]),
    );
    const ok = newOrganizationForm.parse({ ...base, email: ' a@b.example ', billingAddress: emptyAddress });
    expect(ok).toMatchObject({ email: 'a@b.example', phone: null, billingAddress: null, shippingAddress: null });
  });

  it('creates (the shipping address typed becomes the default ship-to) and edits with an audit entry naming the changed fields', async () => {
    const { db } = database;
    const values = newOrganizationForm.parse({
      name: 'Gamma Repairs',
      email: 'ap@gamma.example',
      phone: '+1 555 0199',
      billingAddress: { ...emptyAddress, line1: '1 Main St', city: 'Springfield', country: 'US' },
      shippingAddress: { ...emptyAddress, line1: '9 Dock Rd', city: 'Springfield', country: 'US' },
    });
    const created = await asResult(createOrganization(db, { sellerId: acme.sellerId, actor, values }));
    if (!created.ok) throw new Error(created.error);
    const id = created.data.organizationId;
    const { name, email, billingAddress } = values;
    const edited = await asResult(updateOrganization(db, {
      sellerId: acme.sellerId,
      actor,
      organizationId: id,
      values: { name, code: null, email, billingAddress, phone: '+1 555 0200' },
    }));
    expect(edited).toMatchObject({ ok: true });
    const org = await findOrganization(db, { sellerId: acme.sellerId, organizationId: id });
    expect(org).toMatchObject({ phone: '+1 555 0200', billingAddress: { line1: '1 Main St' } });
    expect(await listShipToAddresses(db, { sellerId: acme.sellerId, organizationId: id })).toMatchObject([
      { label: 'Main', line1: '9 Dock Rd', city: 'Springfield', country: 'US', isDefault: true },
    ]);
    const audit = await db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.entityType, 'organization'), eq(s.auditEntries.entityId, id)))
      .orderBy(s.auditEntries.id);
    expect(audit.map((a) => a.action)).toEqual(['organization.create', 'organization.update']);
    expect(Object.keys(audit[1]!.details).sort()).toEqual(['phone']);
    expect(audit[1]!.details.phone).toEqual({ from: '+1 555 0199', to: '+1 555 0200' });
  });

  it("lists the organization's orders with status, channel, PO number and total, and its RMAs; nothing of other organizations", async () => {
    const { db } = database;
    const org = await addOrganization(db, acme, 'Delta Mobile');
    const other = await addOrganization(db, acme, 'Epsilon');
    const product = await addProduct(db, acme, { listPrice: 25000 });
    const order = async (organizationId: number, number: number, lines: [number, number | null][], po: string | null) => {
      const [o] = await db
        .insert(s.salesOrders)
        .values({
          sellerId: acme.sellerId,
          number,
          organizationId,
          statusId: acme.orderStatus('Confirmed').id,
          channelId: acme.channel('Phone').id,
          poNumber: po,
          createdAt: new Date(Date.UTC(2026, 0, number - 9000)),
        })
        .returning();
      if (lines.length) {
        await db.insert(s.salesOrderLines).values(
          lines.map(([quantity, unitPrice], position) => ({ sellerId: acme.sellerId, orderId: o!.id, productId: product.id, quantity, unitPrice, position })),
        );
      }
      return o!;
    };
    await order(org.id, 9001, [[2, 25000], [1, null]], 'PO-1');
    await order(org.id, 9002, [], null);
    await order(org.id, 9003, [[3, 1000]], 'PO-3');
    await order(other.id, 9004, [[1, 99900]], 'PO-X');

    const page1 = await listOrders(db, { sellerId: acme.sellerId, organizationId: org.id, page: 1, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page1.rows.map((r) => [r.number, r.total, r.unpricedLines, r.poNumber, r.statusName, r.channelName])).toEqual([
      [9003, 3000, 0, 'PO-3', 'Confirmed', 'Phone'],
      [9002, 0, 0, null, 'Confirmed', 'Phone'],
    ]);
    const page2 = await listOrders(db, { sellerId: acme.sellerId, organizationId: org.id, page: 2, pageSize: 2 });
    expect(page2.rows.map((r) => [r.number, r.total, r.unpricedLines])).toEqual([[9001, 50000, 1]]);
    // Another seller asking for this organization's orders gets none.
    expect((await listOrders(db, { sellerId: bolt.sellerId, organizationId: org.id, page: 1, pageSize: 10 })).total).toBe(0);

    await db.insert(s.rmas).values([
      { sellerId: acme.sellerId, number: 301, organizationId: org.id, status: 'open', createdAt: new Date('2026-02-01') },
      { sellerId: acme.sellerId, number: 302, organizationId: other.id, status: 'requested' },
      { sellerId: acme.sellerId, number: 303, organizationId: org.id, status: 'resolved', createdAt: new Date('2026-02-03') },
    ]);
    const returns = await listRmas(db, { sellerId: acme.sellerId, organizationId: org.id, page: 1, pageSize: 10 });
    expect(returns.rows.map((r) => [r.number, r.status])).toEqual([
      [303, 'resolved'],
      [301, 'open'],
    ]);
    expect((await listRmas(db, { sellerId: bolt.sellerId, organizationId: org.id, page: 1, pageSize: 10 })).total).toBe(0);
  });
});
