'use client';

import { BackOfficeErrorPage } from '@/components/back-office/state-pages';

/** A back-office page failed, under the navigation. */
export default function BackOfficeError({ error, retry }: { error: unknown; retry: () => void }) {
  return <BackOfficeErrorPage error={error} retry={retry} />;
}
