import { Resend } from 'resend';
import { env } from '@/lib/env';

/** Sends one outbox message; throws with the provider's message when it is refused. */
export type EmailTransport = {
  send(message: {
    to: string;
    subject: string;
    html: string;
    text: string;
    /** The display name of From (the seller's name); the address stays EMAIL_FROM's. */
    fromName?: string | null;
    /** Where replies go: the seller's contact email. */
    replyTo?: string | null;
    /** The same key on every retry of one message: the provider drops repeats. */
    idempotencyKey: string;
  }): Promise<{ providerMessageId: string | null }>;
};

export function emailFrom(): string {
  return env().EMAIL_FROM;
}

/**
 * EMAIL_FROM's address under another display name: `"Acme Wireless" <mail@tradepost.example>`.
 * The name is quoted, its quotes and backslashes escaped, and line breaks (header injection) dropped.
 */
export function fromWithName(from: string, name: string | null | undefined): string {
  const clean = (name ?? '').replace(/[\r\n\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!clean) return from;
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  return `"${clean.replace(/["\\]/g, (c) => `\\${c}`)}" <${address}>`;
}

/** A real provider is configured: emails leave the building (and the development mailbox is empty). */
export function realEmailProviderConfigured(): boolean {
  return Boolean(env().RESEND_API_KEY);
}

/**
 * Resend, through its SDK. The SDK reads RESEND_BASE_URL when the client is
 * constructed (tests point it at a local stand-in), and sends our key as the
 * Idempotency-Key header.
 */
export function resendTransport(apiKey: string, options: { timeoutMs?: number } = {}): EmailTransport {
  const resend = new Resend(apiKey);
  return {
    async send(message) {
      const { data, error } = await resend.emails.send(
        {
          from: fromWithName(emailFrom(), message.fromName),
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        },
        { idempotencyKey: message.idempotencyKey, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) },
      );
      if (error) throw new Error(`${error.name ?? 'error'}: ${error.message}`);
      return { providerMessageId: data?.id ?? null };
    },
  };
}

/** The transport the environment names, or null (messages stay in the outbox; /dev/mail shows them in development). */
export function configuredTransport(): EmailTransport | null {
  const key = env().RESEND_API_KEY;
  return key ? resendTransport(key, { timeoutMs: env().EMAIL_SEND_TIMEOUT_MS }) : null;
}
