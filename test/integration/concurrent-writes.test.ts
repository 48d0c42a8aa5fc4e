import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { moveDevices } from '@/db/queries/inventory/move-devices';
import { queryRows } from '@/db/rows';
import { transactionRetries } from '@/db/transaction-retry';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';

const onPostgres = inject('testDbTemplate').kind === 'postgres';

/** Resolves when `count` callers have arrived: makes two transactions interleave on purpose. */
function barrier(count: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived === count) open();
    return opened;
  };
}

describe.runIf(onPostgres)('concurrent writes on PostgreSQL', () => {
  let database: TestDatabase;
  let seller: SellerFixture;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    await database.db.execute(sql`create table retry_probe (id integer primary key, n integer not null)`);
    await database.db.execute(sql`insert into retry_probe values (1, 0), (2, 0)`);
  });
  afterAll(() => database.close());

  it('runs a transaction that lost a deadlock again, so both writes commit exactly once', async () => {
    const { db } = database;
    const bothLocked = barrier(2);
    let attempts = 0;
    const retriesBefore = transactionRetries.count;
    const write = (first: number, second: number) =>
      db.transaction(async (tx) => {
        attempts++;
        await tx.execute(sql`update retry_probe set n = n + 1 where id = ${first}`);
        if (attempts <= 2) await bothLocked(); // only the first round interleaves
        await tx.execute(sql`update retry_probe set n = n + 1 where id = ${second}`);
      });
    await Promise.all([write(1, 2), write(2, 1)]);
    // PostgreSQL aborted one of the two with 40P01; it ran again after the winner committed.
    expect(attempts).toBe(3);
    expect(transactionRetries.count - retriesBefore).toBe(1);
    expect(await queryRows<{ id: number; n: number }>(db, sql`select id, n from retry_probe order by id`)).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('gives up after the bound and lets the error through when the conflict never ends', async () => {
    const { db } = database;
    let attempts = 0;
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    await expect(
      db.transaction(async () => {
        attempts++;
        throw deadlock;
      }),
    ).rejects.toBe(deadlock);
    expect(attempts).toBe(5);
  });

  it('three bulk moves over overlapping devices at once neither deadlock nor leave a wrong availability count', async () => {
    const { db } = database;
    const products = await Promise.all(Array.from({ length: 40 }, () => addProduct(db, seller)));
    const devices = (await Promise.all(products.map((p) => addDevices(db, seller, p.id, 6)))).flat();
    const available = seller.status('Available').id;
    const inRepair = seller.status('In Repair').id;
    const retriesBefore = transactionRetries.count;
    // Each worker moves a different, overlapping half of the products' devices, back and forth.
    const worker = async (offset: number) => {
      for (let round = 0; round < 12; round++) {
        const chosen = devices.filter((_, i) => (i + offset + round) % 3 !== 0).map((d) => d.id);
        await moveDevices(db, {
          sellerId: seller.sellerId,
          actor: { label: 'test' },
          selection: { deviceIds: chosen },
          statusId: round % 2 ? available : inRepair,
        });
      }
    };
    await Promise.all([worker(0), worker(1), worker(2)]);
    expect(transactionRetries.count - retriesBefore).toBe(0);
    const mismatched = await queryRows<{ product_id: number }>(db, sql`
      select p.id as product_id from products p
      left join product_availability a on a.product_id = p.id
      where p.seller_id = ${seller.sellerId}
        and coalesce(a.quantity, 0) <> (
          select count(*) from devices d
          where d.product_id = p.id and d.order_line_id is null
            and d.status_id in (select status_id from portal_for_sale_statuses where seller_id = d.seller_id)
            and d.warehouse_id in (select warehouse_id from portal_for_sale_warehouses where seller_id = d.seller_id))`);
    expect(mismatched).toEqual([]);
  });
});
