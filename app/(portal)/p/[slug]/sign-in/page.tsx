import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { MAIN_CONTENT_ID, SkipLink } from '@/components/ui/skip-link';
import { BrandMark } from '@/components/portal/brand-header';
import { getCustomer, requirePortal } from '@/lib/auth/session';
import { customerSignInAction } from '@/lib/actions/auth/customer-sign-in';
import { safeNextPath } from '@/lib/auth/safe-next';
import { param, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Sign in' };

export default async function CustomerSignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const next = param(await searchParams, 'next');
  const portal = await requirePortal(slug);
  if (await getCustomer(slug)) redirect(safeNextPath(next, `/p/${slug}`));
  return (
    <>
      <SkipLink />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto max-w-sm px-6 py-16 focus:outline-none">
        <BrandMark portal={portal} />
        <h1 className="mt-4 text-2xl font-bold">Sign in to the Customer Portal</h1>
        <p className="mt-1 mb-6 text-slate-600">See what {portal.name} has For Sale, order, and look up your purchases.</p>
        <SignInForm action={customerSignInAction.bind(null, slug)} next={next}>
          <p className="flex justify-between text-sm">
            <Link className="underline" href={`/p/${slug}/forgot-password`}>Forgot password?</Link>
            <Link className="underline" href={`/p/${slug}/sign-in-link`}>Email me a sign-in link</Link>
          </p>
        </SignInForm>
      </main>
    </>
  );
}
