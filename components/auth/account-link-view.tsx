import Link from 'next/link';
import type { ReactNode } from 'react';
import { LinkButton } from '@/components/ui/button';
import type { LinkView } from '@/db/queries/account-links';
import type { PortalIdentity } from '@/db/queries/sellers';
import type { TokenPurpose } from '@/db/schema';
import type { AreaRef } from '@/lib/auth/account-areas';
import { completeLinkAction } from '@/lib/actions/auth/complete-link';
import { sendFreshLinkAction } from '@/lib/actions/auth/send-fresh-link';
import { AuthShell } from './auth-shell';
import { NewPasswordForm } from './new-password-form';
import { TokenButtonForm } from './token-button-form';

/**
 * What a one-time link's page shows. Rendering it only reads; the forms here
 * are what use the link. Every dead end offers the next step: sign in, or a
 * fresh link.
 */
export function AccountLinkView({
  area,
  portal,
  purpose,
  view,
  token,
}: {
  area: AreaRef;
  portal: PortalIdentity | null;
  purpose: TokenPurpose;
  view: LinkView;
  token: string;
}) {
  const root = area.kind === 'staff' ? '/admin' : `/p/${area.slug}`;
  const place = portal ? `the ${portal.name} Customer Portal` : 'the back office';
  const signIn = <LinkButton href={`${root}/sign-in`} variant="primary" className="w-full">Sign in</LinkButton>;
  const fresh = (
    <TokenButtonForm
      action={sendFreshLinkAction.bind(null, area)}
      token={token}
      purpose={purpose}
      label="Send me a fresh link"
      pendingLabel="Sending…"
    />
  );
  const shell = (title: string, intro: ReactNode, body?: ReactNode) => (
    <AuthShell portal={portal} title={title} intro={intro}>
      <div className="space-y-3">{body}</div>
    </AuthShell>
  );
  const account = view.account;

  switch (view.state) {
    case 'valid':
      if (purpose === 'sign_in') {
        return shell(
          'Sign in',
          <>Sign in to {place} as <strong>{account?.email}</strong>.</>,
          <TokenButtonForm action={completeLinkAction.bind(null, area, 'sign_in')} token={token} label="Sign in" pendingLabel="Signing in…" />,
        );
      }
      return shell(
        purpose === 'activation' ? 'Choose a password' : 'Choose a new password',
        purpose === 'activation' ? (
          <>
            Welcome, {account?.name}. Choose a password for <strong>{account?.email}</strong> to activate your account
            {account?.organizationName ? <> at {account.organizationName}</> : null} in {place}.
          </>
        ) : (
          <>Choose a new password for <strong>{account?.email}</strong>. This signs you out everywhere else.</>
        ),
        <NewPasswordForm
          action={completeLinkAction.bind(null, area, purpose)}
          token={token}
          email={account?.email ?? ''}
          submitLabel={purpose === 'activation' ? 'Activate account' : 'Save new password'}
        />,
      );
    case 'already_active':
      return shell('Your account is already active', <>Sign in to {place} with your email and password.</>, signIn);
    case 'used':
      return shell(
        'This link was already used',
        purpose === 'sign_in' ? 'Each sign-in link works once. Sign in with your password, or ask for a new link.' : 'Each link works once. Sign in with your password.',
        <>
          {signIn}
          {purpose === 'sign_in' ? (
            <LinkButton href={`${root}/sign-in-link`} className="w-full">Email me a new sign-in link</LinkButton>
          ) : null}
        </>,
      );
    case 'expired':
      return shell('This link has expired', 'For your security, links in our emails stop working after a while. We can send you a fresh one.', fresh);
    case 'replaced':
      return shell('This link was replaced by a newer one', 'Use the link in the latest email we sent you, or get a fresh one now.', fresh);
    case 'disabled':
      return shell('This account is disabled', `Please contact ${portal ? portal.name : 'an owner of your company'} to have it enabled again.`);
    default:
      return shell(
        'This link is not valid',
        <>
          Check that you opened the whole link from the email. You can also{' '}
          <Link className="underline" href={`${root}/sign-in-link`}>ask for a sign-in link</Link>.
        </>,
        signIn,
      );
  }
}
