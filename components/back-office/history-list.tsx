import Link from 'next/link';
import { describeAuditEntry } from './describe-audit';
import { formatDateTime } from '@/lib/format/dates';

/** Who did what, newest first. */
export function HistoryList({
  entries,
  currency,
  empty = 'Nothing recorded yet.',
  linkEntities = false,
}: {
  entries: { id: number; actorLabel: string; action: string; entityType?: string; details: Record<string, unknown>; createdAt: Date }[];
  currency: string;
  empty?: string;
  /** Link each entry to the order or RMA it is about (for the dashboard). */
  linkEntities?: boolean;
}) {
  if (!entries.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-2 text-sm">
      {entries.map((e) => (
        <li key={e.id}>
          <span className="font-medium">{e.actorLabel}</span> {describeAuditEntry(e, currency)}
          {linkEntities && entityHref(e) ? (
            <>
              {' '}
              <Link href={entityHref(e)!} className="text-[var(--brand)] underline">
                Open
                <span className="sr-only"> {e.entityType === 'rma' ? 'RMA' : 'order'} {String(e.details.number)}</span>
              </Link>
            </>
          ) : null}
          <span className="block text-xs text-slate-500">{formatDateTime(e.createdAt)}</span>
        </li>
      ))}
    </ol>
  );
}

function entityHref(e: { entityType?: string; details: Record<string, unknown> }): string | null {
  const n = e.details.number;
  if (typeof n !== 'number') return null;
  if (e.entityType === 'sales_order') return `/admin/orders/${n}`;
  if (e.entityType === 'rma') return `/admin/rmas/${n}`;
  return null;
}
