import type { AvailabilityCell } from '@/db/queries/for-sale';
import { batteryBandLabels, batteryBands, carrierLockLabels, carrierLockStates } from '@/lib/device-condition';
import { revealsExact, type QuantityDisplay } from '@/lib/portal/quantity-display';

type Share = { label: string; quantity: number };

/** The available units by battery band and by carrier lock, summed from the product's availability cells. */
export function conditionShares(cells: AvailabilityCell[]): { battery: Share[]; lock: Share[]; total: number } {
  const sum = (pick: (c: AvailabilityCell) => boolean) => cells.filter(pick).reduce((n, c) => n + c.quantity, 0);
  return {
    battery: batteryBands.map((b) => ({ label: batteryBandLabels[b], quantity: sum((c) => c.band === b) })).filter((s) => s.quantity > 0),
    lock: carrierLockStates.map((l) => ({ label: carrierLockLabels[l], quantity: sum((c) => c.lock === l) })).filter((s) => s.quantity > 0),
    total: sum(() => true),
  };
}

/**
 * How the available units divide by battery health and by carrier lock. With exact quantities shown, the
 * counts and their shares; otherwise only the shares (whole percents), so no number leaves that the
 * seller's quantity display keeps back.
 */
export function ProductConditionSummary({ cells, display }: { cells: AvailabilityCell[]; display: QuantityDisplay }) {
  const { battery, lock, total } = conditionShares(cells);
  const exact = revealsExact(total, display);
  const table = (caption: string, shares: Share[]) => (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
      <tbody>
        {shares.map((s) => {
          const percent = total ? Math.round((s.quantity / total) * 100) : 0;
          return (
            <tr key={s.label} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-3 text-left font-normal text-slate-700">
                {s.label}
              </th>
              {exact ? <td className="py-1 pr-3 text-right tabular-nums">{s.quantity}</td> : null}
              <td className="w-16 py-1 text-right tabular-nums text-slate-600">{percent}%</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <section aria-label="Condition of the available units" className="grid gap-6 sm:grid-cols-2">
      {table('Battery health', battery)}
      {table('Carrier lock', lock)}
    </section>
  );
}
