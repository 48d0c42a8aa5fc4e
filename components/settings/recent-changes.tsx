import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import type { SettingsChange } from '@/db/queries/settings/recent-changes';
import { formatDateTime } from '@/lib/format/dates';
import { requestFormat } from '@/lib/format/request-format';
import { describeChange } from '@/lib/settings/describe-change';

/** Who changed what, when: the latest audit entries of a settings area. */
export function RecentChanges({ changes, title = 'Recent changes' }: { changes: SettingsChange[]; title?: string }) {
  return (
    <section aria-labelledby="recent-changes" className="mt-10">
      <h2 id="recent-changes" className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      <Table caption={title}>
        <thead>
          <tr>
            <Th className="w-48">When ({requestFormat().timeZone ?? 'UTC'})</Th>
            <Th className="w-48">Who</Th>
            <Th>What</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.length === 0 ? <EmptyRow colSpan={3}>No changes recorded yet.</EmptyRow> : null}
          {changes.map((change) => {
            const { title: what, lines } = describeChange(change.action, change.details);
            return (
              <tr key={change.id}>
                <Td className="align-top whitespace-nowrap text-slate-600">
                  <time dateTime={change.createdAt.toISOString()}>{formatDateTime(change.createdAt)}</time>
                </Td>
                <Td className="align-top">{change.actorLabel}</Td>
                <Td className="align-top">
                  <p className="font-medium">{what}</p>
                  {lines.length ? (
                    <ul className="mt-1 space-y-0.5 text-slate-700">
                      {lines.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}
