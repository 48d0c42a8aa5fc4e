'use client';

import { PortalErrorPage } from '@/components/portal/states/portal-error-page';

/** A shop page that failed, under the shop header (the seller's brand and the navigation stay). */
export default function ShopError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PortalErrorPage error={error} retry={retry} />;
}
