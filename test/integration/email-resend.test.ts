import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { invitePortalAccount } from '@/db/queries/portal-accounts';
import { dispatchDueEmails } from '@/lib/email/dispatcher';
import { configuredTransport, type EmailTransport } from '@/lib/email/transport';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, buildSeller, type SellerFixture } from '../support/fixtures';
import { startResendStandIn } from '../support/resend-stand-in';
import { asResult } from '../support/as-result';

describe('sending through Resend (a local stand-in reached via RESEND_BASE_URL)', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let standIn: Awaited<ReturnType<typeof startResendStandIn>>;
  let transport: EmailTransport;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db, { slug: `mail-${Date.now()}` });
    standIn = await startResendStandIn();
    process.env.RESEND_BASE_URL = standIn.url;
    process.env.RESEND_API_KEY = 're_stand_in_key';
    process.env.EMAIL_FROM = 'Acme via Tradepost <no-reply@tradepost.test>';
    transport = configuredTransport()!;
  });
  afterAll(async () => {
    delete process.env.RESEND_BASE_URL;
    delete process.env.RESEND_API_KEY;
    delete process.env.EMAIL_FROM;
    await standIn.close();
    await database.close();
  });

  async function invite(name: string, email: string) {
    const org = await addOrganization(database.db, seller, 'Eve & Co <Trading>');
    const result = await asResult(invitePortalAccount(database.db, {
      sellerId: seller.sellerId,
      actor: { label: 'test' },
      organizationId: org.id,
      name,
      email,
    }));
    if (!result.ok) throw new Error(result.error);
    return result.data.messageId;
  }

  it('delivers the invitation: recipient, subject, activation link, and the name escaped in the HTML', async () => {
    const { db } = database;
    const messageId = await invite('<b>Eve & Co</b>', 'eve@eve.example');
    const report = await dispatchDueEmails(db, { transport });
    expect(report.sent).toEqual([messageId]);

    expect(standIn.requests).toHaveLength(1);
    const { headers, body } = standIn.requests[0]!;
    expect(headers.authorization).toBe('Bearer re_stand_in_key');
    expect(headers['idempotency-key']).toBe(`tradepost-email-${messageId}`);
    // Under the seller's name, from EMAIL_FROM's address; no Reply-To until the seller sets a contact email.
    expect(body.from).toBe(`"Seller ${seller.seller.slug}" <no-reply@tradepost.test>`);
    expect(body.reply_to).toBeUndefined();
    expect(body.to).toBe('eve@eve.example');
    expect(body.subject).toBe(`You are invited to the Seller ${seller.seller.slug} Customer Portal`);
    const link = new RegExp(`https://tradepost\\.test/p/${seller.seller.slug}/activate\\?token=[A-Za-z0-9_-]{43}`);
    expect(body.html).toMatch(link);
    expect(body.text).toMatch(link);
    expect(body.html).toContain('Hello &lt;b&gt;Eve &amp; Co&lt;/b&gt;,');
    expect(body.html).toContain('Eve &amp; Co &lt;Trading&gt;');
    expect(body.html).not.toContain('<b>Eve');
    expect(body.text).toContain('Hello <b>Eve & Co</b>,');

    const [row] = await db.select().from(s.emailMessages).where(eq(s.emailMessages.id, messageId));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: 'stand-in-1', lastError: null, lockedUntil: null });
    expect(row!.sentAt).not.toBeNull();
  });

  it("goes out under the seller's name with replies to its contact email, and the company profile as the footer", async () => {
    const { db } = database;
    await db
      .update(s.sellers)
      .set({ legalName: 'Zoë Ørsted Handels GmbH', address: 'Friedrichstraße 12\n10117 Berlin', taxId: 'DE123456789', contactEmail: 'sales@orsted.example', contactPhone: '+49 30 1234567' })
      .where(eq(s.sellers.id, seller.sellerId));
    try {
      const before = standIn.requests.length;
      await invite('Fiona Footer', 'fiona@eve.example');
      await dispatchDueEmails(db, { transport });
      const { body } = standIn.requests[before]!;
      expect(body.from).toBe(`"Seller ${seller.seller.slug}" <no-reply@tradepost.test>`);
      expect(body.reply_to).toBe('sales@orsted.example');
      for (const line of ['Zoë Ørsted Handels GmbH', 'Friedrichstraße 12', '10117 Berlin', 'Tax/VAT number: DE123456789', 'sales@orsted.example', '+49 30 1234567']) {
        expect(body.text).toContain(line);
        expect(body.html).toContain(line);
      }
    } finally {
      await db.update(s.sellers).set({ legalName: null, address: null, taxId: null, contactEmail: null, contactPhone: null }).where(eq(s.sellers.id, seller.sellerId));
    }
  });

  it('when Resend answers 500, the message is kept, retried after the backoff, and then sent once', async () => {
    const { db } = database;
    const before = standIn.requests.length;
    const messageId = await invite('Rita Retry', 'rita@eve.example');
    standIn.failNext(1, 500);
    const t0 = new Date();
    expect(await dispatchDueEmails(db, { transport, now: t0 })).toEqual({ sent: [], retried: [messageId], failed: [] });
    const [failed] = await db.select().from(s.emailMessages).where(eq(s.emailMessages.id, messageId));
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, lockedUntil: null });
    expect(failed!.lastError).toContain('The stand-in is down');
    expect(failed!.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);

    // Not due yet: nothing is sent.
    expect((await dispatchDueEmails(db, { transport, now: new Date(t0.getTime() + 10_000) })).sent).toEqual([]);
    expect(standIn.requests.length).toBe(before + 1);

    const report = await dispatchDueEmails(db, { transport, now: new Date(t0.getTime() + 31_000) });
    expect(report.sent).toEqual([messageId]);
    const attempts = standIn.requests.slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts.map((r) => r.headers['idempotency-key'])).toEqual([`tradepost-email-${messageId}`, `tradepost-email-${messageId}`]);
    expect(attempts[1]!.body.to).toBe('rita@eve.example');
    const [sent] = await db.select().from(s.emailMessages).where(eq(s.emailMessages.id, messageId));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });
});
