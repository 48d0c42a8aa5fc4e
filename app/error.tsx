'use client';

import { StatePanel, errorReference } from '@/components/ui/state-panel';

/**
 * A failure above every area's own error page (a portal's layout could not
 * read its seller). It names no brand: a seller's own domain may show it.
 */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <StatePanel
        title="Something went wrong"
        reference={errorReference(error)}
        actions={
          <button
            type="button"
            onClick={() => retry()}
            className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
          >
            Try again
          </button>
        }
      >
        <p>The page could not be shown. If you were saving something, check whether it was saved before you try again.</p>
      </StatePanel>
    </main>
  );
}
