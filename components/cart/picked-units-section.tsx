import type { PickedUnit } from '@/db/queries/portal/units/pick-units';
import { batteryBandLabels, batteryBand, carrierLockLabels, type CarrierLockState } from '@/lib/device-condition';
import { UnpickUnitButton } from './unpick-unit-button';

/**
 * The units the buyer picked, by product (beside the cart's product lines). They reserve nothing until
 * checkout, which holds them for the order; one no longer available is flagged. `removable` on the cart page.
 */
export function PickedUnitsSection({ units, removable }: { units: PickedUnit[]; removable: boolean }) {
  if (!units.length) return null;
  const products = [...new Set(units.map((u) => u.product))];
  return (
    <section aria-labelledby="picked-heading" className="mt-6">
      <h2 id="picked-heading" className="mb-2 text-lg font-semibold">
        Picked units ({units.length})
      </h2>
      {products.map((product) => (
        <div key={product} className="mb-3">
          <h3 className="font-medium">{product}</h3>
          <ul aria-label={`Picked units of ${product}`} className="text-sm">
            {units
              .filter((u) => u.product === product)
              .map((u) => (
                <li key={u.deviceId} className="flex items-center gap-3 py-0.5">
                  <span className="font-mono">{u.identifierTail}</span>
                  <span className="text-slate-600">
                    {u.batteryHealth === null ? batteryBandLabels[batteryBand(null)] : `Battery ${u.batteryHealth}%`} ·{' '}
                    {carrierLockLabels[u.carrierLock as CarrierLockState] ?? u.carrierLock}
                  </span>
                  {u.available ? null : <span className="text-red-700">No longer available</span>}
                  {removable ? <UnpickUnitButton deviceId={u.deviceId} tail={u.identifierTail} /> : null}
                </li>
              ))}
          </ul>
        </div>
      ))}
      <p className="text-sm text-slate-600">Picked units are held for your order once you check out; until then another buyer may order them.</p>
    </section>
  );
}
