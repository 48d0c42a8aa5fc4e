import { describeAuditEntry } from './describe-audit';
import { formatDateTime } from './format';

/** Who did what, newest first. */
export function HistoryList({
  entries,
  currency,
  empty = 'Nothing recorded yet.',
}: {
  entries: { id: number; actorLabel: string; action: string; entityType?: string; details: Record<string, unknown>; createdAt: Date }[];
  currency: string;
  empty?: string;
}) {
  if (!entries.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-2 text-sm">
      {entries.map((e) => (
        <li key={e.id}>
          <span className="font-medium">{e.actorLabel}</span> {describeAuditEntry(e, currency)}
          <span className="block text-xs text-slate-500">{formatDateTime(e.createdAt)}</span>
        </li>
      ))}
    </ol>
  );
}
