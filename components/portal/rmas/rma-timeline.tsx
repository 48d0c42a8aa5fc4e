import type { RmaStatus } from '@/db/schema';
import { formatDate } from '@/lib/format/dates';
import { rmaStatusLabel, rmaTimelineSteps } from '@/lib/rmas/statuses';

/**
 * Requested → Open → Received → Resolved, each with the date it was reached;
 * Rejected or Cancelled ends the line where it happened.
 */
export function RmaTimeline({ status, timeline }: { status: RmaStatus; timeline: { status: RmaStatus; at: Date }[] }) {
  const reached = new Map(timeline.map((t) => [t.status, t.at]));
  const ended = status === 'rejected' || status === 'cancelled';
  const steps: RmaStatus[] = ended ? [...rmaTimelineSteps.filter((s) => reached.has(s)), status] : rmaTimelineSteps;
  return (
    <ol aria-label="Status timeline" className="flex flex-wrap gap-x-2 gap-y-2 text-sm">
      {steps.map((step, i) => {
        const at = reached.get(step);
        const current = step === status;
        return (
          <li key={step} className="flex items-center gap-2" aria-current={current ? 'step' : undefined}>
            {i > 0 ? (
              <span aria-hidden="true" className="text-slate-400">
                →
              </span>
            ) : null}
            <span
              className={`rounded-md border px-2 py-1 ${
                current ? 'border-slate-700 bg-slate-800 text-white' : at ? 'border-slate-300 bg-white' : 'border-dashed border-slate-300 text-slate-500'
              }`}
            >
              <span className="font-medium">{rmaStatusLabel[step]}</span>
              <span className="ml-1">{at ? formatDate(at) : '(not yet)'}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
