import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthShell } from '@/components/auth/auth-shell';
import { LinkRequestForm } from '@/components/auth/link-request-form';
import { requestLinkAction } from '@/lib/actions/auth/request-link';
import { requirePortal } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Forgot password' };

export default async function ForgotPasswordPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const portal = await requirePortal(slug);
  return (
    <AuthShell portal={portal} title="Forgot your password?" intro="We will email you a link to choose a new one.">
      <LinkRequestForm action={requestLinkAction.bind(null, { kind: 'customer', slug }, 'password_reset')} submitLabel="Email me a reset link" />
      <p className="mt-6 text-sm">
        <Link className="underline" href={`/p/${slug}/sign-in`}>Back to sign in</Link>
      </p>
    </AuthShell>
  );
}
