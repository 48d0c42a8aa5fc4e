'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';

export type RowAction = {
  label: string;
  run: () => Promise<ActionResult<unknown>>;
  variant?: 'secondary' | 'danger';
};

/** Buttons of one account row (Resend invite, Disable, Enable …) and the answer to the last one. */
export function AccountRowActions({ actions, name }: { actions: RowAction[]; name: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        {actions.map((action) => (
          <Button
            key={action.label}
            size="sm"
            variant={action.variant ?? 'secondary'}
            disabled={pending}
            aria-label={`${action.label}: ${name}`}
            onClick={() =>
              startTransition(async () => {
                const result = await action.run();
                setMessage(result.ok ? { ok: true, text: result.message || 'Done.' } : { ok: false, text: result.error });
              })
            }
          >
            {action.label}
          </Button>
        ))}
      </div>
      <p role="status" className={`text-xs ${message?.ok === false ? 'text-red-700' : 'text-slate-600'}`}>
        {message?.text}
      </p>
    </div>
  );
}
