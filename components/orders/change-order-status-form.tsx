'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { changeOrderStatusAction } from '@/lib/actions/orders/change-order-status';
import type { ActionResult } from '@/lib/actions/result';
import { carriers, isShippingStatus, TRACKING_NUMBER_MAX, type CarrierCode } from '@/lib/shipments/carriers';

export type StatusChoice = { id: number; name: string; isOpen: boolean; allowsCommitting: boolean };
export type ShortLineView = { sku: string; description: string; quantity: number; committed: number };
type Choice = 'commit' | 'reduce' | 'close_anyway';
type ShipmentRow = { key: number; carrier: CarrierCode; trackingNumber: string };

/**
 * The status control. Moving a short order to a status that ends commitment
 * asks first (the server refuses it anyway without a choice): commit the
 * missing devices now, reduce the quantities to what is committed, or close
 * it anyway with a reason. A move to a shipping status takes the carrier and
 * tracking number of each parcel (optional; blank rows are left out).
 */
export function ChangeOrderStatusForm({
  orderNumber,
  statusId,
  statuses,
  shortLines,
}: {
  orderNumber: number;
  statusId: number;
  statuses: StatusChoice[];
  shortLines: ShortLineView[];
}) {
  const [target, setTarget] = useState(String(statusId));
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Choice>('commit');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const [rows, setRows] = useState<ShipmentRow[]>([{ key: 0, carrier: 'ups', trackingNumber: '' }]);
  const status = statuses.find((s) => String(s.id) === target);
  const ships = Boolean(status && status.id !== statusId && isShippingStatus(status));
  const shipments = ships ? rows.filter((r) => r.trackingNumber.trim()).map((r) => ({ carrier: r.carrier, trackingNumber: r.trackingNumber })) : [];
  const setRow = (key: number, change: Partial<ShipmentRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const missing = shortLines.reduce((sum, l) => sum + l.quantity - l.committed, 0);

  function send(resolution?: 'reduce' | 'close_anyway') {
    startTransition(async () => {
      const answer = await changeOrderStatusAction({
        orderNumber,
        statusId: Number(target),
        ...(resolution ? { resolution } : {}),
        ...(resolution === 'close_anyway' ? { reason } : {}),
        ...(shipments.length ? { shipments } : {}),
      });
      setResult(answer);
      if (answer.ok) {
        setReason('');
        setRows([{ key: 0, carrier: 'ups', trackingNumber: '' }]);
      }
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (status && !status.allowsCommitting && shortLines.length && status.id !== statusId) {
      setChoice('commit');
      setOpen(true);
      return;
    }
    send();
  }

  function onConfirm() {
    if (choice === 'commit') {
      // After the dialog has closed and handed focus back, move it to the paste box.
      window.setTimeout(() => {
        document.getElementById('commit-heading')?.scrollIntoView({ block: 'start' });
        document.getElementById('commit-imeis')?.focus();
      }, 50);
      return;
    }
    send(choice);
  }

  const confirmLabel =
    choice === 'commit' ? 'Go to Commit devices' : choice === 'reduce' ? `Reduce and move to ${status?.name ?? ''}` : `Close anyway as ${status?.name ?? ''}`;

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field id="order-status" label="New status">
        <Select id="order-status" name="statusId" value={target} onChange={(e) => setTarget(e.target.value)}>
          {statuses.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.allowsCommitting ? ' (devices can be committed)' : ''}
            </option>
          ))}
        </Select>
      </Field>
      {ships ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Tracking</legend>
          <p className="text-xs text-slate-600">
            Optional. With a tracking number the buyer gets a &ldquo;your order has shipped&rdquo; email with the tracking link and the
            IMEIs of the order.
          </p>
          {rows.map((row, i) => (
            <div key={row.key} className="grid gap-2 sm:grid-cols-[8rem_1fr]">
              <Field id={`ship-carrier-${row.key}`} label={`Carrier ${i + 1}`}>
                <Select id={`ship-carrier-${row.key}`} value={row.carrier} onChange={(e) => setRow(row.key, { carrier: e.target.value as CarrierCode })}>
                  {carriers.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id={`ship-number-${row.key}`} label={`Tracking number ${i + 1}`} hint={i === 0 ? '4 to 40 letters, digits or dashes.' : undefined}>
                <Input
                  id={`ship-number-${row.key}`}
                  value={row.trackingNumber}
                  maxLength={TRACKING_NUMBER_MAX}
                  autoComplete="off"
                  spellCheck={false}
                  className="font-mono"
                  onChange={(e) => setRow(row.key, { trackingNumber: e.target.value })}
                />
              </Field>
            </div>
          ))}
          {rows.length < 10 ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setRows((all) => [...all, { key: Math.max(...all.map((r) => r.key)) + 1, carrier: all.at(-1)?.carrier ?? 'ups', trackingNumber: '' }])}
            >
              Add another tracking number
            </Button>
          ) : null}
        </fieldset>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing status…' : 'Change status'}
      </Button>
      <ActionMessage result={result} />
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        tone="primary"
        title={`${missing} device${missing === 1 ? ' has' : 's have'} not been committed to order ${orderNumber}`}
        description={
          <>
            <p>{status?.name} ends committing devices. These lines are short:</p>
            <ul className="mt-1 list-disc pl-5">
              {shortLines.map((l) => (
                <li key={l.sku}>
                  {l.description} ({l.sku}): {l.committed} of {l.quantity} committed
                </li>
              ))}
            </ul>
          </>
        }
        confirmLabel={confirmLabel}
        confirmDisabled={choice === 'close_anyway' && !reason.trim()}
        onConfirm={onConfirm}
      >
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">What do you want to do?</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="short-choice" className="mt-0.5" checked={choice === 'commit'} onChange={() => setChoice('commit')} />
            <span>Commit now: go to Commit devices and add the missing IMEIs (the status stays as it is).</span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="short-choice" className="mt-0.5" checked={choice === 'reduce'} onChange={() => setChoice('reduce')} />
            <span>Reduce quantities to what is committed (lines with none committed are removed), then move to {status?.name}.</span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="short-choice"
              className="mt-0.5"
              checked={choice === 'close_anyway'}
              onChange={() => setChoice('close_anyway')}
            />
            <span>Close anyway as {status?.name}, with a reason kept on the order.</span>
          </label>
        </fieldset>
        {choice === 'close_anyway' ? (
          <Field id="close-reason" label="Reason for closing with devices missing" hint="Shown on the order and kept in its history.">
            <Textarea id="close-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} required />
          </Field>
        ) : null}
      </ConfirmDialog>
    </form>
  );
}
