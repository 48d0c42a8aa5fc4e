import { Field, Select } from '@/components/ui/field';
import { ActionForm, ActionResultScope } from '@/components/ui/action-form';
import type { RmaStatus } from '@/db/schema';
import { rmaTransitions } from '@/lib/rmas/statuses';
import { changeRmaStatusAction } from '@/lib/actions/rmas/change-rma-status';
import { ReasonConfirmForm } from './reason-confirm-form';

type Options = { inventoryStatuses: { id: number; name: string }[]; warehouses: { id: number; name: string; code: string }[] };

/** The next steps an RMA can take from its status, each a real form. */
export function RmaStatusActions({
  rmaNumber,
  status,
  returnedDevices,
  options,
}: {
  rmaNumber: number;
  status: RmaStatus;
  returnedDevices: number;
  options: Options;
}) {
  const next = rmaTransitions[status];
  const returnedStatus = options.inventoryStatuses.find((s) => s.name.toLowerCase() === 'returned');
  const hidden = (to: RmaStatus) => (
    <>
      <input type="hidden" name="rmaNumber" value={rmaNumber} />
      <input type="hidden" name="to" value={to} />
    </>
  );
  return (
    <ActionResultScope className="space-y-5">
      {!next.length ? <p className="text-sm text-slate-600">This RMA is closed.</p> : null}
      {status === 'requested' ? (
        <p className="text-sm text-slate-600">
          Decide each device first (approved disposition and refund, or reject it); the buyer sees what they asked beside what you approve.
        </p>
      ) : null}
      {next.includes('open') ? (
        <ActionForm action={changeRmaStatusAction} submitLabel="Open RMA">
          {hidden('open')}
          <p className="mb-2 text-sm text-slate-600">Approve the return; the customer can send the devices.</p>
        </ActionForm>
      ) : null}
      {next.includes('received') ? (
        <ActionForm action={changeRmaStatusAction} submitLabel="Mark received" className="space-y-3">
          {hidden('received')}
          <p className="text-sm text-slate-600">
            {returnedDevices
              ? `Move the ${returnedDevices} returned device${returnedDevices === 1 ? '' : 's'} as they arrive (kept devices stay where they are):`
              : 'No device of this RMA is coming back (all are kept with a partial refund).'}
          </p>
          <Field id="receive-status" label="Inventory status of returned devices">
            <Select id="receive-status" name="statusId" defaultValue={returnedDevices && returnedStatus ? returnedStatus.id : ''}>
              <option value="">Leave as is</option>
              {options.inventoryStatuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="receive-warehouse" label="Warehouse of returned devices">
            <Select id="receive-warehouse" name="warehouseId" defaultValue="">
              <option value="">Leave as is</option>
              {options.warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} ({w.code})
                </option>
              ))}
            </Select>
          </Field>
        </ActionForm>
      ) : null}
      {next.includes('resolved') ? (
        <ActionForm action={changeRmaStatusAction} submitLabel="Resolve RMA" className="space-y-3">
          {hidden('resolved')}
          <Field id="resolution" label="Resolved as">
            <Select id="resolution" name="resolution" defaultValue="">
              <option value="" disabled>
                Choose refund or credit
              </option>
              <option value="refund">Refund</option>
              <option value="credit">Credit</option>
            </Select>
          </Field>
        </ActionForm>
      ) : null}
      {next.includes('rejected') ? (
        <ReasonConfirmForm
          action={changeRmaStatusAction}
          fields={{ rmaNumber, to: 'rejected' }}
          triggerLabel="Reject RMA…"
          triggerName="Reject RMA"
          title={`Reject RMA ${rmaNumber}?`}
          description="The whole RMA is closed as Rejected and no device is taken back. To refuse only some devices, reject them one by one instead."
          confirmLabel="Reject RMA"
          reasonLabel="Reason for the buyer"
        />
      ) : null}
    </ActionResultScope>
  );
}
