import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { enqueueEmail } from '@/lib/email/outbox';
import { dispatchDueEmails } from '@/lib/email/dispatcher';
import type { EmailTransport } from '@/lib/email/transport';
import { logger } from '@/lib/logging/logger';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/**
 * The outbox's log: one line per send, retry and final failure, with the
 * message id, kind and attempt, and never the recipient or the body (which
 * holds the one-time link).
 */
describe('email dispatcher log lines', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());
  afterEach(() => vi.restoreAllMocks());

  const link = 'https://tradepost.test/p/acme/activate?token=never-in-the-log-0123456789';
  const queue = (to: string) =>
    enqueueEmail(database.db, { sellerId: null, kind: 'invitation', to, subject: 'Activate', html: `<a href="${link}">x</a>`, text: link });

  it('logs `email sent`, `email retry` with the next time, then `email failed`', async () => {
    const info = vi.spyOn(logger, 'info');
    const warn = vi.spyOn(logger, 'warn');
    const error = vi.spyOn(logger, 'error');
    const sentId = await queue('ok@buyer.example');
    const now = new Date('2032-01-01T00:00:00Z');
    await dispatchDueEmails(database.db, { transport: { send: async () => ({ providerMessageId: 'prov-1' }) }, now });
    expect(info).toHaveBeenCalledWith({ emailId: sentId, kind: 'invitation', attempt: 1, providerMessageId: 'prov-1' }, 'email sent');

    const bouncingId = await queue('bounce@buyer.example');
    const refusing: EmailTransport = {
      async send() {
        throw new Error('provider said no');
      },
    };
    await dispatchDueEmails(database.db, { transport: refusing, now: new Date('2032-01-02T00:00:00Z'), maxAttempts: 2, retryBaseSeconds: 30 });
    expect(warn).toHaveBeenCalledWith(
      { emailId: bouncingId, kind: 'invitation', attempt: 1, nextAttemptAt: '2032-01-02T00:00:30.000Z', error: 'provider said no' },
      'email retry',
    );
    await dispatchDueEmails(database.db, { transport: refusing, now: new Date('2032-01-02T00:01:00Z'), maxAttempts: 2 });
    expect(error).toHaveBeenCalledWith({ emailId: bouncingId, kind: 'invitation', attempt: 2, error: 'provider said no' }, 'email failed');

    const everything = JSON.stringify([info.mock.calls, warn.mock.calls, error.mock.calls]);
    for (const secret of ['ok@buyer.example', 'bounce@buyer.example', 'never-in-the-log']) expect(everything).not.toContain(secret);
  });
});
