import { expect } from '@playwright/test';

/** Where the Resend stand-in of the Playwright run listens (playwright.config.ts starts it). */
export const MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 1);
const mailOrigin = `http://127.0.0.1:${MAIL_PORT}`;

export type SentEmail = { id: string; from: string; to: string[]; subject: string; html: string; text: string };

/** Every email the server sent to `to`, newest first. */
export async function emailsTo(to: string): Promise<SentEmail[]> {
  const response = await fetch(`${mailOrigin}/emails?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`the mail stand-in answered ${response.status}`);
  return (await response.json()) as SentEmail[];
}

/**
 * The first link matching `pattern` in the newest email to `to` with this
 * subject, waiting for the server's outbox to send it.
 */
export async function linkFromEmail(to: string, subject: string, pattern: RegExp): Promise<string> {
  let link: string | undefined;
  await expect(async () => {
    const message = (await emailsTo(to)).find((m) => m.subject === subject);
    expect(message, `an email to ${to} with subject "${subject}"`).toBeTruthy();
    link = (message!.text.match(/https?:\/\/[^\s<>"]+/g) ?? []).find((url) => pattern.test(url));
    expect(link, `a link matching ${pattern}`).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  return link!;
}
