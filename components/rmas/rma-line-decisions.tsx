import { ActionForm, ActionResultScope } from '@/components/ui/action-form';
import { Input, Select } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import type { RmaDisposition } from '@/db/schema';
import { decideRmaLineAction } from '@/lib/actions/rmas/decide-rma-line';
import { typedAmount } from '@/lib/rmas/return-instructions';
import { dispositionLabel } from '@/lib/rmas/statuses';
import { ReasonConfirmForm } from './reason-confirm-form';

export type DecidableLine = {
  id: number;
  device: string;
  disposition: RmaDisposition;
  refundAmount: number;
  requestedDisposition: RmaDisposition | null;
  requestedRefundAmount: number | null;
  rejectionReason: string | null;
  /** Formatted sale price, the ceiling of a refund; null when unknown. */
  soldFor: string | null;
};

/**
 * While an RMA is Requested or Open, staff set per device what they approve
 * (disposition and refund) or reject it with a reason the buyer sees. What the
 * buyer asked stays visible beside it.
 */
export function RmaLineDecisions({
  rmaNumber,
  lines,
  currency,
  money,
}: {
  rmaNumber: number;
  lines: DecidableLine[];
  currency: string;
  money: (minor: number) => string;
}) {
  return (
    <ActionResultScope className="space-y-2">
      <Table caption={`Decide the devices of RMA ${rmaNumber}`}>
        <thead>
          <tr>
            <Th>IMEI</Th>
            <Th>Buyer asked</Th>
            <Th>Approve</Th>
            <Th>Reject</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => {
            const id = `decide-${l.id}`;
            return (
              <tr key={l.id}>
                <Td className="font-mono align-top">{l.device}</Td>
                <Td className="align-top text-sm">
                  {l.requestedDisposition ? (
                    <>
                      {dispositionLabel[l.requestedDisposition]}
                      {l.requestedDisposition === 'keep_partial_refund' ? `, ${money(l.requestedRefundAmount ?? 0)}` : ''}
                    </>
                  ) : (
                    <span className="text-slate-600">Created by staff</span>
                  )}
                  {l.rejectionReason ? (
                    <span className="mt-1 block font-medium text-red-700">Rejected: {l.rejectionReason}</span>
                  ) : null}
                </Td>
                <Td className="align-top">
                  <ActionForm
                    action={decideRmaLineAction}
                    submitLabel={l.rejectionReason ? 'Approve instead' : 'Save'}
                    submitName={`${l.rejectionReason ? 'Approve instead' : 'Save decision'} for ${l.device}`}
                    size="sm"
                    className="flex flex-wrap items-end gap-2"
                  >
                    <input type="hidden" name="decision" value="approve" />
                    <input type="hidden" name="rmaNumber" value={rmaNumber} />
                    <input type="hidden" name="lineId" value={l.id} />
                    <div className="space-y-1">
                      <label htmlFor={`${id}-disposition`} className="block text-xs font-medium text-slate-800">
                        Disposition<span className="sr-only"> for {l.device}</span>
                      </label>
                      <Select id={`${id}-disposition`} name="disposition" defaultValue={l.disposition} className="w-auto">
                        <option value="return">{dispositionLabel.return}</option>
                        <option value="keep_partial_refund">{dispositionLabel.keep_partial_refund}</option>
                      </Select>
                    </div>
                    <div className="space-y-1">
                      <label htmlFor={`${id}-refund`} className="block text-xs font-medium text-slate-800">
                        Approved refund ({currency})<span className="sr-only"> for {l.device}</span>
                      </label>
                      <Input
                        id={`${id}-refund`}
                        name="refund"
                        inputMode="decimal"
                        className="w-28"
                        defaultValue={l.refundAmount ? typedAmount(l.refundAmount, currency) : ''}
                        aria-describedby={l.soldFor ? `${id}-sold` : undefined}
                      />
                      {l.soldFor ? (
                        <p id={`${id}-sold`} className="text-xs text-slate-600">
                          at most {l.soldFor}
                        </p>
                      ) : null}
                    </div>
                  </ActionForm>
                </Td>
                <Td className="align-top">
                  {l.rejectionReason ? (
                    <span className="text-sm text-slate-600">Rejected</span>
                  ) : (
                    <ReasonConfirmFormCell rmaNumber={rmaNumber} line={l} />
                  )}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </ActionResultScope>
  );
}

function ReasonConfirmFormCell({ rmaNumber, line }: { rmaNumber: number; line: DecidableLine }) {
  return (
    <ReasonConfirmForm
      action={decideRmaLineAction}
      fields={{ decision: 'reject', rmaNumber, lineId: line.id }}
      triggerLabel="Reject…"
      triggerName={`Reject ${line.device}`}
      title={`Reject ${line.device}?`}
      description={`The device stays on RMA ${rmaNumber} as rejected, with no refund, and is not taken back. You can approve it again while the RMA is Requested or Open.`}
      confirmLabel="Reject device"
      reasonLabel="Reason for the buyer"
      size="sm"
    />
  );
}
