'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { ActionMessage, useActionScopeReport } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Textarea } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';

/**
 * A destructive RMA step that needs a reason the buyer sees (reject a device,
 * reject the whole RMA): a button opens a confirmation with a required reason
 * field; confirming posts the hidden fields and the reason to the action.
 */
export function ReasonConfirmForm({
  action,
  fields,
  triggerLabel,
  triggerName,
  title,
  description,
  confirmLabel,
  reasonLabel,
  size = 'md',
}: {
  action: (input: FormData) => Promise<ActionResult<unknown>>;
  fields: Record<string, string | number>;
  triggerLabel: string;
  /** Accessible name of the trigger when its visible label is short (e.g. "Reject" in a row). */
  triggerName?: string;
  title: string;
  description: string;
  confirmLabel: string;
  reasonLabel: string;
  size?: 'sm' | 'md';
}) {
  const formId = useId();
  const reasonId = `${formId}-reason`;
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const report = useActionScopeReport();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const answer = await action(data);
      if (report) report(answer);
      else setResult(answer);
    });
  }

  return (
    <div>
      <form id={formId} onSubmit={onSubmit}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      </form>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size={size} disabled={pending} aria-label={triggerName}>
            {pending ? `${triggerLabel}…` : triggerLabel}
          </Button>
        }
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        formId={formId}
      >
        <label htmlFor={reasonId} className="block text-sm font-medium text-slate-800">
          {reasonLabel}
        </label>
        <Textarea id={reasonId} name="reason" form={formId} required maxLength={500} rows={3} />
        <p className="text-xs text-slate-600">The buyer sees this reason on the RMA.</p>
      </ConfirmDialog>
      <ActionMessage result={result} />
    </div>
  );
}
