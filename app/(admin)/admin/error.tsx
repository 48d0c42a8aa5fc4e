'use client';

import { BackOfficeErrorPage } from '@/components/back-office/state-pages';

/** A sign-in page or the back-office layout failed: no navigation around it. */
export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return <BackOfficeErrorPage error={error} retry={retry} standalone />;
}
