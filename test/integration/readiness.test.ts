import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readiness } from '@/lib/lifecycle/readiness';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/** `/api/ready`'s answer: ready only with a database that answers and holds every migration of this build. */
describe('readiness', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('is ready on a migrated database', async () => {
    expect(await readiness({ timeoutMs: 2000, db: async () => database.db })).toEqual({ ready: true });
  });

  it('is not ready while the newest migration is missing', async () => {
    await database.db.execute(sql`create temporary table kept as select * from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    try {
      expect(await readiness({ timeoutMs: 2000, db: async () => database.db })).toEqual({ ready: false, reason: 'migrations' });
    } finally {
      await database.db.execute(sql`insert into drizzle.__drizzle_migrations select * from kept`);
    }
    expect(await readiness({ timeoutMs: 2000, db: async () => database.db })).toEqual({ ready: true });
  });

  it('is not ready when the database does not answer in time', async () => {
    const never = () => new Promise<never>(() => {});
    expect(await readiness({ timeoutMs: 200, db: never })).toEqual({ ready: false, reason: 'database' });
  });
});
