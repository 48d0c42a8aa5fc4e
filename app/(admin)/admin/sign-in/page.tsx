import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { MAIN_CONTENT_ID, SkipLink } from '@/components/ui/skip-link';
import { getStaff } from '@/lib/auth/session';
import { staffSignInAction } from '@/lib/actions/auth/staff-sign-in';
import { safeNextPath } from '@/lib/auth/safe-next';
import { param, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Sign in to the back office' };

export default async function StaffSignInPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const next = param(await searchParams, 'next');
  if (await getStaff()) redirect(safeNextPath(next, '/admin'));
  return (
    <>
      <SkipLink />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto max-w-sm px-6 py-16 focus:outline-none">
        <p className="text-sm font-semibold uppercase tracking-wide text-blue-700">Tradepost</p>
        <h1 className="mt-1 text-2xl font-bold">Sign in to the back office</h1>
        <p className="mt-1 mb-6 text-slate-600">For the staff of a wholesaler.</p>
        <SignInForm action={staffSignInAction} next={next}>
          <p className="flex justify-between text-sm">
            <Link className="underline" href="/admin/forgot-password">Forgot password?</Link>
            <Link className="underline" href="/admin/sign-in-link">Email me a sign-in link</Link>
          </p>
        </SignInForm>
      </main>
    </>
  );
}
