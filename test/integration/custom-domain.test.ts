import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { findSellerSlugByDomain } from '@/db/queries/sellers';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { buildSeller } from '../support/fixtures';

/** What the internal route answers the proxy: the seller whose custom domain a host is. */
describe('custom domain lookup', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('finds the seller of a domain whatever its case or port, and nobody for other hosts', async () => {
    const { db } = database;
    const seller = await buildSeller(db, { slug: 'domain-seller' });
    await buildSeller(db, { slug: 'other-seller' });
    await db.update(s.sellers).set({ customDomain: 'Portal.Example.test' }).where(eq(s.sellers.id, seller.sellerId));
    expect(await findSellerSlugByDomain(db, 'portal.example.test')).toBe('domain-seller');
    expect(await findSellerSlugByDomain(db, 'PORTAL.example.test:8443')).toBe('domain-seller');
    expect(await findSellerSlugByDomain(db, 'example.test')).toBeNull();
    expect(await findSellerSlugByDomain(db, 'other.example.test')).toBeNull();
  });
});
