import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementRelay, type StatementRelay } from '@/bench/relay';
import { postgresAdminUrl } from '../support/test-db';

/**
 * The relay `npm run bench` counts SQL statements per render with: every
 * statement through it is counted once, by its text, whether sent as a simple
 * query or through the extended protocol (prepared or not), and the answers
 * pass through unchanged.
 */
describe.skipIf(process.env.TEST_DATABASE !== 'postgres')('the bench statement relay', () => {
  let relay: StatementRelay;
  let sql: postgres.Sql;

  beforeAll(async () => {
    relay = await statementRelay(postgresAdminUrl);
    sql = postgres(relay.url, { max: 2, fetch_types: false, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql.end();
    await relay.close();
  });

  it('counts each Execute and simple Query once, with its text', async () => {
    const before = relay.count();
    for (let i = 0; i < 3; i++) expect(await sql`select ${i}::int + 1 as n`).toEqual([{ n: i + 1 }]);
    await sql`select 'unprepared' as x`.execute();
    await sql.unsafe('select 1 as simple; select 2 as simple');
    await sql.begin(async (tx) => {
      await tx`select pg_backend_pid()`;
    });
    const texts = relay.texts();
    // 3 prepared runs, 1 more, 1 simple query (two statements, one message), begin + select + commit.
    expect(relay.count() - before).toBe(8);
    expect(texts.get('select $1::int + 1 as n')).toBe(3);
    expect(texts.get('select 1 as simple; select 2 as simple')).toBe(1);
    expect([...texts.keys()].some((t) => /^begin/i.test(t))).toBe(true);
  });

  it('passes a large answer through intact', async () => {
    const [row] = await sql<{ s: string }[]>`select repeat('x', 200000) as s`;
    expect(row!.s).toHaveLength(200_000);
  });
});
