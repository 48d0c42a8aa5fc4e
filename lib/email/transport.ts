import { Resend } from 'resend';
import { env } from '@/lib/env';

/** Sends one outbox message; throws with the provider's message when it is refused. */
export type EmailTransport = {
  send(message: {
    to: string;
    subject: string;
    html: string;
    text: string;
    /** The same key on every retry of one message: the provider drops repeats. */
    idempotencyKey: string;
  }): Promise<{ providerMessageId: string | null }>;
};

export function emailFrom(): string {
  return env().EMAIL_FROM;
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
        { from: emailFrom(), to: message.to, subject: message.subject, html: message.html, text: message.text },
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
