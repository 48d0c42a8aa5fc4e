import { formatNumber } from '@/lib/format/numbers';
import Link from 'next/link';

/**
 * Previous/next links that keep every other search parameter, so a link
 * reproduces the filtered view.
 */
export function Pagination({
  basePath,
  searchParams,
  page,
  pageSize,
  total,
}: {
  basePath: string;
  /** A repeated parameter (several values of one filter) is kept whole. */
  searchParams: Record<string, string | string[] | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(searchParams)) {
      if (k === 'page') continue;
      for (const one of Array.isArray(v) ? v : [v]) if (one) params.append(k, one);
    }
    if (p > 1) params.set('page', String(p));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 py-3 text-sm">
      <p className="text-slate-600">
        {total === 0 ? 'No results' : `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)}`}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className="rounded-md border border-slate-300 bg-white px-3 py-1" href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        <span className="text-slate-600">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link className="rounded-md border border-slate-300 bg-white px-3 py-1" href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
