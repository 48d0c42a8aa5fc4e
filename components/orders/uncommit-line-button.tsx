'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ActionMessage, useActionScopeReport } from '@/components/ui/action-form';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { uncommitDevicesAction } from '@/lib/actions/orders/uncommit-devices';
import type { ActionResult } from '@/lib/actions/result';

/** "Uncommit all n" of a line, after a confirmation that says how many devices leave which order. */
export function UncommitLineButton({ orderNumber, lineId, sku, count }: { orderNumber: number; lineId: number; sku: string; count: number }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const report = useActionScopeReport();
  const devices = `${count} device${count === 1 ? '' : 's'}`;

  function uncommit() {
    startTransition(async () => {
      const answer = await uncommitDevicesAction({ orderNumber, lineId });
      if (report) report(answer);
      else setResult(answer);
    });
  }

  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button type="button" variant="secondary" size="sm" disabled={pending} aria-label={`Uncommit all ${count} devices of ${sku}`}>
            {pending ? 'Uncommitting…' : `Uncommit all ${count}`}
          </Button>
        }
        title={`Uncommit ${devices} from order ${orderNumber}?`}
        description={`All ${devices} committed to the line of ${sku} go back to stock and count as available again. The picking done for them is lost.`}
        confirmLabel={`Uncommit ${devices}`}
        onConfirm={uncommit}
      />
      <ActionMessage result={result} />
    </div>
  );
}
