import { formatNumber } from '@/lib/format/numbers';
import {
  blacklistLabels,
  carrierLockText,
  functionalTestText,
  lockStateLabels,
  type DeviceCondition,
} from '@/lib/device-condition';

/** A device's condition in three short lines, for tables: battery, locks and blacklist, test. */
export function ConditionSummary({ condition }: { condition: DeviceCondition | null }) {
  if (!condition) return <span className="text-slate-500">Not recorded</span>;
  const c = condition;
  const battery =
    c.batteryHealth === null
      ? 'Battery not measured'
      : `Battery ${c.batteryHealth}%${c.batteryCycles === null ? '' : ` · ${formatNumber(c.batteryCycles)} cycles`}`;
  const locks = [
    carrierLockText(c),
    `Blacklist ${blacklistLabels[c.blacklistStatus].toLowerCase()}`,
    c.activationLock === 'off' ? null : `Activation lock ${lockStateLabels[c.activationLock].toLowerCase()}`,
    c.mdmLock === 'on' ? 'MDM on' : null,
    c.frpLock === 'on' ? 'FRP on' : null,
  ].filter(Boolean);
  return (
    <span className="block text-xs leading-5">
      <span className="block">{battery}</span>
      <span className="block">{locks.join(' · ')}</span>
      <span className={`block ${c.functionalTest === 'fail' ? 'text-red-700' : ''}`}>{functionalTestText(c)}</span>
    </span>
  );
}
