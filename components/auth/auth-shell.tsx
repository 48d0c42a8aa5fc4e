import type { ReactNode } from 'react';
import { BrandMark } from '@/components/portal/brand-header';
import type { PortalIdentity } from '@/db/queries/sellers';
import { MAIN_CONTENT_ID, SkipLink } from '@/components/ui/skip-link';

/** The narrow page around sign-in, link and password forms: the seller's brand in a portal, Tradepost in the back office. */
export function AuthShell({
  portal,
  title,
  intro,
  children,
}: {
  portal: PortalIdentity | null;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <SkipLink />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="mx-auto max-w-sm px-6 py-16 focus:outline-none">
        {portal ? (
          <BrandMark portal={portal} />
        ) : (
          <p className="text-sm font-semibold uppercase tracking-wide text-blue-700">Tradepost</p>
        )}
        <h1 className="mt-4 text-2xl font-bold">{title}</h1>
        {intro ? <div className="mt-1 mb-6 text-slate-600">{intro}</div> : <div className="mb-6" />}
        {children}
      </main>
    </>
  );
}
