'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ActionResult } from '@/lib/actions/result';

export type RowAction = {
  label: string;
  run: () => Promise<ActionResult<unknown>>;
  variant?: 'secondary' | 'danger';
  /** Asked first, in the one confirmation dialog (e.g. Disable: "Disable Nora Buyer? …"). */
  confirm?: { title: string; description: string; confirmLabel: string };
};

/** Buttons of one account row (Resend invite, Disable, Enable …) and the answer to the last one. */
export function AccountRowActions({ actions, name }: { actions: RowAction[]; name: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (action: RowAction) =>
    startTransition(async () => {
      const result = await action.run();
      setMessage(result.ok ? { ok: true, text: result.message || 'Done.' } : { ok: false, text: result.error });
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        {actions.map((action) => {
          const button = (
            <Button
              key={action.label}
              size="sm"
              variant={action.variant ?? 'secondary'}
              disabled={pending}
              aria-label={`${action.label}: ${name}`}
              onClick={action.confirm ? undefined : () => run(action)}
            >
              {action.label}
            </Button>
          );
          return action.confirm ? (
            <ConfirmDialog
              key={action.label}
              trigger={button}
              title={action.confirm.title}
              description={action.confirm.description}
              confirmLabel={action.confirm.confirmLabel}
              onConfirm={() => run(action)}
            />
          ) : (
            button
          );
        })}
      </div>
      <p role="status" className={`text-xs ${message?.ok === false ? 'text-red-700' : 'text-slate-600'}`}>
        {message?.text}
      </p>
    </div>
  );
}

/** The confirmation of Disable, naming the person. */
export function disableConfirmation(name: string): NonNullable<RowAction['confirm']> {
  return {
    title: `Disable ${name}?`,
    description: 'They are signed out at once and cannot sign in until enabled again.',
    confirmLabel: `Disable ${name}`,
  };
}
