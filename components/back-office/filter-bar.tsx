import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/**
 * The filter bar above a back-office list: a plain GET form, so every filter
 * lives in the URL and a filtered list can be shared. "Clear" goes back to
 * the unfiltered list.
 */
export function FilterBar({ action, className, children }: { action: string; className: string; children: ReactNode }) {
  return (
    <form method="get" action={action} className={`mb-4 rounded-lg border border-slate-200 bg-white p-4 ${className}`}>
      {children}
      <div className="flex items-end gap-2">
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <Link href={action} className="px-2 py-2 text-sm text-slate-600 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
