import { describe, expect, it } from 'vitest';
import { tryAgainMessage } from '@/lib/auth/abuse-limits';
import { invitationEmail, passwordResetEmail, signInLinkEmail } from '@/lib/email/templates/account-links';

const data = {
  brand: { name: 'Acme <Wireless>', color: '#123456' },
  audience: 'customer' as const,
  sellerName: 'Acme',
  name: '<b>Eve & Co</b>',
  organizationName: 'Eve "Trading" Ltd',
  url: 'https://portal.example/p/acme/activate?token=abc',
};

describe('account emails', () => {
  it('escape every user value in the HTML, keep it readable in the text, and carry the link in both', () => {
    for (const email of [invitationEmail(data), signInLinkEmail(data), passwordResetEmail(data)]) {
      expect(email.html).toContain('&lt;b&gt;Eve &amp; Co&lt;/b&gt;');
      expect(email.html).not.toContain('<b>Eve');
      expect(email.html).toContain('Acme &lt;Wireless&gt;');
      expect(email.html).toContain('href="https://portal.example/p/acme/activate?token=abc"');
      expect(email.html).toContain('#123456');
      expect(email.text).toContain('Hello <b>Eve & Co</b>,');
      expect(email.text).toContain('https://portal.example/p/acme/activate?token=abc');
    }
    expect(invitationEmail(data).html).toContain('Eve &quot;Trading&quot; Ltd');
    expect(invitationEmail(data).subject).toBe('You are invited to the Acme <Wireless> Customer Portal');
    expect(invitationEmail({ ...data, audience: 'staff' }).subject).toBe('You are invited to the Acme back office on Tradepost');
  });
});

describe('abuse limit messages', () => {
  it('says how many minutes to wait, rounded up', () => {
    expect(tryAgainMessage('sign-in attempts', 61)).toBe('Too many sign-in attempts. Please try again in 2 minutes.');
    expect(tryAgainMessage('link requests', 5)).toBe('Too many link requests. Please try again in 1 minute.');
  });
});
