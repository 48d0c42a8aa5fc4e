import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { dispatchDueEmails, retryDelaySeconds } from '@/lib/email/dispatcher';
import type { EmailTransport } from '@/lib/email/transport';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

function queue(database: TestDatabase, to: string) {
  return enqueueEmail(database.db, { sellerId: null, kind: 'test', to, subject: `To ${to}`, html: '<p>hi</p>', text: 'hi' });
}

const onPostgres = inject('testDbTemplate').kind === 'postgres';

describe('email dispatcher', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('retries a refused message with growing delays, records each failure, and marks it failed after the last attempt', async () => {
    const { db } = database;
    const id = await queue(database, 'bounce@example.test');
    let calls = 0;
    const refusing: EmailTransport = {
      async send() {
        calls++;
        throw new Error(`provider refused #${calls}`);
      },
    };
    let now = new Date('2030-01-01T00:00:00Z');
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const report = await dispatchDueEmails(db, { transport: refusing, now, maxAttempts: 4 });
      const [row] = await db.select().from(s.emailMessages).where(eq(s.emailMessages.id, id));
      expect(row!.attempts).toBe(attempt);
      expect(row!.lastError).toBe(`provider refused #${attempt}`);
      if (attempt < 4) {
        expect(report.retried).toEqual([id]);
        expect(row!.status).toBe('queued');
        delays.push((row!.nextAttemptAt.getTime() - now.getTime()) / 1000);
        // Not due one second early.
        expect((await dispatchDueEmails(db, { transport: refusing, now: new Date(row!.nextAttemptAt.getTime() - 1000) })).retried).toEqual([]);
        now = row!.nextAttemptAt;
      } else {
        expect(report.failed).toEqual([id]);
        expect(row!.status).toBe('failed');
      }
    }
    expect(delays).toEqual([30, 60, 120]);
    expect(calls).toBe(4);
    // A failed message is left alone.
    expect(await dispatchDueEmails(db, { transport: refusing, now: new Date(now.getTime() + 86_400_000) })).toEqual({ sent: [], retried: [], failed: [] });
    expect(retryDelaySeconds(20)).toBe(3600);
  });

  it('two dispatchers running at once never send a message twice', async () => {
    const { db } = database;
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push(await queue(database, `many${i}@example.test`));
    const sends: string[] = [];
    const slow: EmailTransport = {
      async send(message) {
        sends.push(message.idempotencyKey);
        await new Promise((resolve) => setTimeout(resolve, 15));
        return { providerMessageId: `p-${message.idempotencyKey}` };
      },
    };
    const now = new Date('2031-01-01T00:00:00Z');
    const rounds = await Promise.all([
      dispatchDueEmails(db, { transport: slow, now, batchSize: 20 }),
      dispatchDueEmails(db, { transport: slow, now, batchSize: 20 }),
    ]);
    const third = await dispatchDueEmails(db, { transport: slow, now, batchSize: 20 });
    const sentIds = [...rounds[0].sent, ...rounds[1].sent, ...third.sent];
    expect(new Set(sentIds).size).toBe(sentIds.length);
    expect(sentIds.sort((a, b) => a - b)).toEqual(ids);
    expect(sends).toHaveLength(30);
    expect(new Set(sends).size).toBe(30);
    const rows = await db.select().from(s.emailMessages).where(inArray(s.emailMessages.id, ids));
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('a message claimed by an instance that died is taken again once its claim expires', async () => {
    const { db } = database;
    const id = await queue(database, 'orphan@example.test');
    const now = new Date('2032-01-01T00:00:00Z');
    await db.update(s.emailMessages).set({ lockedUntil: new Date(now.getTime() + 60_000) }).where(eq(s.emailMessages.id, id));
    const ok: EmailTransport = { send: async () => ({ providerMessageId: 'x' }) };
    expect((await dispatchDueEmails(db, { transport: ok, now })).sent).toEqual([]);
    expect((await dispatchDueEmails(db, { transport: ok, now: new Date(now.getTime() + 61_000) })).sent).toEqual([id]);
  });

  // Needs a second connection, which only the PostgreSQL run has.
  it.runIf(onPostgres)('skips a message another instance is claiming at this moment, without waiting for it', async () => {
    const { db } = database;
    const id = await queue(database, 'busy@example.test');
    const now = new Date('2033-01-01T00:00:00Z');
    const ok: EmailTransport = { send: async () => ({ providerMessageId: 'x' }) };
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const otherInstance = db.transaction(async (tx) => {
      await tx.execute(sql`select id from email_messages where id = ${id} for update`);
      locked();
      await held;
    });
    await isLocked;
    const blocked = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('dispatch waited for a locked row')), 5000));
    const report = await Promise.race([dispatchDueEmails(db, { transport: ok, now }), blocked]);
    expect(report.sent).not.toContain(id);
    release();
    await otherInstance;
    expect((await dispatchDueEmails(db, { transport: ok, now })).sent).toEqual([id]);
  });
});
