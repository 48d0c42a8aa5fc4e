import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthShell } from '@/components/auth/auth-shell';
import { LinkRequestForm } from '@/components/auth/link-request-form';
import { requestLinkAction } from '@/lib/actions/auth/request-link';

export const metadata: Metadata = { title: 'Forgot password' };

export default function StaffForgotPasswordPage() {
  return (
    <AuthShell portal={null} title="Forgot your password?" intro="We will email you a link to choose a new one.">
      <LinkRequestForm action={requestLinkAction.bind(null, { kind: 'staff' }, 'password_reset')} submitLabel="Email me a reset link" />
      <p className="mt-6 text-sm">
        <Link className="underline" href="/admin/sign-in">Back to sign in</Link>
      </p>
    </AuthShell>
  );
}
