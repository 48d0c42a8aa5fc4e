import type { Metadata } from 'next';
import { PortalBrandProvider } from '@/components/portal/portal-brand';
import { PortalClosed } from '@/components/portal/portal-closed';
import { requirePortal } from '@/lib/auth/session';
import { brandCssVariables } from '@/lib/brand';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const portal = await requirePortal((await params).slug);
  // absolute: a portal page without a title of its own (an error, a not-found page) is named by the seller alone, never "· Tradepost".
  return { title: { absolute: portal.name, template: `%s · ${portal.name}` } };
}

/**
 * Every page of a seller's portal: 404 for an unknown slug, the closed page while disabled, the brand color
 * (and the text colours that keep 4.5:1 on it and beside it, lib/brand.ts), and the brand for the error and
 * not-found pages below (they are client components with no read of their own).
 */
export default async function PortalLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const portal = await requirePortal((await params).slug);
  return (
    <div style={brandCssVariables(portal.brandColor)} className="min-h-screen">
      <PortalBrandProvider brand={{ slug: portal.slug, name: portal.name, brandColor: portal.brandColor, logo: portal.logo }}>
        {portal.enabled ? children : <PortalClosed name={portal.name} />}
      </PortalBrandProvider>
    </div>
  );
}
