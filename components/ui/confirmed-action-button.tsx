'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/actions/result';
import { ActionMessage } from './action-form';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';

/**
 * A button whose action runs only after the one confirmation dialog, with the
 * action's answer under it; on success the page is refreshed (or `afterSuccess`
 * goes elsewhere).
 */
export function ConfirmedActionButton({
  label,
  pendingLabel,
  variant = 'secondary',
  title,
  description,
  confirmLabel,
  cancelLabel,
  run,
  afterSuccess,
}: {
  label: string;
  pendingLabel: string;
  variant?: 'secondary' | 'danger';
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel?: string;
  run: () => Promise<ActionResult<unknown>>;
  afterSuccess?: string;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const answer = await run();
      setResult(answer);
      if (!answer.ok) return;
      if (afterSuccess) router.push(afterSuccess);
      else router.refresh();
    });
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button variant={variant} disabled={pending}>
            {pending ? pendingLabel : label}
          </Button>
        }
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        cancelLabel={cancelLabel}
        onConfirm={confirm}
      />
      <ActionMessage result={result} />
    </div>
  );
}
