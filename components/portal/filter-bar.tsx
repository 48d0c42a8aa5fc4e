import type { ReactNode } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';

/** A GET form of filters: the state lives in the URL, so a link reproduces the view. */
export function FilterBar({ action, clearHref, children, label }: { action: string; clearHref: string; children: ReactNode; label: string }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      {children}
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Apply
        </Button>
        <Link href={clearHref} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
          Clear
        </Link>
      </div>
    </form>
  );
}
