'use client';

import { PortalErrorPage } from '@/components/portal/states/portal-error-page';

/** A failure of the shop layout or a sign-in page: the seller's mark on its own (no shop header here). */
export default function PortalError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PortalErrorPage error={error} retry={retry} withBrand />;
}
