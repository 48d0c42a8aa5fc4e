import type { ReactNode } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FilterFold } from './filter-fold';

/**
 * A GET form of filters: the state lives in the URL, so a link reproduces the view. At phone width the fields
 * stack, `search` (the one a buyer types into: an order or IMEI) stays in sight and the other filters fold
 * behind a "Filters" button; `active` is how many of those are set.
 */
export function FilterBar({
  action,
  clearHref,
  children,
  label,
  search,
  active = 0,
}: {
  action: string;
  clearHref: string;
  children: ReactNode;
  label: string;
  search?: ReactNode;
  active?: number;
}) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="mb-4 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:flex-wrap sm:items-end"
    >
      {search}
      <FilterFold active={active}>{children}</FilterFold>
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
