'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { ActionMessage } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cancelRmaAction } from '@/lib/actions/portal/cancel-rma';
import type { ActionResult } from '@/lib/actions/result';

/** "Cancel request" while the RMA is still Requested, behind a confirmation. */
export function CancelRmaButton({ slug, rmaNumber, sellerName }: { slug: string; rmaNumber: number; sellerName: string }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const cancel = () =>
    startTransition(async () => {
      const answer = await cancelRmaAction(slug, { rmaNumber });
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button variant="secondary" disabled={pending}>
            {pending ? 'Cancelling…' : 'Cancel request'}
          </Button>
        }
        title={`Cancel return request RMA ${rmaNumber}?`}
        description={`${sellerName} will not review it. The devices can be put on a new request later.`}
        confirmLabel="Cancel request"
        cancelLabel="Keep request"
        onConfirm={cancel}
      />
      <ActionMessage result={result} />
    </div>
  );
}
