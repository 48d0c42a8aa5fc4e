import Link from 'next/link';
import { describeAudit, type AuditEntryView } from './describe-audit';
import { formatDateTime } from '@/lib/format/dates';

/** Who did what, newest first, as sentences with links to what they are about. */
export function HistoryList({
  entries,
  currency,
  empty = 'Nothing recorded yet.',
}: {
  entries: (AuditEntryView & { id: number; createdAt: Date })[];
  currency: string;
  empty?: string;
}) {
  if (!entries.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-2 text-sm">
      {entries.map((e) => (
        <li key={e.id}>
          {describeAudit(e, currency).map((part, i) =>
            typeof part === 'string' ? (
              <span key={i} className={i === 0 ? 'font-medium' : undefined}>
                {part}
              </span>
            ) : (
              <Link key={i} href={part.href} className="text-[var(--brand-text)] underline">
                {part.text}
              </Link>
            ),
          )}
          <span className="block text-xs text-slate-500">
            <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}
