'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Select, Textarea } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { changeOrderStatusAction } from '@/lib/actions/orders/change-order-status';
import type { ActionResult } from '@/lib/actions/result';

export type StatusChoice = { id: number; name: string; allowsCommitting: boolean };
export type ShortLineView = { sku: string; description: string; quantity: number; committed: number };
type Choice = 'commit' | 'reduce' | 'close_anyway';

/**
 * The status control. Moving a short order to a status that ends commitment
 * asks first (the server refuses it anyway without a choice): commit the
 * missing devices now, reduce the quantities to what is committed, or close
 * it anyway with a reason.
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
  const status = statuses.find((s) => String(s.id) === target);
  const missing = shortLines.reduce((sum, l) => sum + l.quantity - l.committed, 0);

  function send(resolution?: 'reduce' | 'close_anyway') {
    startTransition(async () => {
      const answer = await changeOrderStatusAction({
        orderNumber,
        statusId: Number(target),
        ...(resolution ? { resolution } : {}),
        ...(resolution === 'close_anyway' ? { reason } : {}),
      });
      setResult(answer);
      if (answer.ok) setReason('');
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
