import type { ReactNode } from 'react';
import { AuthShell } from '@/components/auth/auth-shell';
import { TokenButtonForm } from '@/components/auth/token-button-form';
import { LinkButton } from '@/components/ui/button';
import type { EmailChangeView as View } from '@/db/queries/my-account';
import type { PortalIdentity } from '@/db/queries/sellers';
import type { AreaRef } from '@/lib/auth/account-areas';
import { confirmEmailChangeAction } from '@/lib/actions/account/confirm-email-change';

/**
 * The page of a link that confirms a new email address. Rendering it only
 * reads (mail scanners open links); the button's form is what uses the link.
 */
export function EmailChangeView({ area, portal, view, token }: { area: AreaRef; portal: PortalIdentity | null; view: View; token: string }) {
  const root = area.kind === 'staff' ? '/admin' : `/p/${area.slug}`;
  const place = portal ? `the ${portal.name} Customer Portal` : 'the back office';
  const account = `${root}/account`;
  const shell = (title: string, intro: ReactNode, body?: ReactNode) => (
    <AuthShell portal={portal} title={title} intro={intro}>
      <div className="space-y-3">{body}</div>
    </AuthShell>
  );
  const again = <LinkButton href={account} variant="primary" className="w-full">Go to My account</LinkButton>;
  switch (view.state) {
    case 'valid':
      return shell(
        'Confirm your new email address',
        <>
          Sign in to {place} as <strong>{view.newEmail}</strong> from now on, instead of <strong>{view.account?.email}</strong>.
        </>,
        <TokenButtonForm action={confirmEmailChangeAction.bind(null, area)} token={token} label="Confirm new email address" pendingLabel="Confirming…" />,
      );
    case 'used':
      return shell('This link was already used', 'Each link works once. If your email address changed, sign in with the new one.', again);
    case 'expired':
      return shell('This link has expired', 'Links that confirm a new email address work for 24 hours. Ask for a new one on My account.', again);
    case 'replaced':
      return shell('This link was replaced by a newer one', 'Use the link in the latest email we sent to the new address, or ask again on My account.', again);
    case 'taken':
      return shell('That email address is taken', 'Another account here already uses that address, so your email address stays as it was.', again);
    case 'disabled':
      return shell('This account is disabled', `Please contact ${portal ? portal.name : 'an owner of your company'} to have it enabled again.`);
    default:
      return shell('This link is not valid', 'Check that you opened the whole link from the email.', again);
  }
}
