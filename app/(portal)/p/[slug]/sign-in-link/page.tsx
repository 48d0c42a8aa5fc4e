import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountLinkView } from '@/components/auth/account-link-view';
import { AuthShell } from '@/components/auth/auth-shell';
import { LinkRequestForm } from '@/components/auth/link-request-form';
import { requestLinkAction } from '@/lib/actions/auth/request-link';
import { loadLinkView } from '@/lib/auth/link-views';
import { requirePortal } from '@/lib/auth/session';
import { param, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Sign in with a link', referrer: 'no-referrer', robots: { index: false } };

/** Without a token: ask for a sign-in link. With one (from the email): a button that uses it. */
export default async function SignInLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const token = param(await searchParams, 'token');
  const portal = await requirePortal(slug);
  const area = { kind: 'customer' as const, slug };
  if (token) {
    const view = await loadLinkView(area, 'sign_in', token);
    return <AccountLinkView area={area} portal={portal} purpose="sign_in" view={view} token={token} />;
  }
  return (
    <AuthShell portal={portal} title="Email me a sign-in link" intro="We will email you a link that signs you in once, without your password.">
      <LinkRequestForm action={requestLinkAction.bind(null, area, 'sign_in')} submitLabel="Email me a sign-in link" />
      <p className="mt-6 text-sm">
        <Link className="underline" href={`/p/${slug}/sign-in`}>Back to sign in</Link>
      </p>
    </AuthShell>
  );
}
